/**
 * Adding and removing users, live or at the start. Users arrive spread over the first
 * seconds so the cluster warms up instead of receiving one burst.
 */
import { startUser } from '../flow';
import type { World } from '../world';
import { clientKind, initialIp, MOBILE_IP_CHANGE_MEAN_MS } from './population';
import { newUser } from './user';

/** Users join over this many virtual ms. */
export const ARRIVAL_SPREAD_MS = 20_000;

export function addUsers(w: World, count: number): void {
  const rng = w.rng.users;
  for (let i = 0; i < count; i++) {
    const kind = clientKind(w.settings.clients, rng);
    const user = newUser(w.users.length + 1, kind, initialIp(kind, rng), w.now + rng.exp(MOBILE_IP_CHANGE_MEAN_MS));
    w.users.push(user);
    startUser(w, user, rng.between(0, ARRIVAL_SPREAD_MS));
  }
}

/** Grow by adding users, shrink by letting the newest ones leave after their current request. */
export function setUserCount(w: World, n: number): void {
  const active = w.users.filter((u) => u.active).length;
  if (n > active) {
    // Re-activate departed users first, so user ids stay stable when a count goes down and up.
    let missing = n - active;
    for (const u of w.users) {
      if (missing === 0) break;
      if (!u.active) {
        u.active = true;
        u.activation++;
        startUser(w, u, w.rng.users.between(0, 2_000));
        missing--;
      }
    }
    if (missing > 0) addUsers(w, missing);
    return;
  }
  let extra = active - n;
  for (let i = w.users.length - 1; i >= 0 && extra > 0; i--) {
    const u = w.users[i]!;
    if (u.active) {
      u.active = false;
      extra--;
    }
  }
}
