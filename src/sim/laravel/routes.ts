/**
 * The simulated app's routes: a Breeze-style login, pages behind `auth`, a cart action and
 * logout. Paths are shared by the app (what it serves) and the users (what they request).
 */

export const LOGIN = '/login';
export const LOGOUT = '/logout';
export const CART = '/cart';
export const CHECKOUT = '/checkout';
export const HOME = '/dashboard';
/** Pages behind the `auth` middleware that users browse. */
export const AUTH_PAGES = ['/dashboard', '/orders', '/profile'] as const;

export type Method = 'GET' | 'POST';

/** 1 for the characters of a session id (`[A-Za-z0-9]`), by UTF-16 code unit. */
const ID_CHAR = new Uint8Array(65_536);
for (const range of ['09', 'AZ', 'az']) ID_CHAR.fill(1, range.charCodeAt(0), range.charCodeAt(1) + 1);

/**
 * Laravel's `Session\Store::isValidId`: a string of 40 `[A-Za-z0-9]` characters. Runs on every
 * request: a table lookup per character, without a branch per character class (random ids made
 * those branches mispredict: 4× slower).
 */
export function isValidSessionId(id: string | undefined): id is string {
  if (id === undefined || id.length !== 40) return false;
  let bad = 0;
  for (let i = 0; i < 40; i++) bad |= ID_CHAR[id.charCodeAt(i)]! ^ 1;
  return bad === 0;
}
