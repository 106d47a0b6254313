/**
 * The CLI's run flags (docs/runs.md): `--print-link`, `--at`, `--link URL`, `--save-run FILE`,
 * `--run FILE`. A link and a run file hold the same thing: settings, seed, interventions and
 * a moment. Pure functions over text; src/cli/sim.ts does the I/O.
 */
import { decodeRunPayload, runLinkUrl, type DecodedRun, type RunAt } from '../run/link';
import { RUN_PARAM } from '../run/runFormat';
import { parseRunFile } from '../run/runFile';
import { MAX_RUN_MS } from '../run/schema';

/** Where `--print-link` points when no `--base-url` is given: `npm run dev`'s address. */
export const DEFAULT_BASE_URL = 'http://localhost:5173/';

/** The run a `--link URL` holds. */
export function runFromLink(url: string): { run: DecodedRun } | { error: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { error: `--link: "${url.length > 80 ? `${url.slice(0, 80)}…` : url}" is not a URL` };
  }
  const payload = u.searchParams.get(RUN_PARAM);
  if (payload === null) return { error: `--link: the URL has no ${RUN_PARAM}= parameter (copy it with the page's Copy link button)` };
  const d = decodeRunPayload(payload);
  return d.ok ? { run: d.value } : { error: `--link: ${d.error}` };
}

/** The run a `--run FILE` holds. */
export function runFromFile(text: string, path: string): { run: DecodedRun } | { error: string } {
  const d = parseRunFile(text, path);
  return d.ok ? { run: d.value } : { error: `--run: ${d.error}` };
}

/** `--at T`: virtual seconds, decimal. */
export function parseAt(raw: string): number | string {
  if (!/^\d+(\.\d+)?$/.test(raw)) return `--at: "${raw}" is not a number of seconds (e.g. --at 240)`;
  const ms = Math.round(Number(raw) * 1000);
  if (ms > MAX_RUN_MS) return `--at: at most ${MAX_RUN_MS / 1000} s (7 days)`;
  return ms;
}

/** `--base-url`: where the page is served (a sub-path is fine). */
export function parseBaseUrl(raw: string): string | { error: string } {
  try {
    const u = new URL(raw);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return { error: `--base-url: expected http(s)://…, got ${u.protocol}` };
    return u.toString();
  } catch {
    return { error: `--base-url: "${raw}" is not a URL` };
  }
}

export function printLink(baseUrl: string, r: RunAt): string {
  return runLinkUrl(baseUrl, r);
}
