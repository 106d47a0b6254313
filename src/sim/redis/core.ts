import type { Redis } from 'ioredis';
import { CLONE, type Cloner } from '../graphClone';
import { LFU_INIT_VAL, touchLfu } from './accessStats';
import type { RedisConfig } from './config';
import { Evictor } from './eviction';
import { ExpiryIndex } from './expiryIndex';
import { NO_EXPIRY, KeyTable, type KeyMeta } from './keyTable';
import { BASELINE_USED_MEMORY } from './memoryModel';
import { keyspaceOf, loadKeyspace, saveKeyspace, type MockKeyspace, type SavedKeyspace } from './mockKeyspace';
import { Monitor } from './monitor';
import { ServerStats } from './stats';
import { VirtualNow } from './virtualTime';

/** What a checkpoint's copy has instead of an ioredis-mock instance: using it is a bug. */
const NO_MOCK = new Proxy({}, {
  get(_, name) {
    throw new Error(`a checkpoint's Redis is data, not a server (it was asked for ${String(name)})`);
  },
}) as Redis;

/**
 * ioredis-mock deletes a key at `deadline <= Date.now()`, Redis at `now > deadline`: every
 * deadline handed to the mock is this much later than the real one, so both agree at the
 * deadline millisecond itself.
 */
export const MOCK_DEADLINE_SKEW_MS = 1;

/**
 * The simulated server's state and the bookkeeping ioredis-mock lacks: key metadata and
 * memory, the expiry index, eviction, counters, MONITOR. ioredis-mock holds the values;
 * every write goes through here first so the two always agree on which keys exist.
 * Internal to src/sim/redis: the public face is {@link SimRedis}.
 */
export class RedisCore {
  readonly table = new KeyTable();
  readonly expiry = new ExpiryIndex();
  readonly stats = new ServerStats();
  readonly monitor = new Monitor();
  readonly vt = new VirtualNow();
  readonly evictor: Evictor;
  /** The mock's own keyspace, for the synchronous hot path. */
  readonly keyspace: MockKeyspace;
  /** Named connections (a console, an oracle). */
  readonly clients = new Set<string>();
  /** Requests' own connections open now, and the count of times the server dropped them all. */
  requestClients = 0;
  drops = 0;
  peakMemory = BASELINE_USED_MEMORY;
  /** Virtual time of the command in progress, unrounded (MONITOR prints microseconds). */
  rawNow = 0;
  /** Set by {@link begin}: over maxmemory and eviction could not fix it, so refuse `denyoom` writes. */
  oom = false;
  /** True under an LFU policy (accesses then update the LFU counter instead of the LRU clock). */
  lfu: boolean;
  /**
   * Set in a checkpoint's copy, which is never run: the keyspace as data. Its `mock` and
   * `keyspace` are then placeholders that refuse to be used.
   */
  saved: SavedKeyspace | null = null;

  constructor(
    readonly mock: Redis,
    private readonly clock: () => number,
    readonly rng: () => number,
    readonly config: RedisConfig,
    readonly startedMs: number,
  ) {
    this.evictor = new Evictor(rng, config.samples);
    this.keyspace = keyspaceOf(mock);
    this.lfu = config.policy.endsWith('-lfu');
  }

  /**
   * A copy: the key table, expiry index, counters, configuration, clients and eviction pool
   * copied field by field. A checkpoint's (dormant) copy holds the keyspace as data
   * ({@link saved}); a live copy gets a new ioredis-mock instance holding it.
   */
  [CLONE](c: Cloner): RedisCore {
    const saved = this.saved ?? saveKeyspace(this.mock, this.vt);
    c.built(3, 3 * saved.keys.length);
    if (c.dormant) return c.copyFields<RedisCore>(this, { mock: NO_MOCK, keyspace: NO_MOCK as unknown as MockKeyspace, saved });
    const mock = loadKeyspace(saved, this.vt);
    return c.copyFields<RedisCore>(this, { mock, keyspace: keyspaceOf(mock), saved: null });
  }

  /** `connected_clients`. */
  get connectedClients(): number {
    return this.clients.size + this.requestClients;
  }

  /** The server stops: every connection is gone (requests' tokens from before no longer count). */
  dropConnections(): void {
    this.clients.clear();
    this.requestClients = 0;
    this.drops++;
  }

  get usedMemory(): number {
    return BASELINE_USED_MEMORY + this.table.bytes;
  }

  /**
   * Read the clock for MONITOR without starting a command: a connection's handshake (AUTH,
   * SELECT) touches no key, and the request's first command follows at the same virtual instant
   * and expires and evicts then — doing it twice per request cost ~3 % of a run.
   */
  stamp(): void {
    this.rawNow = this.clock();
  }

  /**
   * Start a command: read the virtual clock once (integer ms, like `Date.now`), expire what is
   * due, and run Redis's pre-command eviction (`performEvictions()` runs before every command
   * when maxmemory is set, and only when used memory is already over it).
   */
  begin(): number {
    const raw = this.clock();
    this.rawNow = raw;
    const now = Math.floor(raw);
    if (this.expiry.peekAt() < now) this.expireDue(now);
    const max = this.config.maxmemory;
    this.oom = max !== 0 && this.table.bytes + BASELINE_USED_MEMORY > max && !this.performEvictions(now);
    return now;
  }

  /**
   * Remove every key whose deadline is before `now` and count it in `expired_keys`. Redis's
   * `keyIsExpired` is `now > when`: at its deadline millisecond a key is still there (PTTL 0).
   * ioredis-mock expires at `when <= now`, one millisecond early, so the mock is always given
   * deadlines one millisecond later than the real ones ({@link MOCK_DEADLINE_SKEW_MS}); PTTL is
   * computed here, not by the mock. Checked against redis-server by `npm run oracles`.
   * Real Redis finds expired keys lazily or by its 10 Hz sampling cycle, so its counter lags a
   * little; ours moves as soon as any command or tick sees the deadline passed.
   */
  expireDue(now: number): void {
    const expiry = this.expiry;
    while (expiry.size > 0 && expiry.peekAt() < now) {
      const at = expiry.peekAt();
      const meta = this.table.get(expiry.peekKey());
      expiry.pop();
      if (meta === undefined || meta.expireAt !== at) continue; // stale pair: the TTL moved or the key went
      this.dropKey(meta, now);
      this.stats.expiredKeys++;
    }
  }

  /** Evict until used memory is within maxmemory; false if the policy finds nothing to evict. */
  performEvictions(now: number): boolean {
    const max = this.config.maxmemory;
    while (this.usedMemory > max) {
      const meta = this.evictor.pick(this.table, this.config.policy, now);
      if (meta === null) return false;
      this.dropKey(meta, now);
      this.stats.evictedKeys++;
    }
    return true;
  }

  /** Delete a key from both the table and ioredis-mock (expiry, eviction). */
  dropKey(meta: KeyMeta, now: number): void {
    this.table.remove(meta);
    this.vt.enter(now);
    try {
      this.keyspace.data.delete(meta.key);
    } finally {
      this.vt.exit();
    }
  }

  /** A read or write access: Redis's `lookupKey()` updates the LRU clock or the LFU counter. */
  touch(meta: KeyMeta, now: number): void {
    if (this.lfu) touchLfu(meta, now, this.rng());
    else meta.lruMs = now;
  }

  /**
   * Record a string write of `value` (kept in the key's metadata) to `key` with deadline `expireAt` (or {@link NO_EXPIRY};
   * `keepTtl` keeps the current one). An overwrite counts as an access (lookupKeyWrite), and
   * under LFU keeps the counter (dbSetValue); a new key starts fresh.
   */
  recordWrite(key: string, value: string, expireAt: number, now: number, keepTtl = false): KeyMeta {
    const table = this.table;
    let meta = table.get(key);
    if (meta === undefined) meta = table.create(key, now, LFU_INIT_VAL);
    else this.touch(meta, now);
    meta.value = value;
    table.resize(meta, value.length);
    if (!keepTtl) this.recordExpire(meta, expireAt);
    const used = this.usedMemory;
    if (used > this.peakMemory) this.peakMemory = used;
    return meta;
  }

  /** Set or clear a live key's deadline, indexing it for expiry. */
  recordExpire(meta: KeyMeta, expireAt: number): void {
    if (expireAt === NO_EXPIRY) {
      this.table.clearExpire(meta);
      return;
    }
    this.table.setExpire(meta, expireAt);
    this.expiry.push(expireAt, meta.key);
    // Sliding TTLs leave one stale pair per write; rebuild when they outnumber live ones.
    if (this.expiry.size > 1024 + 4 * this.table.volatile.length) {
      this.expiry.rebuild(this.table.volatile);
    }
  }

  /** Forget every key (FLUSHALL). */
  clearKeys(): void {
    this.table.clear();
    this.expiry.clear();
    this.evictor.reset();
  }

  /** Mean remaining TTL of keys that have one, ms (INFO keyspace `avg_ttl`; Redis estimates it by sampling). */
  avgTtl(now: number): number {
    const vol = this.table.volatile;
    if (vol.length === 0) return 0;
    let sum = 0;
    for (const m of vol) sum += Math.max(0, m.expireAt - now);
    return Math.floor(sum / vol.length);
  }
}
