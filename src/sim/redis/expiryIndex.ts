/**
 * A min-heap of (expireAt, key) pairs: which key's TTL runs out next.
 *
 * Entries are never updated in place. A SETEX that slides a session's TTL just pushes a new
 * pair; the old one becomes stale and is discarded when it reaches the top, because the
 * caller validates each popped pair against the key's current deadline (lazy deletion).
 * Stored as two parallel arrays so a push allocates no object. When stale pairs pile up
 * (a busy site re-SETEXes every session on every request) the owner calls {@link rebuild}.
 *
 * Ties on expireAt pop in no particular order; that only changes the order in which keys
 * expiring in the same millisecond are removed, never the count.
 */
export class ExpiryIndex {
  private at: number[] = [];
  private keys: string[] = [];

  /** Number of pairs held, stale ones included. */
  get size(): number {
    return this.at.length;
  }

  /** The earliest deadline held, or `Infinity` when empty. */
  peekAt(): number {
    return this.at.length === 0 ? Infinity : (this.at[0] as number);
  }

  /** The key of the earliest pair (only meaningful when `size > 0`). */
  peekKey(): string {
    return this.keys[0] as string;
  }

  push(expireAt: number, key: string): void {
    const at = this.at;
    const keys = this.keys;
    let i = at.length;
    at.push(expireAt);
    keys.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pAt = at[parent] as number;
      if (pAt <= expireAt) break;
      at[i] = pAt;
      keys[i] = keys[parent] as string;
      i = parent;
    }
    at[i] = expireAt;
    keys[i] = key;
  }

  /** Remove the earliest pair. */
  pop(): void {
    const at = this.at;
    const keys = this.keys;
    const lastAt = at.pop();
    const lastKey = keys.pop();
    if (at.length === 0 || lastAt === undefined || lastKey === undefined) return;
    this.siftDown(0, lastAt, lastKey);
  }

  clear(): void {
    this.at = [];
    this.keys = [];
  }

  /** Replace the contents with exactly these keys' deadlines (drops every stale entry), in O(n). */
  rebuild(keys: readonly { readonly expireAt: number; readonly key: string }[]): void {
    this.clear();
    for (let i = 0; i < keys.length; i++) {
      this.at.push(keys[i]!.expireAt);
      this.keys.push(keys[i]!.key);
    }
    for (let i = (this.at.length >> 1) - 1; i >= 0; i--) {
      this.siftDown(i, this.at[i] as number, this.keys[i] as string);
    }
  }

  private siftDown(start: number, expireAt: number, key: string): void {
    const at = this.at;
    const keys = this.keys;
    const n = at.length;
    const half = n >> 1;
    let i = start;
    while (i < half) {
      let child = 2 * i + 1;
      const right = child + 1;
      if (right < n && (at[right] as number) < (at[child] as number)) child = right;
      const cAt = at[child] as number;
      if (cAt >= expireAt) break;
      at[i] = cAt;
      keys[i] = keys[child] as string;
      i = child;
    }
    at[i] = expireAt;
    keys[i] = key;
  }
}
