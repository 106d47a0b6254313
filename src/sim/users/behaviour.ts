/**
 * How a user browses: log in, read pages, add to the cart, sometimes log out or take a
 * break, and react to what the app answers (follow redirects, reload after 419, retry
 * after a 5xx). Pure decisions over the user's data and a random stream.
 */
import type { Rng } from '../rng';
import { AUTH_PAGES, CART, CHECKOUT, HOME, LOGIN, LOGOUT } from '../laravel/routes';
import type { Intent, User } from './user';

/** Tunables, in virtual ms. */
export const BEHAVIOUR = {
  /** A redirect is followed at once. */
  followRedirectMs: 5,
  /** Typing credentials into the login form. */
  typeCredentialsMs: [2_000, 6_000] as const,
  /** Mean think time between pages. */
  thinkMeanMs: 6_000,
  /** Chance that the next pause is a long break, its mean, and the chance of closing the browser in it. */
  breakChance: 0.03,
  breakMeanMs: 240_000,
  closeBrowserChance: 0.5,
  /** After "Page Expired" or a server error, the user reloads after a moment. */
  reloadMs: [1_500, 4_000] as const,
  /** After logging out, the user comes back later. */
  awayMeanMs: 60_000,
  /** Action mix of a logged-in user. */
  cartChance: 0.22,
  checkoutChance: 0.04,
  logoutChance: 0.02,
} as const;

/** What the user saw, reduced to what drives their next move. */
export interface Seen {
  status: number;
  location: string | null;
  path: string;
}

export interface Next {
  intent: Intent;
  /** How many identical requests the browser sends at once (XHRs from several tabs). */
  copies: number;
  delayMs: number;
  /** The pause was a long break in which the browser was closed. */
  closeBrowser: boolean;
}

// Intents are shared, frozen values (a checkpoint shares frozen values too): a user's next intent
// waits in the queue for their whole think time, and one object per request there was promoted
// garbage at 10,000 users.
const GETS = new Map<string, Intent>();
/** Paths seen are the app's routes; past this many, GETs are no longer remembered (never wrong, only slower). */
const MAX_GETS = 256;
const get = (path: string): Intent => {
  let intent = GETS.get(path);
  if (intent === undefined) {
    intent = Object.freeze({ method: 'GET', path, voluntary: false });
    if (GETS.size < MAX_GETS) GETS.set(path, intent);
  }
  return intent;
};
const post = (path: string, voluntary = false, ajax?: boolean): Intent => Object.freeze({ method: 'POST', path, voluntary, ...(ajax !== undefined && { ajax }) });
const LOGOUT_POST = post(LOGOUT, true);
const CHECKOUT_POST = post(CHECKOUT);
const LOGIN_POST = post(LOGIN);
/** Add to cart: a form post, or an XHR when several tabs add at once. */
const CART_POST = { form: post(CART, false, false), xhr: post(CART, false, true) };

/** A logged-in user's next action after reading a page. */
function browse(user: User, rng: Rng, concurrency: number): Next {
  let delayMs = rng.exp(BEHAVIOUR.thinkMeanMs);
  let closeBrowser = false;
  let intent: Intent;
  if (rng.chance(BEHAVIOUR.breakChance)) {
    delayMs = rng.exp(BEHAVIOUR.breakMeanMs);
    closeBrowser = rng.chance(BEHAVIOUR.closeBrowserChance);
    intent = get(HOME); // back from the break: open the app again
  } else {
    const x = rng.float();
    if (x < BEHAVIOUR.logoutChance) intent = LOGOUT_POST;
    else if (x < BEHAVIOUR.logoutChance + BEHAVIOUR.cartChance) {
      // With concurrency > 1 the page adds to the cart by XHR, from several tabs at once.
      return { intent: concurrency > 1 ? CART_POST.xhr : CART_POST.form, copies: concurrency, delayMs, closeBrowser };
    }
    else if (x < BEHAVIOUR.logoutChance + BEHAVIOUR.cartChance + BEHAVIOUR.checkoutChance) intent = CHECKOUT_POST;
    else intent = get(rng.pick(AUTH_PAGES));
  }
  return { intent, copies: 1, delayMs, closeBrowser };
}

/** The user's next move after a response. */
export function nextAfter(user: User, seen: Seen, rng: Rng, concurrency = 1): Next {
  const { status } = seen;
  if ((status === 301 || status === 302) && seen.location) {
    // Laravel redirects to absolute URLs (redirect()->back() uses `_previous.url`); the browser follows the path.
    return { intent: get(pathOf(seen.location)), delayMs: BEHAVIOUR.followRedirectMs, copies: 1, closeBrowser: false };
  }
  if (status === 419 || status >= 500) {
    // "Page Expired" or an error page: reload the page the user was on.
    return { intent: get(user.page), delayMs: rng.between(...BEHAVIOUR.reloadMs), copies: 1, closeBrowser: false };
  }
  if (seen.path === LOGIN) {
    if (user.leaving) {
      user.leaving = false;
      return { intent: get(LOGIN), delayMs: rng.exp(BEHAVIOUR.awayMeanMs), copies: 1, closeBrowser: false };
    }
    return { intent: LOGIN_POST, delayMs: rng.between(...BEHAVIOUR.typeCredentialsMs), copies: 1, closeBrowser: false };
  }
  return browse(user, rng, concurrency);
}

/** The path of an absolute or relative URL. */
export function pathOf(location: string): string {
  return location.replace(/^[a-z]+:\/\/[^/]*/i, '') || '/';
}

/** A user's very first visit: the login page. */
export function firstVisit(): Intent {
  return get(LOGIN);
}
