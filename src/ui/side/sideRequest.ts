/**
 * What the side-by-side view is asked to show — the left side's run, the change the right side
 * makes, where to start — from a link (`?side=…` with the other parameters) or from a row of
 * the compare view; and the link that reopens it. Pure functions.
 */
import { decodeRunPayload, encodeRunPayload } from '../../run/link';
import { RUN_PARAM } from '../../run/runFormat';
import type { RunLog } from '../../run/runLog';
import { SimSettingsSchema } from '../../run/schema';
import type { Setup } from '../../sim/compare';
import { balancerProblems, describeProblems } from '../../sim/limits';
import type { SimSettings } from '../../sim/types';
import { configOf, DEFAULT_CONFIG, settingsFor, type QueryOptions, type UiConfig } from '../state/config';
import { applyChange, changeForSetup, changedKeys, effectiveChange, sideWords, type SideChange } from './sideChange';
import { formatSide, parseSide } from './sideLink';
import { SIDE_PARAM } from './sideParam';
import { firstIssue } from '../../run/salvage';

/** The page runs on until the tab closes (as settingsFor says): durationSec only bounds a whole `run()`. */
const OPEN_ENDED_SEC = 24 * 3600;

export interface SideRequest {
  /** The left side: settings (seed, users…) and any interventions of its own (a run link's). */
  base: RunLog;
  /** What the right side changes (never empty; never seed or users). */
  change: SideChange;
  /** Open at this virtual moment, paused (a run link's moment); 0: from the start. */
  atMs: number;
  autoplay: boolean;
  speed: number;
  /** What the link asked for that could not be used, for the view's feed. */
  notices: string[];
}

export interface Labels {
  left: string;
  right: string;
}

/** The right side's run: the left's settings with the change, the same interventions. */
export function rightRun(r: Pick<SideRequest, 'base' | 'change'>): RunLog {
  return { settings: applyChange(r.base.settings, r.change), interventions: structuredClone(r.base.interventions) };
}

/** Each side's label: its values of the settings that differ ("SESSION_DRIVER=file" | "SESSION_DRIVER=redis"). */
export function sideLabels(r: Pick<SideRequest, 'base' | 'change'>): Labels {
  const keys = changedKeys(r.change);
  return { left: sideWords(r.base.settings, keys), right: sideWords(applyChange(r.base.settings, r.change), keys) };
}

/** Why the right side cannot run (the engine's limits and the settings schema), or null. */
function rightProblem(left: SimSettings, change: SideChange): string | null {
  const right = applyChange(left, change);
  const limits = describeProblems(balancerProblems(right.balancer, right.nodes), right.nodes);
  if (limits) return limits;
  const checked = SimSettingsSchema.safeParse(right);
  return checked.success ? null : firstIssue(checked.error, 'settings');
}

type Built = { request: SideRequest; problem?: undefined } | { request?: undefined; problem: string };

/** A request for `base` and `asked`, keeping only what differs; or why side by side cannot open. */
export function buildRequest(base: RunLog, asked: SideChange, o: { atMs?: number; autoplay?: boolean; speed?: number; notices?: string[] } = {}): Built {
  const eff = effectiveChange(base.settings, asked);
  const notices = [...(o.notices ?? []), ...eff.dropped.map((d) => `link: side: ${d} (ignored)`)];
  if (changedKeys(eff.change).length === 0) return { problem: `side by side not opened: nothing differs between the two sides${eff.dropped.length ? ` (${eff.dropped.join('; ')})` : ''}` };
  const bad = rightProblem(base.settings, eff.change);
  if (bad) return { problem: `side by side not opened: the right side (${formatSide(eff.change)}) cannot run: ${bad}` };
  const settings = { ...structuredClone(base.settings), durationSec: Math.max(base.settings.durationSec, OPEN_ENDED_SEC) };
  return {
    request: {
      base: { settings, interventions: structuredClone(base.interventions) },
      change: eff.change,
      atMs: o.atMs ?? 0,
      autoplay: o.autoplay ?? true,
      speed: o.speed ?? 1,
      notices,
    },
  };
}

export interface FromUrl {
  /** Null: no `side=`, or nothing usable in it. */
  request: SideRequest | null;
  /** What could not be used (for the main feed when the view does not open). */
  problems: string[];
}

/**
 * The side-by-side view a link asks for: `side=` on top of the cluster the other parameters
 * describe (`q`, from fromQuery), or on top of a run link's run (opened paused at its moment).
 */
export function sideFromUrl(search: string, q: QueryOptions, o: { embedded?: boolean } = {}): FromUrl {
  const params = new URLSearchParams(search);
  const raw = params.get(SIDE_PARAM);
  if (raw === null) return { request: null, problems: [] };
  // An embedding page sizes the frame for one stage and drives one cluster (docs/embedding.md).
  if (o.embedded) return { request: null, problems: ['link: side by side is not available in an embedded lab (side= ignored)'] };
  const parsed = parseSide(raw);
  const payload = params.get(RUN_PARAM);
  let base: RunLog;
  let atMs = 0;
  let autoplay = q.autoplay;
  const notices = [...q.problems];
  if (payload !== null) {
    const d = decodeRunPayload(payload);
    if (!d.ok) return { request: null, problems: [...parsed.problems, 'link: side by side not opened: the run in the link could not be read'] };
    base = d.value.run;
    atMs = d.value.atMs;
    autoplay = false; // a run link opens paused at its moment
    notices.push(...d.value.ignored.map((i) => `link: ${i}`));
  } else {
    base = { settings: settingsFor(q.config), interventions: [] };
  }
  if (changedKeys(parsed.change).length === 0) return { request: null, problems: [...parsed.problems, 'link: side by side not opened: side= names no setting it can change'] };
  const built = buildRequest(base, parsed.change, { atMs, autoplay, speed: q.speed, notices: [...notices, ...parsed.problems] });
  if (built.problem !== undefined) return { request: null, problems: [...parsed.problems, `link: ${built.problem}`] };
  return { request: built.request, problems: [] };
}

/**
 * "Show side by side" on a compare row: the traffic the table measured (`base`: the running
 * settings with the replayed faults as scheduled events) against that row's set-up. Null when
 * the row is the set-up running now.
 */
export function sideFromCompare(base: SimSettings, setup: Setup, speed = 1): SideRequest | null {
  const change = changeForSetup(base, setup);
  const built = buildRequest({ settings: base, interventions: [] }, change, { speed });
  return built.request ?? null;
}

/**
 * What a compare row's "Show side by side" says — both sides' labels — without building the
 * request: null when the row is the set-up running now. The compare view shows a button on
 * every row as it opens, and building six requests there (a schema check and copies each) was a
 * third of that task at 10,000 users; the button builds its one request when clicked.
 */
export function compareSideLabels(base: SimSettings, setup: Setup): Labels | null {
  const change = changeForSetup(base, setup);
  return changedKeys(change).length ? sideLabels({ base: { settings: base, interventions: [] }, change }) : null;
}

/** Whether the settings are exactly what the plain link parameters describe (then a short link does). */
function plainConfig(s: SimSettings): UiConfig | null {
  const c = configOf(s);
  const plain = settingsFor(c);
  return JSON.stringify({ ...s, durationSec: plain.durationSec }) === JSON.stringify(plain) ? c : null;
}

/**
 * The query string that reopens the view: the plain parameters when they describe the left
 * side (`?driver=file&side=driver:redis`), else a run link with the interventions and the
 * moment (`?run=…&side=…`). `flags` (present…) travel with it.
 */
export function sideSearch(run: RunLog, atMs: number, change: SideChange, o: { speed?: number; flags?: readonly string[] } = {}): string {
  const parts: string[] = [];
  const plain = run.interventions.length === 0 && atMs === 0 ? plainConfig(run.settings) : null;
  if (plain) {
    const keys: Array<[string, keyof UiConfig]> = [['seed', 'seed'], ['nodes', 'nodes'], ['driver', 'driver'], ['balancer', 'strategy'], ['users', 'users'], ['clients', 'clients']];
    for (const [param, k] of keys) if (plain[k] !== DEFAULT_CONFIG[k]) parts.push(`${param}=${encodeURIComponent(String(plain[k]))}`);
  } else {
    parts.push(`${RUN_PARAM}=${encodeRunPayload({ run, atMs })}`);
  }
  if (o.speed !== undefined && o.speed !== 1) parts.push(`speed=${o.speed}`);
  parts.push(`${SIDE_PARAM}=${formatSide(change)}`);
  parts.push(...(o.flags ?? []));
  return `?${parts.join('&')}`;
}
