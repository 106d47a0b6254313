/**
 * The page's first run: a run link (`?run=…`) opens that run paused at its moment; anything
 * else starts the cluster the other parameters describe. A bad or tampered link says what was
 * wrong (or ignored) in the feed, and the page still opens.
 *
 * The link's reader (fflate and the settings schema) is loaded only when the URL has a run link:
 * the first screen without one does not wait for it.
 */
import type { DecodeResult } from '../../run/link';
import { RUN_PARAM } from '../../run/runFormat';
import { configOf, type QueryOptions } from '../state/config';
import type { SimRunner } from '../state/runner.svelte';

export async function startFromUrl(runner: SimRunner, search: string, q: QueryOptions): Promise<void> {
  const payload = new URLSearchParams(search).get(RUN_PARAM);
  if (payload === null) return runner.start(q.config, { speed: q.speed, autoplay: q.autoplay, notices: q.problems });
  const d = await decodeLink(payload);
  if (!d.ok) {
    return runner.start(q.config, { speed: q.speed, autoplay: false, notices: [...q.problems, `link: ${d.error} — the default cluster is shown instead`] });
  }
  await runner.start(configOf(d.value.run.settings), { speed: q.speed, autoplay: false });
  await runner.openRun(d.value, d.value.ignored.map((i) => `link: ${i}`));
}

/** Decode a `run=` payload with the lazily loaded reader; a reader that cannot be loaded is a link that cannot be read. */
function decodeLink(payload: string): Promise<DecodeResult> {
  return import('../../run/link').then(
    (link) => link.decodeRunPayload(payload),
    (e: unknown): DecodeResult => ({ ok: false, error: `the link reader could not be loaded (${e instanceof Error ? e.message : String(e)})` }),
  );
}
