/**
 * Real-Redis mode (`npm run sim -- --redis-url redis://127.0.0.1:6379`): the methods the engine
 * uses on the simulated Redis ({@link SimRedis}), implemented with ioredis against a real server,
 * so an instructor can watch `redis-cli MONITOR` while the simulation runs. CLI only (Node, real
 * sockets, wall clock): the simulation core never imports it.
 *
 * Time: a real server reads its own clock, so a run in this mode must map virtual time to real
 * time at 1× (the caller's job); TTLs and expiry are then the server's own. `tick()` only
 * refreshes the cached INFO that `snapshot()` and `info()` read (they are synchronous in the
 * engine, so they answer from the latest INFO, at most about a second old).
 *
 * Outages: `down()` / `up()` and `blackhole` are simulated at this adapter (commands are refused
 * with "Connection refused" / "Connection timed out"), because the server is not ours to stop;
 * if the real server stops, commands fail the same way and `isUp` turns false.
 *
 * Connections: every simulated node connection is multiplexed over one TCP connection, so the
 * server's `connected_clients` shows this adapter (1, plus 1 per MONITOR listener), not one per
 * in-flight request; `snapshot().connectedClients` reports the server's figure.
 */
import { Redis } from 'ioredis';
import {
  RedisConnectionError, RedisReplyError, RedisTimeoutError, parseInfo, repr,
  type MonitorListener, type RedisReply, type RedisSnapshot, type SimRedis,
} from '../sim/redis';
import { status } from '../sim/redis/reply';
import type { EngineRedis } from '../sim/redis/engineRedis';
import { EVICTION_POLICIES, type EvictionPolicy } from '../sim/types';

export type { EngineRedis } from '../sim/redis/engineRedis';

// SimRedis must keep satisfying the shared surface (a compile-time check, no runtime cost).
const simSatisfies = (r: SimRedis): EngineRedis => r;
void simSatisfies;

/** Thrown for a URL that is not on this machine, unless `allowRemote`. */
export class RemoteRedisRefused extends Error {
  override readonly name = 'RemoteRedisRefused';
}

/** True for 127.0.0.0/8, ::1 and `localhost`. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return m !== null && m.slice(1).every((o) => Number(o) <= 255);
}

/**
 * Validate `--redis-url`: `redis://` or `rediss://`, a host, and a loopback host unless
 * `allowRemote` (`--allow-remote`). Returns the parsed URL; throws {@link RemoteRedisRefused}
 * or a plain Error with a message for the user.
 */
export function checkRedisUrl(url: string, allowRemote = false): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--redis-url "${url}" is not a URL; expected redis://127.0.0.1:6379`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new Error(`--redis-url "${url}": expected a redis:// or rediss:// URL`);
  }
  if (u.hostname === '') throw new Error(`--redis-url "${url}" has no host`);
  if (!allowRemote && !isLoopbackHost(u.hostname)) {
    throw new RemoteRedisRefused(
      `refusing --redis-url ${u.protocol}//${u.host}: not a loopback address. The simulation writes, `
      + 'expires and deletes session keys there and may change maxmemory; pass --allow-remote if that server is yours to use.',
    );
  }
  return u;
}

export interface RealRedisOptions {
  url: string;
  allowRemote?: boolean;
  /** A label (diagnostics), like SimRedis's `name`. */
  name?: string;
}

/** Connection-level failures (the server is not reachable): the engine sees "Connection refused". */
function isConnectionFailure(err: unknown): boolean {
  const e = err as { name?: string; code?: string; message?: string };
  if (e?.name === 'ReplyError') return false;
  return e?.name === 'MaxRetriesPerRequestError' || typeof e?.code === 'string'
    || /Connection is closed|Stream isn't writeable|enableOfflineQueue|ECONNREFUSED|connect ETIMEDOUT/.test(e?.message ?? '');
}

function mapError(err: unknown): Error {
  if (isConnectionFailure(err)) return new RedisConnectionError();
  const e = err as { message?: string };
  return new RedisReplyError(e?.message ?? String(err));
}

/** A real Redis behind the engine's Redis surface. Create with {@link RealRedis.open}. */
export class RealRedis implements EngineRedis {
  private simulatedUp = true;
  private blackholed = false;
  private latency = 0;
  private readonly clients = new Set<string>();
  private infoText = '';
  private infoAt = 0;
  private refreshing: Promise<void> | null = null;
  private readonly monitors = new Set<Redis>();

  private constructor(private readonly redis: Redis, private readonly url: URL, readonly name: string) {}

  /** Check the URL, connect, and read INFO once. Rejects if the server cannot be reached. */
  static async open(opts: RealRedisOptions): Promise<RealRedis> {
    const url = checkRedisUrl(opts.url, opts.allowRemote ?? false);
    const redis = new Redis(url.toString(), {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectionName: 'session-cluster-lab',
      // Keep trying every half second while an instructor restarts the server.
      retryStrategy: () => 500,
    });
    redis.on('error', () => {}); // reported through isUp and the commands' rejections
    try {
      await redis.connect();
    } catch (err) {
      redis.disconnect();
      throw new Error(`cannot reach Redis at ${url.host}: ${(err as Error).message}`);
    }
    const r = new RealRedis(redis, url, opts.name ?? `redis@${url.host}`);
    await r.refreshInfo();
    return r;
  }

  /** The simulated server state is up and the connection is ready. */
  get isUp(): boolean {
    return this.simulatedUp && this.redis.status === 'ready';
  }

  get blackhole(): boolean {
    return this.blackholed;
  }
  set blackhole(on: boolean) {
    this.blackholed = on;
  }

  get latencyMs(): number {
    return this.latency;
  }

  /** Round-trip latency for the engine to apply (held only, as in SimRedis). */
  setLatency(ms: number): void {
    this.latency = ms;
  }

  /** Simulated outage: commands are refused until {@link up}; open simulated connections drop. */
  down(): void {
    this.simulatedUp = false;
    this.clients.clear();
  }

  up(): void {
    this.simulatedUp = true;
  }

  /** A simulated connection opens. Throws the outage error when unreachable, like SimRedis. */
  connect(clientId: string): void {
    const gate = this.gateError();
    if (gate !== null) throw gate;
    this.clients.add(clientId);
  }

  disconnect(clientId: string): void {
    this.clients.delete(clientId);
  }

  private gateError(): Error | null {
    if (this.blackholed) return new RedisTimeoutError();
    if (!this.isUp) return new RedisConnectionError();
    return null;
  }

  private async run<T>(fn: () => Promise<T>): Promise<T> {
    const gate = this.gateError();
    if (gate !== null) throw gate;
    try {
      return await fn();
    } catch (err) {
      throw mapError(err);
    }
  }

  get(key: string, _client?: string): Promise<string | null> {
    return this.run(() => this.redis.get(key));
  }

  setex(key: string, seconds: number, value: string, _client?: string): Promise<'OK'> {
    return this.run(() => this.redis.setex(key, seconds, value));
  }

  del(key: string, _client?: string): Promise<number> {
    return this.run(() => this.redis.del(key));
  }

  keys(pattern: string, _client?: string): Promise<string[]> {
    return this.run(() => this.redis.keys(pattern));
  }

  ttl(key: string, _client?: string): Promise<number> {
    return this.run(() => this.redis.ttl(key));
  }

  pttl(key: string, _client?: string): Promise<number> {
    return this.run(() => this.redis.pttl(key));
  }

  /**
   * Any command, with replies typed like SimRedis's: ioredis does not tell a status reply from a
   * bulk string, so `OK`, TYPE's answer and an argument-less PING's `PONG` are made status replies.
   */
  async command(name: string, args: readonly string[], _client?: string): Promise<RedisReply> {
    const reply = await this.run(() => this.redis.call(name, ...args));
    const upper = name.toUpperCase();
    if (reply === 'OK' || upper === 'TYPE' || (upper === 'PING' && args.length === 0)) return status(String(reply));
    return reply as RedisReply;
  }

  /** Refresh the cached INFO at most once a second (fire and forget); the server expires keys itself. */
  tick(_now: number): void {
    if (Date.now() - this.infoAt >= 1000) void this.refreshInfo().catch(() => {});
  }

  /** Fetch INFO everything now (the caches behind snapshot(), info() and commandCalls()). */
  refreshInfo(): Promise<void> {
    if (this.refreshing !== null) return this.refreshing;
    this.refreshing = (async () => {
      try {
        this.infoText = (await this.redis.info('everything')) as string;
        this.infoAt = Date.now();
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  /** The latest INFO text, filtered to `section` (CRLF like the server's), or '' before the first one. */
  info(section?: string): string {
    if (section === undefined || /^(all|everything|default)$/i.test(section)) return this.infoText;
    const wanted = section.toLowerCase().split(/\s+/);
    return this.infoText
      .split(/\r\n\r\n/)
      .filter((block) => wanted.includes((/^# (\S+)/.exec(block)?.[1] ?? '').toLowerCase()))
      .join('\r\n\r\n');
  }

  /** Executed calls per lower-case command name, from INFO commandstats. */
  commandCalls(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(parseInfo(this.infoText))) {
      const m = /^cmdstat_(.+)$/.exec(k);
      const calls = /calls=(\d+)/.exec(v);
      if (m !== null && calls !== null) out[m[1]!] = Number(calls[1]);
    }
    return out;
  }

  /** The same shape as SimRedis's snapshot, from the latest INFO. */
  snapshot(): RedisSnapshot {
    const i = parseInfo(this.infoText);
    const db = Number(this.url.pathname.replace(/^\//, '') || '0');
    const ks = /keys=(\d+)/.exec(i[`db${db}`] ?? '');
    const policy = (EVICTION_POLICIES as readonly string[]).includes(i.maxmemory_policy ?? '')
      ? (i.maxmemory_policy as EvictionPolicy) : 'noeviction';
    const n = (k: string): number => Number(i[k] ?? 0);
    return {
      up: this.isUp, keys: ks === null ? 0 : Number(ks[1]), usedMemory: n('used_memory'), maxmemory: n('maxmemory'), policy,
      connectedClients: n('connected_clients'), commands: n('total_commands_processed'), expiredKeys: n('expired_keys'),
      evictedKeys: n('evicted_keys'), hits: n('keyspace_hits'), misses: n('keyspace_misses'),
    };
  }

  /**
   * MONITOR on a second connection; each line formatted like redis-cli prints it
   * (`1764432000.123456 [0 127.0.0.1:53422] "GET" "key"`). Returns the unsubscribe function.
   */
  monitor(listener: MonitorListener): () => void {
    let conn: Redis | null = null;
    let stopped = false;
    // ioredis opens a new connection (same options) in MONITOR mode.
    void this.redis.monitor().then((m) => {
      m.on('error', () => {});
      if (stopped) {
        m.disconnect();
        return;
      }
      conn = m;
      this.monitors.add(m);
      m.on('monitor', (time: string, args: string[], source: string, database: string) => {
        listener(`${time} [${database} ${source}] ${args.map((a) => repr(a)).join(' ')}`);
      });
    }, () => {});
    return () => {
      stopped = true;
      if (conn !== null) {
        this.monitors.delete(conn);
        (conn as Redis).disconnect();
      }
    };
  }

  /** Close every connection. */
  dispose(): void {
    this.close();
  }

  close(): void {
    for (const m of this.monitors) m.disconnect();
    this.monitors.clear();
    this.redis.disconnect();
  }
}
