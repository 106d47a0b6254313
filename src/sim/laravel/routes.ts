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

/** Laravel's `Session\Store::isValidId`: a string of 40 `[A-Za-z0-9]` characters. */
export function isValidSessionId(id: string | undefined): id is string {
  if (id === undefined || id.length !== 40) return false;
  for (let i = 0; i < 40; i++) {
    const c = id.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  return true;
}
