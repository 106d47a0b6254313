/**
 * What the lesson player needs from the page, and the adapter that gets it from the page's
 * `SimRunner`. The player takes a host as a prop, so tests and other pages can drive it with
 * anything of the same shape.
 *
 * The runner does not (yet) take whole settings, nor report faults triggered elsewhere: the
 * adapter uses `applySettings` / `onFault` when the runner has them and falls back otherwise
 * (see the report in docs/writing-lessons.md, "The player").
 */
import type { Simulation } from '../../sim/simulation';
import type { FaultAction, SimSettings } from '../../sim/types';
import { scenarioOf } from '../../lessons/scenario';
import { decodeRunPayload, encodeRunPayload, type RunAt } from '../../run/link';
import { settingsFor, type UiConfig } from '../state/config';
import type { SimRunner } from '../state/runner.svelte';
import { settingName, settingValue } from './words';

export interface LessonHost {
  /** The running simulation; a new object after every restart. Not reactive: read it per frame. */
  readonly sim: Simulation | null;
  /** The running simulation's settings; reactive (null until the first simulation). */
  readonly settings: Readonly<SimSettings> | null;
  /** Whether a new simulation is being built. */
  readonly loading: boolean;
  /**
   * Restart the cluster with these settings — scripted faults (`events`) included — from
   * virtual time 0, visibly (the controls and the feed show the change). Returns what it could
   * not apply, in the words of the config files (empty: everything). `what` says why, for
   * the feed ("step 2 of “Redis as the session store” starts").
   */
  load(settings: SimSettings, what?: string): string[];
  /** Trigger a fault now (shown in the feed). */
  fault(action: FaultAction): void;
  /** Called every animation frame. Returns the unsubscribe function. */
  onFrame(hook: (now: number, dt: number) => void): () => void;
  /**
   * Faults applied by anything else (the stage's buttons), with their virtual time, so goal
   * windows "after crash:node-2" start then. Absent: only the player's own faults are seen.
   */
  onFault?: (hook: (action: FaultAction, atMs: number) => void) => () => void;
  /** Type a line into the page's redis-cli console, visibly. Absent: the panel runs it itself. */
  typeRedis?: (line: string) => void | Promise<void>;
  play(): void;
  /** The simulation's speed (virtual per real ms). Absent: fast-forward is not offered. */
  readonly speed?: number;
  setSpeed?: (speed: number) => void;
  /**
   * The faults applied so far in the run shown (the student's, with their virtual times), so a
   * goal window "after crash:node-2" still opens when the simulation is rebuilt: a seek back on
   * the timeline, a reload. Absent: only faults seen live count.
   */
  pastFaults?: () => { action: FaultAction; atMs: number }[];
  /** The run shown, at its moment, as a run link's payload (null before the first run). */
  runPayload?: () => string | null;
  /** Open a run link's payload paused at its moment; false if it does not decode (nothing changes). */
  openRunPayload?: (payload: string) => boolean;
}

/** The parts of `SimRunner` the adapter reads, plus the optional extensions it prefers. */
export type RunnerLike = Pick<SimRunner, 'view' | 'sim' | 'config' | 'configure' | 'fault' | 'onFrame' | 'reset' | 'play' | 'loading'> & {
  applySettings?: (next: SimSettings, what?: string) => unknown;
  speed?: number;
  setSpeed?: (speed: number) => void;
  onFault?: (hook: (action: FaultAction, atMs: number) => void) => () => void;
  typeRedis?: (line: string) => void | Promise<void>;
  runAt?: () => RunAt | null;
  openRun?: (r: RunAt, notices?: readonly string[]) => Promise<void>;
};

export function lessonHost(runner: RunnerLike): LessonHost {
  const host: LessonHost = {
    get sim() {
      return runner.sim;
    },
    get settings() {
      return runner.view?.settings ?? null;
    },
    get loading() {
      return runner.loading;
    },
    get speed() {
      return runner.speed;
    },
    load(settings: SimSettings, what?: string): string[] {
      if (typeof runner.applySettings === 'function') {
        runner.applySettings(settings, what);
        return [];
      }
      // Fallback: configure() knows nodes, driver, balancer, users, clients and seed only.
      const config: UiConfig = {
        ...runner.config, seed: settings.seed, nodes: settings.nodes.length, driver: settings.session.driver,
        strategy: settings.balancer.strategy, users: settings.users, clients: settings.clients,
      };
      const got = scenarioOf(settingsFor(config));
      const ignored = Object.entries(scenarioOf(settings))
        .filter(([k, v]) => got[k as keyof typeof got] !== v)
        .map(([k, v]) => `${settingName(k)} = ${settingValue(k, v)}`);
      runner.configure(config);
      runner.reset(); // a step starts at virtual time 0 even if nothing changed
      return ignored;
    },
    fault: (action) => runner.fault(action),
    onFrame: (hook) => runner.onFrame(hook),
    play: () => runner.play(),
  };
  if (typeof runner.setSpeed === 'function') host.setSpeed = runner.setSpeed.bind(runner);
  if (typeof runner.onFault === 'function') host.onFault = runner.onFault.bind(runner);
  if (typeof runner.typeRedis === 'function') host.typeRedis = runner.typeRedis.bind(runner);
  const runAt = typeof runner.runAt === 'function' ? runner.runAt.bind(runner) : null;
  const openRun = typeof runner.openRun === 'function' ? runner.openRun.bind(runner) : null;
  if (runAt) {
    host.pastFaults = () => {
      const r = runAt();
      if (!r) return [];
      return r.run.interventions.flatMap((i) => (i.kind === 'fault' && i.t <= r.atMs ? [{ action: i.action, atMs: i.t }] : []));
    };
    host.runPayload = () => {
      const r = runAt();
      return r ? encodeRunPayload(r) : null;
    };
  }
  if (openRun) {
    host.openRunPayload = (payload) => {
      const d = decodeRunPayload(payload);
      if (!d.ok) return false;
      void openRun(d.value, d.value.ignored.map((i) => `link: ${i}`));
      return true;
    };
  }
  return host;
}
