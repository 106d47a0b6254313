/**
 * A simulated user: plain data (thousands of them; see STACK.md for why not actors).
 */
import { CookieJar } from '../laravel/cookieJar';
import type { Method } from '../laravel/routes';
import type { ClientKind } from './population';

/** What the user's browser will do next. */
export interface Intent {
  method: Method;
  path: string;
  /** A voluntary logout: losing the session is what the user asked for. */
  voluntary: boolean;
  /** An XHR (add-to-cart from the page): JSON back, no redirect, the page stays. */
  ajax?: boolean;
}

export interface User {
  id: number;
  kind: ClientKind;
  ip: string;
  /** Virtual ms of a mobile client's next address change. */
  nextIpChangeAt: number;
  jar: CookieJar;
  /** CSRF token of the page on screen (login form or meta tag). */
  pageToken: string | null;
  /** The page on screen. */
  page: string;
  /** Whether the user believes they are logged in (what they last saw). */
  loggedIn: boolean;
  /** The user decided to log out and will stay away for a while after. */
  leaving: boolean;
  /** Requests of this user in flight. */
  inFlight: number;
  /** Node that answered this user's last request. */
  lastNode: string | null;
  /** False once the user count was lowered below this user. */
  active: boolean;
  /** Bumped when a departed user is brought back: events of an older activation are dropped. */
  activation: number;
}

export function newUser(id: number, kind: ClientKind, ip: string, nextIpChangeAt: number): User {
  return {
    id, kind, ip, nextIpChangeAt,
    jar: new CookieJar(),
    pageToken: null,
    page: '/login',
    loggedIn: false,
    leaving: false,
    inFlight: 0,
    lastNode: null,
    active: true,
    activation: 0,
  };
}
