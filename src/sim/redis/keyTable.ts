import { CLONE, type Cloner } from '../graphClone';
import { EXPIRE_OVERHEAD, keyCost } from './memoryModel';

/** No TTL (Redis's `-1` from getExpire). */
export const NO_EXPIRY = 0;

/**
 * What the simulator knows about one live key beside its value (which lives in ioredis-mock):
 * its memory cost, deadline and the access metadata Redis keeps in `robj->lru`.
 * A class so every instance has one hidden shape (fast property access on the hot path).
 */
export class KeyMeta {
  /** Bytes counted in used_memory, TTL overhead included. */
  size = 0;
  /** Absolute deadline, virtual epoch ms; {@link NO_EXPIRY} for none. */
  expireAt = NO_EXPIRY;
  /** Last access, virtual epoch ms (LRU policies). */
  lruMs: number;
  /** 8-bit logarithmic access counter (LFU policies). */
  lfuCounter: number;
  /** Last LFU decrement time, whole minutes (LFU policies). */
  lfuMinutes: number;
  /** Index in {@link KeyTable.all}. */
  idx = -1;
  /** Index in {@link KeyTable.volatile}, -1 without TTL. */
  vidx = -1;
  /**
   * The string the mock holds for this key (the same string, set by every write): GET answers
   * from here instead of through the mock, whose `get` checks its own expiry on the global
   * clock (a virtual-time bracket) and copies non-string values. Every value is a string (no
   * command here writes another type).
   */
  value = '';

  constructor(readonly key: string, now: number, lfuInit: number) {
    this.lruMs = now;
    this.lfuCounter = lfuInit;
    this.lfuMinutes = Math.floor(now / 60_000);
  }
}

/**
 * Every live key with its metadata: a Map for lookup and two dense arrays (all keys, keys with
 * a TTL — Redis's `dict` and `expires`) so eviction can sample uniformly in O(1).
 * Removal swaps the last element into the hole. Also sums the memory of the keyspace.
 */
export class KeyTable {
  readonly map = new Map<string, KeyMeta>();
  readonly all: KeyMeta[] = [];
  readonly volatile: KeyMeta[] = [];
  /** Sum of {@link KeyMeta.size}, bytes. */
  bytes = 0;

  /**
   * A checkpoint's copy, built directly (a key's metadata is this table's own: nothing else
   * holds a KeyMeta between commands). The map and both arrays keep their order, so eviction
   * samples the same keys.
   */
  [CLONE](c: Cloner): KeyTable {
    const t = new KeyTable();
    t.bytes = this.bytes;
    for (const m of this.all) t.all.push(Object.assign(new KeyMeta(m.key, 0, 0), m));
    for (const m of this.volatile) t.volatile.push(t.all[m.idx]!);
    for (const m of this.map.values()) t.map.set(m.key, t.all[m.idx]!);
    c.built(4 + t.all.length, 12 * t.all.length + t.volatile.length);
    return t;
  }

  get(key: string): KeyMeta | undefined {
    return this.map.get(key);
  }

  /** Add a new key (size 0 until {@link resize}). */
  create(key: string, now: number, lfuInit: number): KeyMeta {
    const meta = new KeyMeta(key, now, lfuInit);
    meta.idx = this.all.length;
    this.all.push(meta);
    this.map.set(key, meta);
    return meta;
  }

  /** Account for a write of a `valueLength`-char value to `meta`'s key. */
  resize(meta: KeyMeta, valueLength: number): void {
    const size = keyCost(meta.key, valueLength) + (meta.expireAt === NO_EXPIRY ? 0 : EXPIRE_OVERHEAD);
    this.bytes += size - meta.size;
    meta.size = size;
  }

  /** Give `meta` a deadline (or move it). */
  setExpire(meta: KeyMeta, expireAt: number): void {
    if (meta.expireAt === NO_EXPIRY) {
      meta.vidx = this.volatile.length;
      this.volatile.push(meta);
      meta.size += EXPIRE_OVERHEAD;
      this.bytes += EXPIRE_OVERHEAD;
    }
    meta.expireAt = expireAt;
  }

  /** Remove `meta`'s deadline (PERSIST, plain SET). */
  clearExpire(meta: KeyMeta): void {
    if (meta.expireAt === NO_EXPIRY) return;
    removeAt(this.volatile, meta.vidx, true);
    meta.vidx = -1;
    meta.expireAt = NO_EXPIRY;
    meta.size -= EXPIRE_OVERHEAD;
    this.bytes -= EXPIRE_OVERHEAD;
  }

  remove(meta: KeyMeta): void {
    if (meta.expireAt !== NO_EXPIRY) removeAt(this.volatile, meta.vidx, true);
    removeAt(this.all, meta.idx, false);
    this.map.delete(meta.key);
    this.bytes -= meta.size;
    meta.idx = -1;
    meta.vidx = -1;
  }

  clear(): void {
    this.map.clear();
    this.all.length = 0;
    this.volatile.length = 0;
    this.bytes = 0;
  }
}

/** Swap-remove `list[i]`, fixing the moved element's index field. */
function removeAt(list: KeyMeta[], i: number, volatile: boolean): void {
  const last = list.pop();
  if (last === undefined || i >= list.length) return;
  list[i] = last;
  if (volatile) last.vidx = i;
  else last.idx = i;
}
