/**
 * The `.env` every node of the simulated cluster deploys with, and the values `php artisan`
 * reports from it. The session and Redis lines are printed from the settings (`printEnv`, so
 * they read back exactly as the .env editor parses them); the rest is a plausible production
 * Laravel 12 file. Every node shares one APP_KEY: nodes with different keys cannot decrypt each
 * other's cookies, another way to be logged out that this simulator does not model.
 */
import { printEnv } from '../config/envPrint';
import { blockStoreOf, dbConnectionOf } from '../sim/settings';
import type { SimSettings } from '../sim/types';

/** A fixed, valid-looking 32-byte key (base64), the same on every node. */
export const APP_KEY = 'base64:KXK7BE2W3yhxugNMld4ncLkCS5TdJm+4AUqT3CVutwA=';
/** The engine's app answers on http://localhost (its `_previous.url` values say so). */
export const APP_URL = 'http://localhost';
/** Versions `php artisan about` reports (releases that exist; the session behaviour modelled is 12.34+'s). */
export const VERSIONS = Object.freeze({ laravel: '12.34.0', php: '8.3.14', composer: '2.8.3' });

/** What the non-session parts of the .env say, and so what `php artisan about` reads. */
export function envDrivers(s: Readonly<SimSettings>): { cache: string; queue: string; db: string; log: string; logStack: string; mail: string; broadcast: string } {
  const redis = s.session.driver === 'redis';
  // CACHE_STORE is where ->block() takes its locks (session.block_store is unset in the skeleton),
  // so it says what the simulation does: blockStoreOf. DB_CONNECTION likewise when it matters.
  const db = dbConnectionOf(s.session) ?? 'mysql';
  return { cache: blockStoreOf(s.session), queue: redis ? 'redis' : 'database', db, log: 'stack', logStack: 'single', mail: 'log', broadcast: 'log' };
}

/** The node's `.env` text (ends with a newline). */
export function nodeEnvText(s: Readonly<SimSettings>): string {
  const { appName, ...session } = s.session;
  const d = envDrivers(s);
  const redis = { client: s.redis.client ?? 'phpredis', host: s.redis.host, password: s.redis.password, port: s.redis.port, db: s.redis.db };
  const sessionOnly = { driver: session.driver, lifetimeMin: session.lifetimeMin, encrypt: session.encrypt, expireOnClose: session.expireOnClose, connection: session.connection };
  return [
    printEnv({ appName }, {}).trimEnd(),
    'APP_ENV=production',
    `APP_KEY=${APP_KEY}`,
    'APP_DEBUG=false',
    `APP_URL=${APP_URL}`,
    '',
    'APP_LOCALE=en',
    'APP_FALLBACK_LOCALE=en',
    '',
    `LOG_CHANNEL=${d.log}`,
    `LOG_STACK=${d.logStack}`,
    'LOG_LEVEL=error',
    '',
    `DB_CONNECTION=${d.db}`,
    'DB_HOST=10.0.0.5',
    'DB_PORT=3306',
    'DB_DATABASE=laravel',
    'DB_USERNAME=laravel',
    'DB_PASSWORD=secret',
    '',
    printEnv(sessionOnly, {}).trimEnd(),
    '',
    `BROADCAST_CONNECTION=${d.broadcast}`,
    'FILESYSTEM_DISK=local',
    `QUEUE_CONNECTION=${d.queue}`,
    '',
    `CACHE_STORE=${d.cache}`,
    '',
    printEnv({}, redis).trimEnd(),
    '',
    `MAIL_MAILER=${d.mail}`,
    '',
  ].join('\n');
}
