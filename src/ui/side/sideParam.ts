/**
 * The side-by-side link parameter (`?side=driver:redis`, src/ui/side/sideLink.ts), and the door
 * to its reader. The first screen imports only this: the reader (the settings schema, and a run
 * link's codec when `run=` rides along) loads when a link actually has `side=`.
 */
import type { QueryOptions } from '../state/config';
import type { FromUrl } from './sideRequest';

export const SIDE_PARAM = 'side';

/**
 * The side-by-side view the page's link asks for (sideFromUrl, loaded only when `side=` is
 * there); no request and no problems without `side=`.
 */
export async function sideAskedFor(search: string, q: QueryOptions, o: { embedded?: boolean } = {}): Promise<FromUrl> {
  if (!new URLSearchParams(search).has(SIDE_PARAM)) return { request: null, problems: [] };
  return import('./sideRequest').then(
    (side) => side.sideFromUrl(search, q, o),
    (e: unknown): FromUrl => ({ request: null, problems: [`link: side by side not opened: its code could not be loaded (${e instanceof Error ? e.message : String(e)})`] }),
  );
}
