import type { EvictionPolicy } from '../types';
import { idleMs, lfuDecayed } from './accessStats';
import { NO_EXPIRY, type KeyMeta, type KeyTable } from './keyTable';

/** Redis's `EVPOOL_SIZE`. */
export const EVPOOL_SIZE = 16;
/** Redis's default `maxmemory-samples`. */
export const DEFAULT_MAXMEMORY_SAMPLES = 5;

/**
 * Chooses which key to evict, following Redis 7's evict.c:
 *
 * - `*-lru`, `*-lfu`, `volatile-ttl`: sample `maxmemory-samples` keys (from every key for
 *   `allkeys-*`, from keys with a TTL for `volatile-*`), merge them into a 16-entry pool kept
 *   sorted by score (idle time; 255 − LFU counter; soonest deadline), and evict the best entry
 *   that still exists. The pool survives between calls, so the approximation improves over
 *   time exactly as Redis's does; entries whose key was deleted are "ghosts" and skipped.
 * - `*-random`: one uniformly random key.
 * - `noeviction`: nothing.
 *
 * Randomness comes from the injected seeded rng, so a seed replays the same evictions.
 */
export class Evictor {
  private readonly poolKeys: (string | null)[] = new Array<string | null>(EVPOOL_SIZE).fill(null);
  private readonly poolScores: number[] = new Array<number>(EVPOOL_SIZE).fill(0);
  private readonly picked: number[] = [];

  constructor(private readonly rng: () => number, public samples: number = DEFAULT_MAXMEMORY_SAMPLES) {}

  /** Forget pooled candidates (after a policy change their scores mean something else). */
  reset(): void {
    this.poolKeys.fill(null);
    this.poolScores.fill(0);
  }

  /** The key Redis would evict next under `policy`, or null if nothing is evictable. */
  pick(table: KeyTable, policy: EvictionPolicy, now: number): KeyMeta | null {
    if (policy === 'noeviction') return null;
    const allKeys = policy.startsWith('allkeys-');
    const dict = allKeys ? table.all : table.volatile;
    if (dict.length === 0) return null;
    if (policy.endsWith('-random')) return dict[Math.floor(this.rng() * dict.length)] ?? null;

    for (;;) {
      this.populate(dict, policy, now);
      for (let k = EVPOOL_SIZE - 1; k >= 0; k--) {
        const key = this.poolKeys[k];
        if (key === null || key === undefined) continue;
        this.poolKeys[k] = null;
        this.poolScores[k] = 0;
        const meta = table.get(key);
        if (meta !== undefined && (allKeys || meta.expireAt !== NO_EXPIRY)) return meta;
        // A ghost: deleted (or persisted) since it was pooled. Try the next best.
      }
    }
  }

  /** `evictionPoolPopulate()`: sample and merge into the pool. */
  private populate(dict: readonly KeyMeta[], policy: EvictionPolicy, now: number): void {
    for (const i of this.sample(dict.length)) {
      const meta = dict[i] as KeyMeta;
      const score = policy.endsWith('-lru') ? idleMs(meta, now)
        : policy.endsWith('-lfu') ? 255 - lfuDecayed(meta, now)
          : -meta.expireAt; // volatile-ttl: the sooner the deadline, the better the candidate
      this.insert(meta.key, score);
    }
  }

  /** Insert keeping scores ascending left to right; drop the worst when full (evict.c). */
  private insert(key: string, score: number): void {
    const keys = this.poolKeys;
    const scores = this.poolScores;
    const last = EVPOOL_SIZE - 1;
    let k = 0;
    while (k < EVPOOL_SIZE && keys[k] !== null && (scores[k] as number) < score) k++;
    if (k === 0 && keys[last] !== null) return; // worse than everything in a full pool
    if (k < EVPOOL_SIZE && keys[k] === null) {
      // empty slot: insert in place
    } else if (keys[last] === null) {
      for (let j = last; j > k; j--) {
        keys[j] = keys[j - 1] as string | null;
        scores[j] = scores[j - 1] as number;
      }
    } else {
      k--;
      for (let j = 0; j < k; j++) {
        keys[j] = keys[j + 1] as string | null;
        scores[j] = scores[j + 1] as number;
      }
    }
    keys[k] = key;
    scores[k] = score;
  }

  /** Indices of up to `samples` distinct keys (all of them when there are that few). */
  private sample(n: number): number[] {
    const out = this.picked;
    out.length = 0;
    if (n <= this.samples) {
      for (let i = 0; i < n; i++) out.push(i);
      return out;
    }
    while (out.length < this.samples) {
      const i = Math.floor(this.rng() * n);
      if (!out.includes(i)) out.push(i);
    }
    return out;
  }
}
