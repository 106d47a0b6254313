/**
 * A browser's cookie jar for one simulated user. Values are what the browser holds: for
 * Laravel's encrypted cookies that is ciphertext; `plain` is what the server decrypts it to
 * with the APP_KEY every node shares.
 */

import { CLONE, type Cloner } from '../graphClone';

/** A `Set-Cookie` header, reduced to what the simulation needs. */
export interface SetCookie {
  name: string;
  /**
   * The value; a number is the random IV of a cookie EncryptCookies encrypted, whose text
   * ({@link sealedText}) is only written out when something reads it: every response re-sends
   * two such cookies and formatting them was 5 % of a run.
   */
  value: string | number;
  /** Decrypted value for EncryptCookies-encrypted cookies. */
  plain?: string;
  /** Lifetime in seconds, 0 to delete, null for a browser-session cookie (gone when the browser closes). */
  maxAgeSec: number | null;
}

interface StoredCookie {
  value: string | number;
  plain: string | undefined;
  /** Virtual ms, or null for a session cookie. */
  expiresAt: number | null;
}

/** Browsers drop a cookie whose name and value exceed 4096 bytes (RFC 6265 §6.1 minimum, what browsers enforce). */
export const MAX_COOKIE_BYTES = 4096;

/** The ciphertext the simulation shows for an encrypted cookie with this IV (`eyJpdiI6` is base64 of `{"iv":`). */
export function sealedText(iv: number): string {
  return `eyJpdiI6${iv.toString(36)}`;
}

const textOf = (value: string | number): string => (typeof value === 'number' ? sealedText(value) : value);

/** The longest {@link sealedText}: a 32-bit IV in base 36 has at most 7 digits. */
const SEALED_LENGTH = 15;

const live = (c: StoredCookie, now: number): boolean => c.expiresAt === null || c.expiresAt > now;

/**
 * A browser's cookies. A jar holds a handful (the session, XSRF-TOKEN, a balancer's sticky
 * cookie): looked up by scanning an array of names, which touches less memory than a Map's
 * table — every request reads the jar of a user not seen for seconds, and the lookups were
 * the run's most expensive lines (cache misses).
 */
export class CookieJar {
  /** Names in the order set; `held[i]` is the cookie named `names[i]`. */
  private readonly names: string[] = [];
  private readonly held: StoredCookie[] = [];

  /** A checkpoint's copy (a thousand jars a checkpoint: copied directly, their cookies are their own). */
  [CLONE](c: Cloner): CookieJar {
    const jar = new CookieJar();
    for (let i = 0; i < this.names.length; i++) {
      const k = this.held[i]!;
      jar.names.push(this.names[i]!);
      jar.held.push({ value: k.value, plain: k.plain, expiresAt: k.expiresAt });
    }
    c.built(3 + jar.names.length, 3 + 6 * jar.names.length);
    return jar;
  }

  /** The value the browser would send, or undefined (missing or expired). */
  get(name: string, now: number): string | undefined {
    const c = this.entry(name, now);
    return c ? textOf(c.value) : undefined;
  }

  /** What the server reads after decrypting (falls back to the raw value). */
  plain(name: string, now: number): string | undefined {
    const c = this.entry(name, now);
    return c ? (c.plain ?? textOf(c.value)) : undefined;
  }

  /** Apply a Set-Cookie. Returns false when the browser refuses it for its size. */
  set(cookie: SetCookie, now: number): boolean {
    const i = this.names.indexOf(cookie.name);
    if (cookie.maxAgeSec === 0) {
      if (i >= 0) this.remove(i);
      return true;
    }
    const length = typeof cookie.value === 'number' ? SEALED_LENGTH : cookie.value.length;
    if (cookie.name.length + length > MAX_COOKIE_BYTES) return false;
    const expiresAt = cookie.maxAgeSec === null ? null : now + cookie.maxAgeSec * 1000;
    if (i < 0) {
      this.names.push(cookie.name);
      this.held.push({ value: cookie.value, plain: cookie.plain, expiresAt });
    } else {
      // Overwritten in place (every response re-sends the session cookies): no allocation.
      const held = this.held[i]!;
      held.value = cookie.value;
      held.plain = cookie.plain;
      held.expiresAt = expiresAt;
    }
    return true;
  }

  /** The browser was closed: session cookies go, persistent ones stay. */
  closeBrowser(): void {
    for (let i = this.names.length - 1; i >= 0; i--) if (this.held[i]!.expiresAt === null) this.remove(i);
  }

  /** Every live cookie, for the inspector. Reading never changes the jar. */
  list(now: number): Array<{ name: string; value: string; plain?: string; expiresAt: number | null }> {
    const out = [];
    for (let i = 0; i < this.names.length; i++) {
      const c = this.held[i]!;
      if (live(c, now)) out.push({ name: this.names[i]!, value: textOf(c.value), ...(c.plain !== undefined ? { plain: c.plain } : {}), expiresAt: c.expiresAt });
    }
    return out;
  }

  private remove(i: number): void {
    this.names.splice(i, 1);
    this.held.splice(i, 1);
  }

  /** Expired cookies are ignored on read and overwritten on write, as a browser does; reads never mutate. */
  private entry(name: string, now: number): StoredCookie | undefined {
    const i = this.names.indexOf(name);
    if (i < 0) return undefined;
    const c = this.held[i]!;
    return live(c, now) ? c : undefined;
  }
}
