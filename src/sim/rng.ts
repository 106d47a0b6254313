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

const LN2 = 0.6931471805599453;
/** 2^0 … 2^32, exact. */
const POW2 = Array.from({ length: 33 }, (_, e) => 2 ** e);

/**
 * ln(v) for an integer 1 ≤ v ≤ 2^32, from +, −, ×, ÷ only. Math.log is not specified to the
 * last bit and differs between V8 builds (Node 20 and Chromium disagree in the last digit),
 * which made the same seed diverge between the CLI and the browser. Basic IEEE operations are
 * exact to the same bit everywhere, so this is the same number on every engine.
 */
export function lnInteger(v: number): number {
  const e = v >= 4294967296 ? 32 : 31 - Math.clz32(v); // v = m · 2^e, 1 ≤ m < 2
  const m = v / POW2[e]!; // exact: division by a power of two (from a table: `2 ** e` calls pow(), 1–2 % of a run)
  // ln(m) = 2·atanh(z) = 2(z + z³/3 + z⁵/5 + …), z = (m−1)/(m+1) ≤ 1/3: 18 terms reach 1e-17.
  const z = (m - 1) / (m + 1);
  const z2 = z * z;
  let term = z;
  let sum = 0;
  for (let k = 1; k <= 37; k += 2) {
    sum += term / k;
    term *= z2;
  }
  return e * LN2 + 2 * sum;
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
    // 1 - float() = (2^32 - u) / 2^32, so ln(1 - float()) = ln(2^32 - u) - 32 ln 2.
    return -(lnInteger(4294967296 - this.u32()) - 32 * LN2) * mean;
  }

  /** Uniform value in [lo, hi). */
  between(lo: number, hi: number): number {
    return lo + this.float() * (hi - lo);
  }

  /** A random `[A-Za-z0-9]` string, like Laravel's `Str::random($length)`. */
  alnum(length: number): string {
    // Character codes joined at once: one flat string. Appending char by char makes a rope of
    // `length` join nodes (~1 KB for a 40-char session id) that lives as long as the session.
    const codes = new Array<number>(length);
    for (let i = 0; i < length; i++) codes[i] = ALNUM.charCodeAt(this.int(62));
    return String.fromCharCode(...codes);
  }

  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
}
