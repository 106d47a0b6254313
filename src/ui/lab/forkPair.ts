/**
 * A fork in *Compare set-ups…*: the run shown now and the future the last fork discarded, as
 * two runs to measure over the same span (same seed, same users at the start, the same end
 * moment), and what differs between them in words. Pure functions; the measuring is
 * `measureRun` (src/run/measureRun.ts), the same figures as the course's table.
 */
import type { RunSpec } from '../../run/measureRun';
import { interventionLabel, type Intervention, type RunLog } from '../../run/runLog';
import type { Discarded, Fork } from '../../run/session';
import type { SimSettings } from '../../sim/types';
import { clock } from '../format';
import { span } from '../stage/machineWords';
import { configOf, describeChange } from '../state/config';
import { DURATIONS } from './compareTable';

export interface ForkPair {
  fork: Fork;
  /** The run the fork discarded, and the latest moment it had reached (virtual ms). */
  before: { run: RunLog; latestMs: number };
  /** The run shown now, and the latest moment it has reached. */
  after: { run: RunLog; latestMs: number };
}

/** The pair from a run session (null when no fork can be undone). Copies: later changes to the session do not move it. */
export function forkPairOf(s: { readonly run: RunLog; readonly latestMs: number; readonly lastFork: Discarded | null }): ForkPair | null {
  const d = s.lastFork;
  if (!d) return null;
  return {
    fork: { ...d.fork },
    before: { run: structuredClone(d.run), latestMs: d.latestMs },
    after: { run: structuredClone(s.run), latestMs: s.latestMs },
  };
}

/**
 * The latest moment either run reached, in whole seconds as the timeline shows it (or the
 * second after the last thing done in either): both are measured to it by default.
 */
export function forkEndMs(p: ForkPair): number {
  const last = (r: RunLog) => Math.ceil((r.interventions.at(-1)?.t ?? 0) / 1000) * 1000;
  const reached = Math.floor(Math.max(p.before.latestMs, p.after.latestMs) / 1000) * 1000;
  return Math.max(reached, last(p.before.run), last(p.after.run), Math.floor(p.fork.atMs / 1000) * 1000 + 1000);
}

export interface EndChoice {
  ms: number;
  label: string;
}

/** Where both runs can be measured to: the latest moment reached, or one of the compare view's durations past the fork. */
export function forkEndChoices(p: ForkPair): EndChoice[] {
  const latest = forkEndMs(p);
  const out: EndChoice[] = [{ ms: latest, label: `${clock(latest)}, the latest moment reached` }];
  for (const d of DURATIONS) {
    const ms = d * 1000;
    if (ms > p.fork.atMs && ms !== latest) out.push({ ms, label: `${clock(ms)} (${span(ms)} in)` });
  }
  return out.sort((a, b) => a.ms - b.ms);
}

/** The row label of the discarded run. */
export function beforeLabel(p: ForkPair): string {
  return `Before your change (discarded at ${clock(p.fork.atMs)})`;
}

export const AFTER_LABEL = 'What you changed';

/** The two runs to measure, from 0 to `endMs`: the discarded one first. */
export function forkSpecs(p: ForkPair, endMs: number = forkEndMs(p)): [RunSpec, RunSpec] {
  return [
    { label: beforeLabel(p), run: p.before.run, endMs },
    { label: AFTER_LABEL, run: p.after.run, endMs },
  ];
}

export interface ForkDifferences {
  /** "SESSION_DRIVER=file → SESSION_DRIVER=redis", "the config files", or null (the same settings). */
  settings: string | null;
  /** What was done only in the discarded run ("crash node-2 at 09:02:00"). */
  before: string[];
  /** What was done only in the run shown. */
  after: string[];
}

/** What differs between the two runs, in words. */
export function forkDifferences(p: ForkPair): ForkDifferences {
  const a = p.before.run;
  const b = p.after.run;
  let common = 0;
  while (common < a.interventions.length && common < b.interventions.length && same(a.interventions[common], b.interventions[common])) common++;
  const words = (ivs: Intervention[]) => ivs.map((iv) => `${interventionLabel(iv)} at ${clock(iv.t)}`);
  return { settings: settingsWords(a.settings, b.settings), before: words(a.interventions.slice(common)), after: words(b.interventions.slice(common)) };
}

function settingsWords(a: SimSettings, b: SimSettings): string | null {
  if (same({ ...a, durationSec: 0 }, { ...b, durationSec: 0 })) return null;
  const ca = configOf(a);
  const cb = configOf(b);
  const from = describeChange(cb, ca);
  return from ? `${from} → ${describeChange(ca, cb)}` : 'the config files';
}

function same(x: unknown, y: unknown): boolean {
  return JSON.stringify(x) === JSON.stringify(y);
}
