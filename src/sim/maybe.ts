/**
 * Values that are ready now or later. The request path runs synchronously against the
 * simulated Redis (the engine owns it) and asynchronously against a real one (--redis-url):
 * the same code serves both, and only a real promise costs an event-loop hop.
 */
export type Maybe<T> = T | Promise<T>;

/** `f(v)` now when `v` is a value, after it settles when it is a promise (errors propagate either way). Not named `then`: a module exporting `then` is itself thenable, and `await import()` of it breaks.. */
export function andThen<T, U>(v: Maybe<T>, f: (v: T) => Maybe<U>): Maybe<U> {
  return v instanceof Promise ? v.then(f) : f(v);
}

/**
 * Run `f`; if it throws or rejects with an error `expected` accepts, answer `recover(err)`
 * instead. Any other error propagates unchanged (a bug stays a bug).
 */
export function rescue<T>(f: () => Maybe<T>, expected: (err: unknown) => boolean, recover: (err: unknown) => Maybe<T>): Maybe<T> {
  const onError = (err: unknown): Maybe<T> => {
    if (expected(err)) return recover(err);
    throw err;
  };
  let v: Maybe<T>;
  try {
    v = f();
  } catch (err) {
    return onError(err);
  }
  return v instanceof Promise ? v.catch(onError) : v;
}
