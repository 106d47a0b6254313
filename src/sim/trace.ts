/**
 * The request trace: every finished request as a record, in completion order. Keeps the
 * newest `limit` records in memory (the browser runs for hours) and a running digest of all
 * of them, so determinism can be checked without keeping everything.
 */
import { CLONE, type Cloner } from './graphClone';
import type { TraceRecord } from './types';

/** The JSON line `--trace` prints for a record (stable field order). */
export function traceLine(r: TraceRecord): string {
  return JSON.stringify({
    t: r.t, user: r.user, ip: r.ip, method: r.method, path: r.path, node: r.node, status: r.status,
    session: r.session, authBefore: r.authBefore, authAfter: r.authAfter, outcome: r.outcome,
  });
}

/**
 * A running digest of trace lines: two independent 32-bit FNV-1a hashes (different offset
 * bases) as 16 hex digits. Equal digests ⇔ (practically) equal traces.
 */
export class TraceDigest {
  private a = 0x811c9dc5;
  private b = 0x050c5d1f;

  add(line: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
    }
    this.a = Math.imul(a ^ 10, 0x01000193);
    this.b = Math.imul(b ^ 10, 0x01000193);
  }

  hex(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }
}

export class Trace {
  private readonly ring: TraceRecord[] = [];
  private start = 0;
  total = 0;

  constructor(private readonly limit = Infinity) {}

  /** A checkpoint's copy shares the records: once pushed, a record never changes. */
  [CLONE](c: Cloner): Trace {
    return c.copyFields<Trace>(this, { ring: this.ring.slice() } as Partial<Trace>);
  }

  push(r: TraceRecord): void {
    this.total++;
    if (this.limit <= 0) return;
    if (this.ring.length < this.limit) {
      this.ring.push(r);
      return;
    }
    this.ring[this.start] = r;
    this.start = (this.start + 1) % this.ring.length;
  }

  /** Records still held, oldest first. */
  records(): TraceRecord[] {
    return this.start === 0 ? this.ring.slice() : [...this.ring.slice(this.start), ...this.ring.slice(0, this.start)];
  }
}
