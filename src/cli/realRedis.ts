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
import { escapeControls } from './escape';

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

/** What `--redis-url` says, checked: where to connect and as whom. */
export interface RedisTarget {
  url: URL;
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  tls: boolean;
}

/**
 * Validate `--redis-url`: `redis://` or `rediss://`, a host, a loopback host unless `allowRemote`
 * (`--allow-remote`), an optional database number (`/15`), and nothing else: query parameters
 * are refused (ioredis would turn `?sentinels=x&name=m` into options and hang). Returns the
 * connection target; throws {@link RemoteRedisRefused} or a plain Error with a message for the user.
 * Whether the server has that database is checked when connecting ({@link RealRedis.open}).
 */
export function checkRedisUrl(url: string, allowRemote = false): RedisTarget {
  let u: URL;
  const shown = escapeControls(url);
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--redis-url "${shown}" is not a URL; expected redis://127.0.0.1:6379`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new Error(`--redis-url "${shown}": expected a redis:// or rediss:// URL`);
  }
  if (u.hostname === '') throw new Error(`--redis-url "${shown}" has no host`);
  if (!allowRemote && !isLoopbackHost(u.hostname)) {
    throw new RemoteRedisRefused(
      `refusing --redis-url ${u.protocol}//${escapeControls(u.host)}: not a loopback address. The simulation writes, `
      + 'expires and deletes session keys there and may change maxmemory; pass --allow-remote if that server is yours to use.',
    );
  }
  if (u.search !== '' || u.hash !== '') {
    const names = [...new URLSearchParams(u.search).keys()];
    throw new Error(`--redis-url "${shown}": takes no ${u.search !== '' ? `query parameters${names.length ? ` (${names.map(escapeControls).join(', ')})` : ''}` : '#fragment'}; `
      + 'give the database as a path (redis://127.0.0.1:6379/15) and a password as redis://:PASSWORD@127.0.0.1:6379');
  }
  const path = decodeURIComponent(u.pathname).replace(/^\//, '');
  if (path !== '' && !/^\d{1,9}$/.test(path)) {
    throw new Error(`--redis-url "${shown}": the path is the database number (redis://127.0.0.1:6379/15: 0–15 on a default server), got "/${escapeControls(path)}"`);
  }
  const port = u.port === '' ? 6379 : Number(u.port);
  return {
    url: u,
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port,
    ...(u.username !== '' ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password !== '' ? { password: decodeURIComponent(u.password) } : {}),
    db: path === '' ? 0 : Number(path),
    tls: u.protocol === 'rediss:',
  };
}

/** Whether the server answers PING to a client that sent no password (false: it needs one, or it cannot be reached). */
async function answersWithoutPassword(host: string, port: number, tls: boolean): Promise<boolean> {
  const probe = new Redis({
    host, port, ...(tls ? { tls: {} } : {}), lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null,
  });
  probe.on('error', () => {}); // an unreachable server is reported by the real connection
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/** Why real-Redis mode could not start; `exitCode` 2 for what the user gave (password, database), 1 for an unreachable server. */
export class RealRedisError extends Error {
  override readonly name = 'RealRedisError';
  constructor(message: string, readonly exitCode: 1 | 2) {
    super(message);
  }
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

  private constructor(private readonly redis: Redis, private readonly target: RedisTarget, readonly name: string) {}

  /**
   * Check the URL, connect, select the database, and read INFO once. Rejects with a
   * {@link RealRedisError}: unreachable, authentication failed, or a database the server refuses
   * (SELECT's error stops the run: nothing is written to db 0 instead).
   */
  static async open(opts: RealRedisOptions): Promise<RealRedis> {
    const target = checkRedisUrl(opts.url, opts.allowRemote ?? false);
    const where = `${target.host}:${target.port}`;
    if (target.password !== undefined && target.username === undefined && (await answersWithoutPassword(target.host, target.port, target.tls))) {
      // ioredis would only print a raw [WARN] and go on; the URL names a server other than the one meant.
      throw new RealRedisError(`Redis at ${where} has no password set, but the URL gives one (AUTH fails there): remove it (redis://${where}) or point at the server that needs it`, 2);
    }
    // Options built from the checked URL, never the URL itself (ioredis would read query parameters as options).
    const redis = new Redis({
      host: target.host,
      port: target.port,
      ...(target.username !== undefined ? { username: target.username } : {}),
      ...(target.password !== undefined ? { password: target.password } : {}),
      ...(target.tls ? { tls: {} } : {}),
      db: target.db, // ioredis selects it again after a reconnect
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectionName: 'session-cluster-lab',
      // Keep trying every half second while an instructor restarts the server.
      retryStrategy: () => 500,
    });
    let lastError: Error | null = null;
    redis.on('error', (err: Error) => { lastError = err; }); // reported through isUp and the commands' rejections
    try {
      await redis.connect();
    } catch (err) {
      redis.disconnect();
      const cause = lastError ?? (err as Error);
      if (/WRONGPASS|NOAUTH|invalid password|invalid username-password/i.test(cause.message)) {
        throw new RealRedisError(`authentication failed at ${where}: ${escapeControls(cause.message)} (the password goes in the URL: redis://:PASSWORD@${where})`, 2);
      }
      throw new RealRedisError(`cannot reach Redis at ${where}: ${escapeControls(cause.message)}`, 1);
    }
    try {
      await redis.select(target.db); // the connect-time SELECT's error is only an event: ask again, and listen
    } catch (err) {
      const count = await redis.config('GET', 'databases').then((r) => Number((r as string[])[1]), () => NaN);
      redis.disconnect();
      const has = Number.isInteger(count) && count > 0 ? `; this server has ${count} (0–${count - 1})` : '';
      throw new RealRedisError(`Redis at ${where} refused database ${target.db}: ${escapeControls((err as Error).message)}${has}`, 2);
    }
    const r = new RealRedis(redis, target, opts.name ?? `redis@${where}`);
    try {
      await r.refreshInfo();
    } catch (err) {
      r.close();
      throw new RealRedisError(`Redis at ${where} did not answer INFO: ${escapeControls((err as Error).message)}`, 1);
    }
    return r;
  }

  /** `redis://127.0.0.1:6379/15`: where the sessions go, without the credentials. */
  get address(): string {
    const t = this.target;
    return `${t.tls ? 'rediss' : 'redis'}://${t.url.host}/${t.db}`;
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
    this.refuseWhileUnreachable();
    this.clients.add(clientId);
  }

  disconnect(clientId: string): void {
    this.clients.delete(clientId);
  }

  /** A request's connection: the real server counts its own clients (snapshot), so only the outage is applied. */
  openRequest(): number {
    this.refuseWhileUnreachable();
    return 0;
  }

  closeRequest(): void {}

  /** Throw the simulated outage's error, as SimRedis does: refused while down, silence while black-holed. */
  private refuseWhileUnreachable(): void {
    if (this.blackholed) throw new RedisTimeoutError();
    if (!this.isUp) throw new RedisConnectionError();
  }

  private async run<T>(fn: () => Promise<T>): Promise<T> {
    this.refuseWhileUnreachable(); // inside the async function: a rejection, not a throw
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
    const ks = /keys=(\d+)/.exec(i[`db${this.target.db}`] ?? '');
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
