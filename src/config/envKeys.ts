/**
 * The `.env` keys the simulator reads, how Laravel's `env()` converts their values
 * (`Illuminate\Support\Env`), and the keys that are real but not modelled.
 */
import type { RedisSettings, SessionSettings } from '../sim/types';

/** A key the simulator reads, and which settings field it fills. */
export type EnvField =
  | { key: string; group: 'session'; field: keyof SessionSettings }
  | { key: string; group: 'redis'; field: keyof RedisSettings };

/** In the order a printed .env lists them. */
export const ENV_FIELDS: readonly EnvField[] = [
  { key: 'APP_NAME', group: 'session', field: 'appName' },
  { key: 'SESSION_DRIVER', group: 'session', field: 'driver' },
  { key: 'SESSION_LIFETIME', group: 'session', field: 'lifetimeMin' },
  { key: 'SESSION_ENCRYPT', group: 'session', field: 'encrypt' },
  { key: 'SESSION_EXPIRE_ON_CLOSE', group: 'session', field: 'expireOnClose' },
  { key: 'SESSION_CONNECTION', group: 'session', field: 'connection' },
  { key: 'DB_CONNECTION', group: 'session', field: 'dbConnection' },
  { key: 'CACHE_STORE', group: 'session', field: 'blockStore' },
  { key: 'REDIS_CLIENT', group: 'redis', field: 'client' },
  { key: 'REDIS_HOST', group: 'redis', field: 'host' },
  { key: 'REDIS_PASSWORD', group: 'redis', field: 'password' },
  { key: 'REDIS_PORT', group: 'redis', field: 'port' },
  { key: 'REDIS_DB', group: 'redis', field: 'db' },
];

/** Real Laravel keys whose effect the simulator does not model: an info diagnostic says so. */
export const UNMODELLED_KEYS: Readonly<Record<string, string>> = {
  SESSION_COOKIE: 'SESSION_COOKIE overrides the cookie name in Laravel; the simulator derives it from APP_NAME',
  REDIS_PREFIX: 'REDIS_PREFIX overrides the Redis key prefix in Laravel; the simulator derives it from APP_NAME',
  CACHE_PREFIX: 'CACHE_PREFIX overrides the cache key prefix in Laravel; the simulator derives it from APP_NAME',
  REDIS_URL: 'REDIS_URL overrides REDIS_HOST, REDIS_PORT and REDIS_PASSWORD in Laravel; the simulator reads those instead',
  SESSION_STORE: 'SESSION_STORE picks the cache store for cache-backed drivers; the simulator does not model it',
  REDIS_TIMEOUT: "the skeleton's config/database.php reads no REDIS_TIMEOUT: set 'timeout' and 'read_timeout' in the redis connection there (0 = PHP's default_socket_timeout, 60 s); in the simulator: --redis-timeout or the Failure lab",
};

/** Real keys that need no comment (so a near-miss of them is not flagged either). */
const OTHER_KNOWN = [
  'SESSION_PATH', 'SESSION_DOMAIN', 'SESSION_SECURE_COOKIE', 'SESSION_HTTP_ONLY', 'SESSION_SAME_SITE',
  'SESSION_PARTITIONED_COOKIE', 'SESSION_TABLE', 'SESSION_SERIALIZATION',
  'REDIS_USERNAME', 'REDIS_CLUSTER', 'REDIS_PERSISTENT', 'REDIS_CACHE_DB', 'REDIS_CACHE_CONNECTION',
  'REDIS_CACHE_LOCK_CONNECTION', 'REDIS_QUEUE_CONNECTION', 'REDIS_QUEUE', 'REDIS_MAX_RETRIES', 'REDIS_BACKOFF_ALGORITHM',
  'REDIS_BACKOFF_BASE', 'REDIS_BACKOFF_CAP', 'REDIS_SCHEME',
  'APP_ENV', 'APP_KEY', 'APP_DEBUG', 'APP_URL', 'APP_TIMEZONE', 'APP_LOCALE', 'APP_FALLBACK_LOCALE',
  'APP_FAKER_LOCALE', 'APP_MAINTENANCE_DRIVER', 'APP_MAINTENANCE_STORE', 'APP_PREVIOUS_KEYS',
  'DB_CONNECTION', 'CACHE_STORE', 'CACHE_DRIVER', 'DB_HOST', 'DB_PORT', 'DB_DATABASE', 'DB_USERNAME', 'DB_PASSWORD',
];

export const KNOWN_KEYS: ReadonlySet<string> = new Set([
  ...ENV_FIELDS.map((f) => f.key), ...Object.keys(UNMODELLED_KEYS), ...OTHER_KNOWN,
]);

/** Keys a typo is compared against for "did you mean": the session/redis ones and APP_NAME. */
export const SUGGESTABLE_KEYS: readonly string[] = [...KNOWN_KEYS].filter(
  (k) => k.startsWith('SESSION_') || k.startsWith('REDIS_') || k === 'APP_NAME' || k === 'DB_CONNECTION' || k === 'CACHE_STORE',
);

/** What `env()` returns for a dotenv string: true/false/null/'' for the special words, else the string. */
export function laravelEnvValue(raw: string): string | boolean | null {
  switch (raw.toLowerCase()) {
    case 'true':
    case '(true)':
      return true;
    case 'false':
    case '(false)':
      return false;
    case 'empty':
    case '(empty)':
      return '';
    case 'null':
    case '(null)':
      return null;
  }
  // Env::get also strips one pair of surrounding quotes left in the value.
  const m = /^(['"])([^\n]*)\1$/.exec(raw);
  return m ? (m[2] ?? '') : raw;
}

/** PHP's `(int)` cast of a numeric-leading string ("2h" → 2, "abc" → 0). */
export function phpIntCast(s: string): number {
  const m = /^[ \t\n\r\v\f]*([+-]?\d+)/.exec(s);
  return m ? Number.parseInt(m[1] ?? '0', 10) : 0;
}

/** PHP truthiness of an env() result: '' and '0' are false, other strings true. */
export function phpTruthy(v: string | boolean | null): boolean {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  return v !== '' && v !== '0';
}
