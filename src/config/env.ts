/**
 * The Laravel `.env` editor: reads the session and Redis keys into partial settings.
 * Unknown keys are fine (a real .env has dozens); a near-miss of a session/redis key is flagged.
 * Value rules follow Laravel 11/12's config files and `env()` (FACTS.md, Laravel section).
 */
import type { BlockStore, RedisSettings, SessionDriver, SessionSettings } from '../sim/types';
import { BLOCK_STORES, SESSION_DRIVERS } from '../sim/types';
import { DiagnosticSink, neverThrow, type ParseResult } from './diagnostic';
import { type EnvEntry, lexEnv } from './envLexer';
import { KNOWN_KEYS, laravelEnvValue, phpIntCast, phpTruthy, SUGGESTABLE_KEYS, UNMODELLED_KEYS } from './envKeys';
import { laravelSlug } from './laravelNames';
import { handleBom, refuseOversized } from './limits';
import { closest } from './suggest';

/** What a .env sets: only the keys present in the text. */
export interface EnvSettings {
  session: Partial<SessionSettings>;
  redis: Partial<RedisSettings>;
}

/** Real Laravel session drivers the simulator does not model. */
const UNMODELLED_DRIVERS = ['memcached', 'dynamodb', 'apc'];
const MODELLED = `the simulator models ${SESSION_DRIVERS.slice(0, -1).join(', ')} and ${SESSION_DRIVERS.at(-1)}`;
/** Database connections that are one shared server, as `mysql` is. */
const SHARED_DB_CONNECTIONS = ['mariadb', 'pgsql', 'sqlsrv'];

/** Parses a `.env` text. Never throws. The value holds every key that was read without error. */
export function parseEnv(text: string): ParseResult<EnvSettings> {
  return neverThrow(text, () => {
    const oversized = refuseOversized<EnvSettings>(text);
    if (oversized) return oversized;
    const sink = new DiagnosticSink(text);
    handleBom(text, sink, 'phpdotenv'); // lexEnv skips it
    const entries = lexEnv(text, sink);
    const out: EnvSettings = { session: {}, redis: {} };
    const last = new Map<string, EnvEntry>();
    for (const e of entries) {
      const prev = last.get(e.key);
      if (prev) {
        const line = sink.position(e.keyFrom).line;
        sink.warn(`${e.key} is set again on line ${line}; the last value wins`, prev.keyFrom, prev.keyTo);
      }
      last.set(e.key, e);
    }
    // DB_CONNECTION matters to the simulator only for SESSION_DRIVER=database or CACHE_STORE=database (the locks).
    const unquoted = (key: string): string | undefined => last.get(key)?.value.replace(/^(['"])(.*)\1$/, '$2').toLowerCase();
    const usesDatabase = unquoted('SESSION_DRIVER') === 'database' || unquoted('CACHE_STORE') === 'database';
    for (const e of last.values()) applyEntry(e, out, sink, usesDatabase);
    return { value: out, diagnostics: sink.sorted() };
  });
}

function applyEntry(e: EnvEntry, out: EnvSettings, sink: DiagnosticSink, usesDatabase: boolean): void {
  const v = laravelEnvValue(e.value);
  const at = e.rawFrom;
  const to = Math.max(e.rawTo, e.rawFrom);
  const bad = (msg: string): void => void sink.error(msg, at, to);
  switch (e.key) {
    case 'APP_NAME': {
      const name = v === null || v === false ? '' : v === true ? '1' : v;
      if (typeof v !== 'string') sink.warn(`env() turns APP_NAME=${e.value} into ${JSON.stringify(v)}, so Laravel's app name is "${name}"`, at, to);
      const slug = laravelSlug(name, '_');
      if (slug === '' && name === '') sink.warn('APP_NAME is empty: the session cookie is named "_session"', e.keyFrom, e.keyTo);
      else if (slug === '') sink.warn(`APP_NAME "${name}" has no Latin letters or digits: the simulator's slug is empty (Laravel would transliterate it)`, at, to);
      out.session.appName = name;
      return;
    }
    case 'SESSION_DRIVER': {
      if (v === null) return bad('Unable to resolve NULL driver for [Illuminate\\Session\\SessionManager].');
      const d = String(v).toLowerCase();
      if ((SESSION_DRIVERS as readonly string[]).includes(d)) {
        out.session.driver = d as SessionDriver;
        return;
      }
      if (UNMODELLED_DRIVERS.includes(d)) return bad(`SESSION_DRIVER=${d} is a real Laravel driver, but ${MODELLED}`);
      const hint = closest(d, [...SESSION_DRIVERS, ...UNMODELLED_DRIVERS]);
      return bad(`Driver [${String(v)}] not supported.${hint ? ` Did you mean "${hint}"?` : ''} (${MODELLED})`);
    }
    case 'SESSION_LIFETIME': {
      const s = typeof v === 'string' ? v : String(v);
      if (/^\d{1,9}$/.test(s) && Number(s) > 0) {
        out.session.lifetimeMin = Number(s);
        return;
      }
      return bad(`SESSION_LIFETIME must be a positive whole number of minutes; Laravel casts it with (int), which reads "${e.value}" as ${phpIntCast(s)}`);
    }
    case 'SESSION_ENCRYPT':
    case 'SESSION_EXPIRE_ON_CLOSE': {
      const field = e.key === 'SESSION_ENCRYPT' ? 'encrypt' : 'expireOnClose';
      if (typeof v === 'string' && v !== '' && v !== '0' && v !== '1') {
        sink.warn(`"${v}" is not true or false: env() only converts true/false/(true)/(false), and PHP treats the non-empty string "${v}" as true`, at, to);
      }
      out.session[field] = phpTruthy(v);
      return;
    }
    case 'SESSION_CONNECTION': {
      if (v === null || v === '') {
        out.session.connection = null;
        return;
      }
      if (typeof v === 'boolean') return bad(`SESSION_CONNECTION must name a Redis connection from config/database.php, not ${String(v)}`);
      if (v === 'cache') sink.info('the "cache" connection uses REDIS_CACHE_DB (default 1), not REDIS_DB', at, to);
      else if (v !== 'default') {
        sink.warn(`config/database.php defines the Redis connections "default" and "cache"; "${v}" needs its own entry there, or Laravel throws "Redis connection [${v}] not configured."`, at, to);
      }
      out.session.connection = v;
      return;
    }
    case 'DB_CONNECTION': {
      const c = typeof v === 'string' ? v.toLowerCase() : '';
      if (c === 'sqlite' || c === 'mysql') {
        if (c === 'sqlite') sink.info("sqlite is database/database.sqlite on each server's own disk: with SESSION_DRIVER=database every server has its own sessions table", at, to);
        if (usesDatabase) out.session.dbConnection = c;
        return;
      }
      if (SHARED_DB_CONNECTIONS.includes(c)) {
        sink.info(`${c} is one server every node shares: the simulator models it as mysql`, at, to);
        if (usesDatabase) out.session.dbConnection = 'mysql';
        return;
      }
      return bad(`DB_CONNECTION must name a connection from config/database.php (sqlite, mysql, mariadb, pgsql, sqlsrv), not "${e.value}"`);
    }
    case 'CACHE_STORE': {
      const c = typeof v === 'string' ? v.toLowerCase() : '';
      const where: Record<string, string> = {
        file: "each server's own storage/framework/cache: every server locks on its own",
        database: "the cache_locks table of DB_CONNECTION (per server on sqlite, shared on mysql)",
        redis: 'Redis, shared by every server',
        array: 'the PHP process: no lock across requests at all',
      };
      const w = Object.hasOwn(where, c) ? where[c] : undefined; // CACHE_STORE=constructor is a store name, not Object's
      if (w) sink.info(`->block() session locks go to the default cache store when session.block_store is unset: ${w}`, at, to);
      if ((BLOCK_STORES as readonly string[]).includes(c)) out.session.blockStore = c as BlockStore;
      else if (c !== '' && c !== 'array') sink.info(`CACHE_STORE=${c}: the simulator's lock stores are ${BLOCK_STORES.join(', ')}; this one is not modelled`, at, to);
      return;
    }
    case 'REDIS_CLIENT': {
      const c = typeof v === 'string' ? v.toLowerCase() : '';
      if (c === 'phpredis' || c === 'predis') {
        out.redis.client = c;
        return;
      }
      return bad(`REDIS_CLIENT must be phpredis or predis, not "${e.value}"`);
    }
    case 'REDIS_HOST':
      if (typeof v !== 'string' || v === '') return bad('REDIS_HOST must be a host name or an IP address');
      out.redis.host = v;
      return;
    case 'REDIS_PORT':
      if (typeof v === 'string' && /^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 65535) {
        out.redis.port = Number(v);
        return;
      }
      return bad(`REDIS_PORT must be a port number from 1 to 65535, not "${e.value}"`);
    case 'REDIS_PASSWORD':
      if (typeof v === 'boolean') sink.warn(`env() turns "${e.value}" into a boolean: phpredis would not send it as the password "${e.value}"`, at, to);
      out.redis.password = v === null || v === '' ? null : String(v);
      return;
    case 'REDIS_DB':
      if (typeof v === 'string' && /^\d{1,9}$/.test(v)) {
        const db = Number(v);
        if (db > 15) sink.warn(`Redis has 16 databases (0-15) unless its "databases" setting is raised; SELECT ${db} would fail`, at, to);
        out.redis.db = db;
        return;
      }
      return bad(`REDIS_DB must be a database number (0-15 by default), not "${e.value}"`);
  }
  const unmodelled = Object.hasOwn(UNMODELLED_KEYS, e.key) ? UNMODELLED_KEYS[e.key] : undefined;
  if (unmodelled !== undefined) {
    sink.info(unmodelled, e.keyFrom, e.keyTo);
    return;
  }
  if (KNOWN_KEYS.has(e.key)) return;
  const upper = e.key.toUpperCase();
  if (upper !== e.key && KNOWN_KEYS.has(upper)) {
    sink.warn(`${e.key}: did you mean ${upper}? (.env names are case-sensitive)`, e.keyFrom, e.keyTo);
    return;
  }
  const hint = closest(e.key, SUGGESTABLE_KEYS, 2);
  if (hint) sink.warn(`${e.key}: did you mean ${hint}?`, e.keyFrom, e.keyTo);
}
