/**
 * One seeded random source, split into independent named streams (STYLE.md §3).
 * Each stream is a xoroshiro128+ generator (pure-rand) seeded from (seed, stream name),
 * so adding a draw to one component never shifts another component's numbers.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

type Generator = ReturnType<typeof xoroshiro128plus>;

/** FNV-1a over a string: stable stream identifiers. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's fmix32: spreads nearby seeds (1, 2, 3…) across the whole state space. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A deterministic random stream. */
export class Rng {
  private readonly gen: Generator;

  /** @param seed the run's seed; @param stream the component's name (e.g. "users", "node-2"). */
  constructor(readonly seed: number, readonly stream = 'root') {
    this.gen = xoroshiro128plus(fmix32((seed >>> 0) ^ fmix32(fnv1a(stream))) | 0);
    // xoroshiro's first outputs after a small seed are poorly mixed: discard a few.
    for (let i = 0; i < 8; i++) this.gen.next();
  }

  /** An independent stream for a named sub-component. */
  split(stream: string): Rng {
    return new Rng(this.seed, `${this.stream}/${stream}`);
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    return this.gen.next() >>> 0;
  }

  /** Uniform float in [0, 1). */
  float(): number {
    return (this.gen.next() >>> 0) / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** Exponentially distributed value with the given mean (think times, inter-arrival gaps). */
  exp(mean: number): number {
    return -Math.log(1 - this.float()) * mean;
  }

  /** Uniform value in [lo, hi). */
  between(lo: number, hi: number): number {
    return lo + this.float() * (hi - lo);
  }

  /** A random `[A-Za-z0-9]` string, like Laravel's `Str::random($length)`. */
  alnum(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += ALNUM[this.int(62)];
    return out;
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}
