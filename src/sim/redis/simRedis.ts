import type { Redis } from 'ioredis';
import { dispatch } from './dispatch';
import { newMock } from './mockKeyspace';
import { invalidExpireError, notIntegerError, OOM_MESSAGE } from './errors';
import { execDel, execExists, execExpire, execGet, execPttl, execSetex, NO_FLAGS, ttlFromPttl } from './keyCommands';
import type { ImmediateRedis } from './engineRedis';
import type { RedisReply } from './reply';
import type { SimRedisOptions } from './options';
import { OPEN, SimRedisBase } from './serverBase';
import type { CommandStat } from './stats';

/**
 * A simulated Redis 7 server: ioredis-mock holds the data; this adds what the mock lacks —
 * virtual time, outages, clients, memory and eviction, expiry and command counters, INFO, MONITOR.
 *
 * The typed methods below are the hot path of the Laravel session driver and resolve like
 * ioredis/phpredis (`"OK"`, numbers, `null`); `getNow`/`setexNow`/`delNow` answer the same
 * synchronously (the engine calls those: no promise, no event-loop hop per command). {@link command} is the generic path of the
 * console, with RESP-typed replies. While the server is down every call rejects with
 * `RedisConnectionError` ("Connection refused"); while black-holed with `RedisTimeoutError`.
 * Error replies reject with `RedisReplyError` carrying Redis's exact text.
 *
 * Each call takes an optional `client` label such as `"10.0.0.11:51234"`, read only when
 * MONITOR is on: build it once per connection and pass the same string, it costs nothing.
 */
export class SimRedis extends SimRedisBase implements ImmediateRedis {
  private readonly sGet: CommandStat;
  private readonly sSetex: CommandStat;
  private readonly sDel: CommandStat;
  private readonly sExists: CommandStat;
  private readonly sTtl: CommandStat;
  private readonly sPttl: CommandStat;
  private readonly sExpire: CommandStat;

  /** Create a server, lazy-loading ioredis-mock (351 KB gzip in the browser). */
  static async create(opts: SimRedisOptions): Promise<SimRedis> {
    const { default: RedisMock } = await import('ioredis-mock');
    const mock = newMock(RedisMock);
    const name = opts.name ?? `redis-${(mock.options as { port?: number }).port ?? 0}`;
    return new SimRedis(mock, opts, name);
  }

  private constructor(mock: Redis, opts: SimRedisOptions, name: string) {
    super(mock, opts, name);
    const s = this.core.stats;
    this.sGet = s.stat('get');
    this.sSetex = s.stat('setex');
    this.sDel = s.stat('del');
    this.sExists = s.stat('exists');
    this.sTtl = s.stat('ttl');
    this.sPttl = s.stat('pttl');
    this.sExpire = s.stat('expire');
  }

  /** This server answers the session commands synchronously (the engine owns it). */
  get immediate(): ImmediateRedis {
    return this;
  }

  get monitoring(): boolean {
    return this.core.monitor.active;
  }

  /** GET, answered now: the value or null. Throws the outage errors while the server is unreachable. */
  getNow(key: string, client?: string): string | null {
    if (this.gate !== OPEN) throw this.gateError();
    const core = this.core;
    const now = core.begin();
    this.sGet.calls++;
    core.stats.totalCommands++;
    core.stats.current = this.sGet;
    if (core.monitor.active) core.monitor.emit(core.rawNow, client, 'GET', [key]);
    return execGet(core, key, now);
  }

  /** SETEX, done now: store `value` for `seconds` (a positive integer). Throws OOM when full under noeviction. */
  setexNow(key: string, seconds: number, value: string, client?: string): void {
    if (this.gate !== OPEN) throw this.gateError();
    const core = this.core;
    const now = core.begin();
    const stat = this.sSetex;
    if (core.oom) throw this.refuseCall(stat, OOM_MESSAGE);
    stat.calls++;
    core.stats.totalCommands++;
    if (core.monitor.active) core.monitor.emit(core.rawNow, client, 'SETEX', [key, seconds, value]);
    if (!Number.isInteger(seconds) || seconds <= 0) {
      stat.failed++;
      core.stats.errorReplies++;
      throw invalidExpireError('setex');
    }
    execSetex(core, key, seconds, value, now);
  }

  /** DEL one key, done now: 1 if it existed. */
  delNow(key: string, client?: string): number {
    if (this.gate !== OPEN) throw this.gateError();
    const core = this.core;
    const now = core.begin();
    this.sDel.calls++;
    core.stats.totalCommands++;
    if (core.monitor.active) core.monitor.emit(core.rawNow, client, 'DEL', [key]);
    return execDel(core, key, now);
  }

  /** GET: the value or null. */
  get(key: string, client?: string): Promise<string | null> {
    try {
      return Promise.resolve(this.getNow(key, client));
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /** SETEX: store `value` for `seconds` (a positive integer). Rejects with OOM when full under noeviction. */
  setex(key: string, seconds: number, value: string, client?: string): Promise<'OK'> {
    try {
      this.setexNow(key, seconds, value, client);
      return Promise.resolve('OK');
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /** DEL one key: 1 if it existed. */
  del(key: string, client?: string): Promise<number> {
    try {
      return Promise.resolve(this.delNow(key, client));
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /** EXISTS one key: 1 or 0. */
  exists(key: string, client?: string): Promise<number> {
    if (this.gate !== OPEN) return Promise.reject(this.gateError());
    const now = this.count(this.sExists, client, 'EXISTS', key);
    return execExists(this.core, [key], now);
  }

  /** TTL in seconds, Redis-rounded; -1 without TTL, -2 missing. */
  ttl(key: string, client?: string): Promise<number> {
    if (this.gate !== OPEN) return Promise.reject(this.gateError());
    const now = this.count(this.sTtl, client, 'TTL', key);
    return execPttl(this.core, key, now).then(ttlFromPttl);
  }

  /** PTTL in ms; -1 without TTL, -2 missing. */
  pttl(key: string, client?: string): Promise<number> {
    if (this.gate !== OPEN) return Promise.reject(this.gateError());
    const now = this.count(this.sPttl, client, 'PTTL', key);
    return execPttl(this.core, key, now);
  }

  /** EXPIRE key seconds (an integer; ≤ 0 deletes the key): 1 if set. */
  expire(key: string, seconds: number, client?: string): Promise<number> {
    if (this.gate !== OPEN) return Promise.reject(this.gateError());
    const now = this.count(this.sExpire, client, 'EXPIRE', key, seconds);
    if (!Number.isInteger(seconds)) {
      this.sExpire.failed++;
      this.core.stats.errorReplies++;
      return Promise.reject(notIntegerError());
    }
    return execExpire(this.core, key, seconds * 1000, NO_FLAGS, now);
  }

  /** KEYS pattern (walks every key, like the real one). */
  keys(pattern: string, client?: string): Promise<string[]> {
    return this.command('KEYS', [pattern], client) as Promise<string[]>;
  }

  /** SCAN cursor [MATCH pattern] [COUNT count]: `[nextCursor, keys]`, done when the cursor is "0". */
  scan(cursor: string | number, match?: string, count?: number, client?: string): Promise<[string, string[]]> {
    const args = [String(cursor)];
    if (match !== undefined) args.push('MATCH', match);
    if (count !== undefined) args.push('COUNT', String(count));
    return this.command('SCAN', args, client) as Promise<[string, string[]]>;
  }

  /** Any supported command by name, case-insensitive (the console's path). */
  command(name: string, args: readonly string[], client?: string): Promise<RedisReply> {
    if (this.gate !== OPEN) return Promise.reject(this.gateError());
    return dispatch(this.core, name, args, client);
  }

  /** Shared prologue of the colder typed commands. */
  private count(stat: CommandStat, client: string | undefined, name: string, key: string, extra?: number): number {
    const core = this.core;
    const now = core.begin();
    stat.calls++;
    core.stats.totalCommands++;
    core.stats.current = stat;
    if (core.monitor.active) core.monitor.emit(core.rawNow, client, name, extra === undefined ? [key] : [key, extra]);
    return now;
  }
}
