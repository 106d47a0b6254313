/**
 * Lost updates (a request's outcome `lost_update`): the one place that decides whether a
 * session save threw away what another request had added to the cart.
 */
import type { AppNode } from './cluster/appNode';
import type { Handled } from './laravel/app';
import { sameList } from './laravel/payload';
import { sessionsPerNode } from './session/stores';
import type { Req, World } from './world';

/**
 * Note a session save: Laravel saves the whole payload, so a save built on a cart that is no
 * longer the last one saved (another request saved in between, or the node read a stale copy)
 * throws away the items that save added — the request is then a lost update.
 */
export function noteSave(w: World, req: Req, node: AppNode, h: Handled): void {
  const driver = w.settings.session.driver;
  if (driver === 'array') return;
  const store = sessionsPerNode(w.settings.session) ? node.name : driver;
  const carts = w.lastSaved.get(store) ?? newStoreCarts(w, store);
  const last = carts.get(h.id);
  // Only a save built on a session that was read counts: a vanished session is a logout, not a lost update.
  if (h.found && last && !sameList(last, h.readCart) && someMissing(last, h.payload.cart)) req.lostUpdate = true;
  if (w.lastSavedCount > 50_000) {
    for (const c of w.lastSaved.values()) c.clear();
    w.lastSavedCount = 0;
  }
  const had = carts.size;
  carts.set(h.id, h.payload.cart);
  if (carts.size > had) w.lastSavedCount++;
}

function newStoreCarts(w: World, store: string): Map<string, readonly number[]> {
  const carts = new Map<string, readonly number[]>();
  w.lastSaved.set(store, carts);
  return carts;
}

/** Whether an item of `last` is not in `cart`. */
function someMissing(last: readonly number[], cart: readonly number[]): boolean {
  for (const item of last) if (!cart.includes(item)) return true;
  return false;
}
