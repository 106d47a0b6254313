/**
 * What the PHP Redis client does when Redis does not answer, and whether it follows a Sentinel
 * failover. Pure: settings in, durations and yes/no out (docs/fidelity.md, issue 15).
 *
 * - phpredis (Laravel's default `REDIS_CLIENT`): config/database.php `timeout` and `read_timeout`
 *   default to 0, which phpredis passes on as "no timeout of its own": the PHP stream then uses
 *   `default_socket_timeout`, 60 s. A black-holed Redis gives `RedisException` after ~60 s —
 *   racing nginx's 60 s `proxy_read_timeout` (504). Laravel's phpredis connector has no Sentinel
 *   support: with a plain `REDIS_HOST` it keeps connecting to the dead primary after a failover.
 * - predis: `timeout` (connect) defaults to 5 s; reads on an open connection use
 *   `read_write_timeout`, else `default_socket_timeout` (60 s). With `'replication' => 'sentinel'`
 *   it asks Sentinel for the primary and follows a failover.
 */
import type { RedisClientKind, RedisSettings } from '../types';

/** PHP's `default_socket_timeout` (php.ini default), seconds. */
export const PHP_DEFAULT_SOCKET_TIMEOUT_SEC = 60;
/** Predis' default connect `timeout`, seconds. */
export const PREDIS_CONNECT_TIMEOUT_SEC = 5;

/** Whether the call that hangs is opening the connection or reading on one already open. */
export type RedisCallPhase = 'connect' | 'read';

export function clientOf(r: Pick<RedisSettings, 'client'>): RedisClientKind {
  return r.client ?? 'phpredis';
}

/**
 * Seconds until a call to an unreachable (black-holed) Redis fails with an exception in PHP.
 * `timeoutSec` is config/database.php's `timeout`/`read_timeout` (null/0: the client's default).
 */
export function blackholeFailSec(client: RedisClientKind, timeoutSec: number | null | undefined, phase: RedisCallPhase): number {
  if (timeoutSec !== null && timeoutSec !== undefined && timeoutSec > 0) return timeoutSec;
  if (client === 'predis' && phase === 'connect') return PREDIS_CONNECT_TIMEOUT_SEC;
  return PHP_DEFAULT_SOCKET_TIMEOUT_SEC;
}

/**
 * What the browser gets when a request's Redis call hangs: PHP's exception (500) if it comes
 * before nginx's read timeout, else nginx's 504. At an exact tie nginx is taken to win (its timer
 * started first, when the request was sent; a real run mixes the two).
 */
export function blackholeOutcome(r: Pick<RedisSettings, 'client' | 'timeoutSec'>, phase: RedisCallPhase, proxyTimeoutMs: number): { afterMs: number; status: 500 | 504 } {
  const failMs = blackholeFailSec(clientOf(r), r.timeoutSec, phase) * 1000;
  return failMs < proxyTimeoutMs ? { afterMs: failMs, status: 500 } : { afterMs: proxyTimeoutMs, status: 504 };
}

/** Whether the app reaches the promoted replica after a Sentinel failover (predis + `replication: sentinel`). */
export function followsFailover(r: Pick<RedisSettings, 'client'>): boolean {
  return clientOf(r) === 'predis';
}

/**
 * Commands a request's own connection sends before its first session command: phpredis and
 * predis both `SELECT` the configured database on connect (Laravel always sets `database`), and
 * `AUTH` first when a password is set.
 */
export function handshakeCommands(r: Pick<RedisSettings, 'password' | 'db'>): string[][] {
  const out: string[][] = [];
  if (r.password !== null && r.password !== '') out.push(['AUTH', '(redacted)']);
  out.push(['SELECT', String(r.db)]);
  return out;
}

/** "until nginx gives up (60 s): 504" or "phpredis gives up after 2 s: 500" — for the feed. */
export function blackholeWords(r: Pick<RedisSettings, 'client' | 'timeoutSec'>, proxyTimeoutMs: number): string {
  const o = blackholeOutcome(r, 'connect', proxyTimeoutMs);
  return o.status === 504
    ? `${clientOf(r)} waits ${blackholeFailSec(clientOf(r), r.timeoutSec, 'connect')} s, nginx gives up first after ${proxyTimeoutMs / 1000} s: 504`
    : `${clientOf(r)} gives up after ${o.afterMs / 1000} s: RedisException, 500`;
}
