/**
 * A deep copy of an object graph that keeps what plain `structuredClone` loses: classes (the
 * copy has the original's prototype, so its methods work), shared references and cycles (two
 * fields pointing at one object still do), Maps, Sets and typed arrays. It is how a checkpoint
 * copies a whole simulated world (ongardie/raftscope keeps deep-cloned checkpoints; STYLE.md §5).
 *
 * Three rules cover what is not plain data:
 * - **Frozen values are shared**, not copied: `Object.freeze` marks a value as immutable (the
 *   balancer strategies, the empty carts). Freeze only what is immutable all the way down.
 * - **A class may copy itself** by a `[CLONE](c)` method (an XState actor inside, a
 *   third-party object, records that are never mutated and can be shared).
 * - **A function is copied only by its recipe** ({@link remakeable}, {@link cloneVia}): a
 *   closure holds state (a world, an rng) the copy must not share with the original. Any other
 *   function, a Promise or a Weak* collection is an error naming where it was found, so state
 *   that cannot be copied is found by the first test, not by a wrong replay.
 */

/** A class's own copy: `[CLONE](c: Cloner): this`. */
export const CLONE: unique symbol = Symbol('clone');

interface SelfCloning {
  [CLONE](c: Cloner): unknown;
}

type Recipe = (c: Cloner, original: object) => unknown;
const recipes = new WeakMap<object, Recipe>();

/** Register how to copy `target` (a closure, a third-party object); returns `target`. */
export function cloneVia<T extends object>(target: T, recipe: (c: Cloner, original: T) => T): T {
  recipes.set(target, recipe as Recipe);
  return target;
}

/**
 * `make(...args)`, remembered: a copy of the returned closure is `make` applied to copies of
 * `args` (so a clock over a world ticks with the copied world).
 */
export function remakeable<A extends unknown[], F extends object>(make: (...args: A) => F, ...args: A): F {
  return cloneVia(make(...args), (c) => remakeable(make, ...(args.map((a) => c.clone(a)) as A)));
}

/** Something in the graph cannot be copied; `path` says where (`queue.heap.12.store.read`). */
export class CloneError extends Error {
  constructor(readonly path: string, readonly reason: string) {
    super(`cannot copy ${path}: ${reason}`);
    this.name = 'CloneError';
  }
}

const NONE = Object.freeze({});

const fail = (reason: string): never => {
  throw new CloneError('', reason);
};

/** Rough heap bytes of a copied object: a header and 8 bytes per slot. */
const OBJECT_BYTES = 24;
const SLOT_BYTES = 8;

export class Cloner {
  private readonly memo = new Map<unknown, unknown>();
  /** An estimate of the bytes the copies allocated (objects and their slots; strings are shared). */
  bytes = 0;

  /**
   * @param seed originals mapped to what stands for them in the copy (e.g. listeners → none)
   * @param dormant the copy will never run (a checkpoint): a class may then keep less than a
   *   running copy needs (`[CLONE]` reads {@link dormant})
   */
  constructor(seed: Iterable<readonly [unknown, unknown]> = [], readonly dormant = false) {
    for (const [from, to] of seed) this.memo.set(from, to);
  }

  /** Count what a `[CLONE]` method built by itself into {@link bytes}: objects, and their fields or entries. */
  built(objects: number, slots: number): void {
    this.bytes += OBJECT_BYTES * objects + SLOT_BYTES * slots;
  }

  /** The copy of `value` (primitives are themselves; an object is copied once per Cloner). */
  clone<T>(value: T): T {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    const hit = this.memo.get(value);
    if (hit !== undefined) return hit as T;
    return this.copy(value as object) as T;
  }

  /**
   * Register the copy of `original` before its fields are filled (so cycles through it resolve),
   * then fill them: for `[CLONE]` methods, `c.fill(this, Object.create(proto), { overrides })`.
   */
  fill<T extends object>(original: T, target: T, overrides: Partial<T> = {}): T {
    this.memo.set(original, target);
    return this.deepen(Object.assign(target, original), overrides);
  }

  /** Replace the fields of a fresh copy that hold objects by their copies, then apply `overrides`. */
  private deepen<T extends object>(target: T, overrides: Partial<T>): T {
    const dst = target as Record<string, unknown>;
    let fields = 0;
    // for…in walks the own fields (methods are not enumerable) without allocating a key list.
    for (const key in dst) {
      fields++;
      const x = dst[key];
      if (x === null || (typeof x !== 'object' && typeof x !== 'function') || Object.hasOwn(overrides, key)) continue;
      try {
        dst[key] = this.clone(x);
      } catch (err) {
        throw within(err, key);
      }
    }
    this.bytes += OBJECT_BYTES + SLOT_BYTES * fields;
    return Object.assign(target, overrides);
  }

  /** A shell with `original`'s prototype, registered, filled field by field. */
  copyFields<T extends object>(original: T, overrides: Partial<T> = {}): T {
    return this.fill(original, Object.create(Object.getPrototypeOf(original) as object | null) as T, overrides);
  }

  private copy(v: object): unknown {
    if (Object.isFrozen(v)) return v;
    const recipe = recipes.get(v);
    if (recipe !== undefined) {
      const out = recipe(this, v);
      this.memo.set(v, out);
      return out;
    }
    if (typeof v === 'function') return fail(`a function (${v.name || 'anonymous'}) without a recipe: it may hold state; give it one with remakeable() or cloneVia()`);
    // A plain object (most of them: the users, the events) is spread: V8 copies it with its shape in one step.
    if (Object.getPrototypeOf(v) === Object.prototype) {
      const out = { ...v };
      this.memo.set(v, out);
      return this.deepen(out, NONE);
    }
    if (CLONE in v) {
      const out = (v as SelfCloning)[CLONE](this);
      this.memo.set(v, out);
      return out;
    }
    if (Array.isArray(v)) return this.array(v);
    if (v instanceof Map) return this.map(v);
    if (v instanceof Set) return this.set(v);
    if (ArrayBuffer.isView(v)) {
      const bytes = (v as Uint8Array).slice();
      this.memo.set(v, bytes);
      this.bytes += OBJECT_BYTES + bytes.byteLength;
      return bytes;
    }
    if (v instanceof Promise || v instanceof WeakMap || v instanceof WeakSet || v instanceof WeakRef) {
      return fail(`a ${v.constructor.name} cannot be copied (take checkpoints between events)`);
    }
    return this.copyFields(v);
  }

  private array(v: unknown[]): unknown[] {
    const out = v.slice();
    this.memo.set(v, out);
    this.bytes += OBJECT_BYTES + SLOT_BYTES * v.length;
    for (let i = 0; i < out.length; i++) {
      const x = out[i];
      if (x !== null && (typeof x === 'object' || typeof x === 'function')) {
        try {
          out[i] = this.clone(x);
        } catch (err) {
          throw within(err, String(i));
        }
      }
    }
    return out;
  }

  private map(v: Map<unknown, unknown>): Map<unknown, unknown> {
    const out = new Map<unknown, unknown>();
    this.memo.set(v, out);
    this.bytes += OBJECT_BYTES + 3 * SLOT_BYTES * v.size;
    for (const [k, x] of v) {
      try {
        out.set(this.clone(k), this.clone(x));
      } catch (err) {
        throw within(err, `<${String(k)}>`);
      }
    }
    return out;
  }

  private set(v: Set<unknown>): Set<unknown> {
    const out = new Set<unknown>();
    this.memo.set(v, out);
    this.bytes += OBJECT_BYTES + 2 * SLOT_BYTES * v.size;
    for (const x of v) out.add(this.clone(x));
    return out;
  }
}

/** Prefix an inner CloneError's path with the field it was reached through. */
function within(err: unknown, key: string): unknown {
  if (!(err instanceof CloneError)) return err;
  return new CloneError(err.path === '' ? key : `${key}.${err.path}`, err.reason);
}
