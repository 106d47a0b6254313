/**
 * Laravel's request lifecycle for the session, split where time passes:
 * `begin` = EncryptCookies → StartSession (read once) → VerifyCsrfToken → auth → controller;
 * `finish` = StartSession's `save()`, which writes the WHOLE payload even if nothing changed
 * (last write wins: FACTS.md, Session/Middleware/StartSession.php).
 */
import { andThen, type Maybe } from '../maybe';
import type { Rng } from '../rng';
import { emptyPayload, NONE, type PayloadCodec, type SessionPayload } from './payload';
import { AUTH_PAGES, CART, CHECKOUT, HOME, LOGIN, LOGOUT, isValidSessionId, type Method } from './routes';
import { placeOf, type SessionStore, type StoreRequest } from '../session/store';

/** The parts of an HTTP request the app reads. */
export interface AppRequest {
  method: Method;
  path: string;
  /** `laravel_session`, decrypted by EncryptCookies. */
  sessionId: string | undefined;
  /** `_token` form field / `X-XSRF-TOKEN` header. */
  csrfToken: string | null;
  /** The user this browser logs in as (the credentials it types). */
  userId: number;
  /** An XHR: the cart answers JSON instead of redirecting back. */
  ajax?: boolean;
}

/** What the app answered, before the session is saved. */
export interface AppResponse {
  status: number;
  location: string | null;
  /** Whether the rendered response shows the user logged in. */
  authenticated: boolean;
  /** CSRF token embedded in the rendered page (meta tag / login form), if a page was rendered. */
  pageToken: string | null;
}

/** A request between `begin` and `finish`: the session as the request will save it. */
export interface Handled {
  id: string;
  payload: SessionPayload;
  response: AppResponse;
  /** Whether the store had this session when the request started. */
  found: boolean;
  /** The cart as this request read it (to tell when its save overwrites someone else's). */
  readCart: readonly number[];
}

const AUTH = new Set<string>(AUTH_PAGES);

/** What a Handled holds until the route answers (every route does: shared, never changed). */
const UNANSWERED: AppResponse = Object.freeze({ status: 200, location: null, authenticated: false, pageToken: null });

/** `url()->current()` per path, built once: payloads keep it until their next write. */
const PAGE_URLS = new Map<string, string>();

function pageUrl(path: string): string {
  let url = PAGE_URLS.get(path);
  if (url === undefined) PAGE_URLS.set(path, (url = `http://localhost${path}`));
  return url;
}

export class LaravelApp {
  constructor(private readonly rng: Rng, private readonly codec: PayloadCodec) {}

  /** `Str::random(40)`. */
  newId(): string {
    return this.rng.alnum(40);
  }

  /**
   * StartSession (read), then the route. Throws (or rejects with) what the store throws. Answers
   * synchronously when the store does (file, cookie, array, the simulated Redis).
   */
  begin(req: AppRequest, store: SessionStore, ctx: StoreRequest): Maybe<Handled> {
    const id = isValidSessionId(req.sessionId) ? req.sessionId : this.newId();
    const raw = store.read(id, ctx);
    return raw instanceof Promise ? raw.then((r) => this.route(req, store, ctx, id, r)) : this.route(req, store, ctx, id, raw);
  }

  /** The request after StartSession read `raw` for `id`: CSRF, auth and the controller. */
  private route(req: AppRequest, store: SessionStore, ctx: StoreRequest, id: string, raw: string | null): Maybe<Handled> {
    const stored = raw === null ? null : this.codec.decode(id, raw, placeOf(store));
    // An unknown id is kept, with empty data and a fresh token: the user is silently a guest.
    const payload = stored ?? emptyPayload(this.rng.alnum(40));
    const h: Handled = { id, payload, found: stored !== null, readCart: payload.cart, response: UNANSWERED };

    const isPost = req.method === 'POST';
    if (isPost && req.csrfToken !== payload.token) {
      h.response = this.page(419, payload); // TokenMismatchException → 419 Page Expired
      return h;
    }
    const authed = payload.userId !== null;
    if (req.path === LOGIN) {
      if (authed) return this.redirect(h, HOME); // RedirectIfAuthenticated
      if (!isPost) return this.render(h, req.path);
      // Auth::attempt → updateSession → migrate(true); then the controller's regenerate():
      // another migrate(true) and, from 12.34, a new CSRF token.
      return andThen(this.destroy(id, store, ctx), () => andThen(this.destroy(this.newId(), store, ctx), () => {
        h.id = this.newId();
        payload.userId = req.userId;
        payload.token = this.rng.alnum(40);
        const target = payload.intended ?? HOME;
        payload.intended = null;
        return this.redirect(h, target);
      }));
    }
    if (req.path === LOGOUT && isPost) {
      // logout(); invalidate() = flush + migrate(true); regenerateToken().
      return andThen(this.destroy(id, store, ctx), () => {
        h.id = this.newId();
        h.payload = emptyPayload(this.rng.alnum(40));
        return this.redirect(h, LOGIN);
      });
    }
    if (AUTH.has(req.path) || req.path === CART || req.path === CHECKOUT) {
      if (!authed) {
        if (!isPost) payload.intended = req.path; // redirect()->guest() remembers url.intended
        return this.redirect(h, LOGIN);
      }
      if (req.path === CHECKOUT && isPost) {
        payload.cart = [];
        payload.status = 'Order placed';
        payload.flashNew = [...payload.flashNew, 'status'];
        return this.redirect(h, '/orders');
      }
      if (req.path === CART) {
        payload.cart = [...payload.cart, this.rng.int(1_000_000)];
        if (req.ajax) {
          h.response = { status: 200, location: null, authenticated: true, pageToken: null }; // {"added": true}
          return h;
        }
        payload.status = 'Added to cart';
        payload.flashNew = [...payload.flashNew, 'status'];
        return this.redirect(h, payload.previousUrl ?? HOME);
      }
      return this.render(h, req.path);
    }
    h.response = this.page(404, payload);
    return h;
  }

  /** StartSession's `save()`: age flash data and write the whole payload. */
  finish(h: Handled, store: SessionStore, ctx: StoreRequest): Maybe<void> {
    const p = h.payload;
    // Store::ageFlashData: forget last request's flash, move this request's to "old".
    if (p.flashOld.includes('status')) p.status = null;
    p.flashOld = p.flashNew;
    p.flashNew = NONE;
    return store.write(h.id, this.codec.encode(h.id, p, placeOf(store)), ctx);
  }

  private destroy(id: string, store: SessionStore, ctx: StoreRequest): Maybe<void> {
    this.codec.forget(id);
    return store.destroy(id, ctx);
  }

  private render(h: Handled, path: string): Handled {
    h.payload.previousUrl = pageUrl(path); // storeCurrentUrl for GET pages
    h.response = this.page(200, h.payload);
    return h;
  }

  /** A rendered page; only a 200 page carries a form with the CSRF token. */
  private page(status: number, p: SessionPayload): AppResponse {
    return { status, location: null, authenticated: p.userId !== null, pageToken: status === 200 ? p.token : null };
  }

  private redirect(h: Handled, location: string): Handled {
    h.response = { status: 302, location, authenticated: h.payload.userId !== null, pageToken: null };
    return h;
  }
}

