/**
 * A Laravel session's attribute array, and its PHP `serialize()` form as the file and
 * redis drivers store it (FACTS.md: `session.serialization = 'php'`).
 */
import { CLONE, type Cloner } from '../graphClone';
import { phpUnserialize } from './phpUnserialize';

/** Any character outside ASCII (then UTF-8 byte length ≠ string length). */
const NON_ASCII = /[\u0080-\uffff]/;

/** `'login_web_'.sha1(SessionGuard::class)`: the key under which the web guard keeps the user id. */
export const LOGIN_KEY = 'login_web_59ba36addc2b2f9401580f014c7f58ea4e30989d';

/**
 * The attributes the simulated app keeps in a session. Its arrays are never changed in place
 * (a change assigns a new array), so a copy of the payload can share them.
 */
export interface SessionPayload {
  /** CSRF token (`_token`, 40 chars). */
  token: string;
  /** `_previous.url`: the last GET page. */
  previousUrl: string | null;
  /** `url.intended`: where to go after login. */
  intended: string | null;
  /** The logged-in user's id, or null for a guest. */
  userId: number | null;
  /** Cart item ids (what concurrent requests can lose). */
  cart: readonly number[];
  /** Flash message (`status`) and Laravel's flash bookkeeping. */
  status: string | null;
  flashNew: readonly string[];
  flashOld: readonly string[];
}

/** The empty list every payload starts with (shared: payload arrays are never changed in place). */
export const NONE: readonly never[] = Object.freeze([]);

export function emptyPayload(token: string): SessionPayload {
  return { token, previousUrl: null, intended: null, userId: null, cart: NONE, status: null, flashNew: NONE, flashOld: NONE };
}

/** Whether two payloads serialize alike (their arrays are never changed in place: compared by identity, then by items). */
function samePayload(a: SessionPayload, b: SessionPayload): boolean {
  return a.token === b.token && a.previousUrl === b.previousUrl && a.intended === b.intended && a.userId === b.userId
    && a.status === b.status && sameList(a.cart, b.cart) && sameList(a.flashNew, b.flashNew) && sameList(a.flashOld, b.flashOld);
}

/** Whether two lists hold the same items in the same order (the same array at once). */
export function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A copy to change: the fields are copied, the (immutable) arrays shared. */
export function clonePayload(p: SessionPayload): SessionPayload {
  return {
    token: p.token, previousUrl: p.previousUrl, intended: p.intended, userId: p.userId,
    cart: p.cart, status: p.status, flashNew: p.flashNew, flashOld: p.flashOld,
  };
}

/** Bytes beyond one per character in the strings serialized since {@link serializePayload} began. */
let extraBytes = 0;

/**
 * The fixed pieces of the serialized text, made once: `s:N:"` for a string of N bytes,
 * `i:K;` for list index K and `i:K;i:` for a cart item at K. Joining a short number into a
 * template copies a new little string at every step; these turn a payload's ~40 intermediate
 * strings into a few joins (a quarter less time, fewer bytes for the collector).
 */
const PIECES = 256;
const STR_HEAD = Array.from({ length: PIECES }, (_, n) => `s:${n}:"`);
const INDEX = Array.from({ length: PIECES }, (_, i) => `i:${i};`);
const ITEM = Array.from({ length: PIECES }, (_, i) => `i:${i};i:`);

/** PHP `serialize()` of a string (byte length, as PHP counts it). */
function str(s: string): string {
  const n = utf8Length(s);
  extraBytes += n - s.length;
  return strOf(s, n);
}

/** {@link str} without counting its extra bytes (a segment counts them itself). */
function plainStr(s: string): string {
  return strOf(s, utf8Length(s));
}

function strOf(s: string, bytes: number): string {
  return (bytes < PIECES ? STR_HEAD[bytes]! : `s:${bytes}:"`) + s + '";';
}

// A cart's text is kept with its session's last write (the codec's record, see cartAfter), not
// in a WeakMap keyed by cart array: that measured 472 MiB peak RSS on the 10,000-user hour.
function intList(xs: readonly number[]): string {
  let out = 'a:' + xs.length + ':{';
  for (let i = 0; i < xs.length; i++) out += (i < PIECES ? ITEM[i]! : `i:${i};i:`) + xs[i] + ';';
  return out + '}';
}

/** The last payload serialized and its UTF-8 byte length (read back by {@link wrapForCache} by identity). */
let lastText = '';
let lastBytes = 0;

function strList(xs: readonly string[]): string {
  if (xs.length === 0) return 'a:0:{}';
  let out = 'a:' + xs.length + ':{';
  for (let i = 0; i < xs.length; i++) out += (i < PIECES ? INDEX[i]! : `i:${i};`) + str(xs[i]!);
  return out + '}';
}

/**
 * PHP `serialize()` of the session array, keys in Laravel's insertion order. Written out for
 * this one shape because it runs on every request (the generic library costs ~1.8 µs; this
 * ~0.3 µs); tests compare it with php-serialize's output.
 */
export function serializePayload(p: SessionPayload): string {
  return serializeWrite(p, null).text;
}

/**
 * Serialise `p` as the write after `before` (the session's previous write to the same store):
 * the parts that did not change — the token, the login, the cart — are that write's very
 * strings. Each part is made flat once; the whole text is left as a join of ~8 parts, so a
 * write copies no characters (flattening every payload was the run's most expensive line) and
 * consecutive writes of a session share their parts in memory.
 */
function serializeWrite(p: SessionPayload, before: Written | null): Written {
  extraBytes = 0;
  let n = 2;
  let tokenPart: string;
  if (before !== null && before.payload.token === p.token) {
    tokenPart = before.tokenPart;
    extraBytes = before.tokenExtra;
  } else {
    tokenPart = flat(K.token + str(p.token));
  }
  const tokenExtra = extraBytes;
  let body = tokenPart;
  if (p.intended !== null) { n++; body += segment(INTENDED, p.intended); }
  if (p.previousUrl !== null) { n++; body += segment(PREVIOUS, p.previousUrl); }
  body += p.flashOld.length === 0 && p.flashNew.length === 0 ? NO_FLASH : K.flash + 'a:2:{' + K.old + strList(p.flashOld) + K.new + strList(p.flashNew) + '}';
  let loginPart = '';
  if (p.userId !== null) {
    n++;
    loginPart = before !== null && before.payload.userId === p.userId && before.loginPart !== '' ? before.loginPart : flat(LOGIN_INT + p.userId + ';');
    body += loginPart;
  }
  let cartPart = '';
  if (p.cart.length > 0) {
    n++;
    cartPart = before !== null && before.cartPart !== '' ? cartAfter(before, p.cart) : flat(K.cart + intList(p.cart));
    body += cartPart;
  }
  if (p.status !== null) { n++; body += segment(STATUS, p.status); }
  const text = 'a:' + n + ':{' + body + '}';
  lastText = text;
  lastBytes = text.length + extraBytes; // the keys and numbers are ASCII
  return { text, payload: p, tokenPart, tokenExtra, loginPart, cartPart };
}

/**
 * The cart's part, from the previous write's: the same when the cart is (most requests do not
 * touch it), that text and one more item when one was added (a cart POST).
 */
function cartAfter(before: Written, cart: readonly number[]): string {
  const was = before.payload.cart;
  if (was === cart) return before.cartPart;
  const n = cart.length;
  if (n !== was.length + 1 || n > PIECES || !startsWith(cart, was)) return flat(K.cart + intList(cart));
  const items = before.cartPart.slice(K.cart.length + 4 + digits(was.length), -1); // after `cart` and `a:N:{`, before `}`
  return flat(K.cart + 'a:' + n + ':{' + items + ITEM[n - 1]! + cart[n - 1] + ';}');
}

function startsWith(xs: readonly number[], prefix: readonly number[]): boolean {
  for (let i = 0; i < prefix.length; i++) if (xs[i] !== prefix[i]) return false;
  return true;
}

/** Decimal digits of a non-negative integer. */
function digits(n: number): number {
  let d = 1;
  while (n >= 10) { n = Math.floor(n / 10); d++; }
  return d;
}

/**
 * A key and its string value, serialized, for the values a session repeats across users (page
 * URLs, flash messages): each is made once (ASCII only, so its byte length is its length) and
 * then joined whole. A payload is then ~8 joins instead of ~25.
 */
interface Segments {
  readonly make: (value: string) => string;
  readonly made: Map<string, string>;
}

const SEGMENTS_LIMIT = 256;

function segments(make: (value: string) => string): Segments {
  return { make, made: new Map() };
}

function segment(kind: Segments, value: string): string {
  let text = kind.made.get(value);
  if (text !== undefined) return text;
  text = kind.make(value);
  const extra = utf8Length(value) - value.length;
  if (extra !== 0) {
    extraBytes += extra;
    return text; // not remembered: its byte count is not its length
  }
  if (kind.made.size >= SEGMENTS_LIMIT) kind.made.clear(); // a value typed into redis-cli, not a page
  kind.made.set(value, text);
  return text;
}

/** The array keys, serialized once. */
const K = {
  token: str('_token'), url: str('url'), intended: str('intended'), previous: str('_previous'), flash: str('_flash'),
  old: str('old'), new: str('new'), login: str(LOGIN_KEY), cart: str('cart'), status: str('status'),
};

/** The guard's key and the start of its integer value. */
const LOGIN_INT = K.login + 'i:';
/** `_flash` with nothing flashed (most requests). */
const NO_FLASH = K.flash + 'a:2:{' + K.old + 'a:0:{}' + K.new + 'a:0:{}}';
const INTENDED = segments((url) => K.url + 'a:1:{' + K.intended + plainStr(url) + '}');
const PREVIOUS = segments((url) => K.previous + 'a:1:{' + K.url + plainStr(url) + '}');
const STATUS = segments((status) => K.status + plainStr(status));

function fromPhpArray(a: Record<string, unknown>): SessionPayload | null {
  if (typeof a._token !== 'string') return null;
  const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : Object.values(obj(v)));
  const flash = obj(a._flash);
  const url = obj(a.url).intended;
  const prev = obj(a._previous).url;
  const user = a[LOGIN_KEY];
  return {
    token: a._token,
    previousUrl: typeof prev === 'string' ? prev : null,
    intended: typeof url === 'string' ? url : null,
    userId: typeof user === 'number' ? user : null,
    cart: list(a.cart).filter((x): x is number => typeof x === 'number'),
    status: typeof a.status === 'string' ? a.status : null,
    flashNew: list(flash.new).filter((x): x is string => typeof x === 'string'),
    flashOld: list(flash.old).filter((x): x is string => typeof x === 'string'),
  };
}

/**
 * Serialises payloads to PHP and back. Parsing PHP costs ~5–11 µs, so the codec remembers, per
 * store and session id, the last string it wrote there and the payload behind it: when a store
 * hands back that very string, the payload is known without parsing. Per store, because with
 * the file driver each node's disk holds its own copy, often older than the latest write
 * elsewhere (a user sent back and forth between nodes keeps the same id). `decode(encode(p))`
 * equals `p` (tested), so a hit answers exactly what a parse would. Anything else (a value typed
 * into redis-cli) is parsed.
 */
const MEMO_LIMIT = 20_000;

/** A write the codec remembers: the text, the payload behind it, and the parts the next write may reuse. */
interface Written {
  readonly text: string;
  readonly payload: SessionPayload;
  /** `_token` and its value, and the bytes beyond one per character in it. */
  readonly tokenPart: string;
  readonly tokenExtra: number;
  /** The guard's key and the user id, or '' for a guest. */
  readonly loginPart: string;
  /** `cart` and its list, or '' without one. */
  readonly cartPart: string;
}

/** The store of callers that do not say which (tests, one-store uses); frozen, so a checkpoint shares it. */
const ANY_STORE = Object.freeze({});

export class PayloadCodec {
  /** Per store, per session id: the latest write there. */
  private readonly memo = new Map<object, Map<string, Written>>();

  /** A checkpoint's copy shares the writes remembered: the codec never changes one it holds. */
  [CLONE](c: Cloner): PayloadCodec {
    const memo = new Map<object, Map<string, Written>>();
    let entries = 0;
    for (const [place, written] of this.memo) {
      memo.set(c.clone(place), new Map(written));
      entries += written.size;
    }
    c.built(1 + memo.size, 3 * entries);
    return c.copyFields<PayloadCodec>(this, { memo } as Partial<PayloadCodec>);
  }

  /** Serialize a finished request's payload for `store`. The codec keeps `p`: the caller must not change it afterwards. */
  encode(id: string, p: SessionPayload, store: object = ANY_STORE): string {
    let written = this.memo.get(store);
    if (written === undefined) this.memo.set(store, (written = new Map()));
    const last = written.get(id);
    // A request that changed nothing (a fifth of them) writes the very text it wrote last time.
    if (last !== undefined && samePayload(last.payload, p)) return last.text;
    const write = serializeWrite(p, last ?? null);
    if (last === undefined && written.size >= MEMO_LIMIT) written.clear(); // only a cache: clearing costs parses, not correctness
    written.set(id, write);
    return write.text;
  }

  /** Parse a payload read from `store`; null if it is not a session array (a corrupted or foreign value). */
  decode(id: string, text: string, store: object = ANY_STORE): SessionPayload | null {
    const w = this.memo.get(store)?.get(id);
    if (w !== undefined && w.text === text) return clonePayload(w.payload);
    try {
      const value: unknown = phpUnserialize(text);
      return value && typeof value === 'object' ? fromPhpArray(value as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }

  /** The session is gone from every store that could hold it. */
  forget(id: string): void {
    for (const written of this.memo.values()) written.delete(id);
  }
}

/** The cache layer's second serialisation: Redis holds `s:N:"<payload>";` (FACTS.md). */
export function wrapForCache(payload: string): string {
  return `s:${payload === lastText ? lastBytes : utf8Length(payload)}:"${payload}";`;
}

/** Undo {@link wrapForCache}; null if the value is not a serialized PHP string. */
export function unwrapFromCache(value: string): string | null {
  if (!value.startsWith('s:') || !value.endsWith('";')) return null;
  const colon = value.indexOf(':', 2);
  if (colon < 3 || value.charCodeAt(colon + 1) !== 0x22 /* " */ || colon + 2 > value.length - 2) return null;
  for (let i = 2; i < colon; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return null;
  }
  return value.slice(colon + 2, value.length - 2);
}

/** Bytes of `s` in UTF-8 (a regex test is much faster than the loop for the usual ASCII payload). */
function utf8Length(s: string): number {
  return NON_ASCII.test(s) ? utf8LengthSlow(s) : s.length;
}

function utf8LengthSlow(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/**
 * `s` made one flat string now (V8 copies a string built by joins when a regular expression
 * reads it). A part kept across a session's writes (seconds to minutes) is then one object, not
 * a tree of joins that survives young-generation collections and gets promoted.
 */
function flat(s: string): string {
  FLAT.test(s);
  return s;
}
const FLAT = /^$/;
