/**
 * The small interfaces the config and console panels need from the page, and the adapter
 * that gets them from the page's `SimRunner`. Panels take these as props, so tests and other
 * pages can drive them with anything that has the same shape.
 */
import type { Simulation } from '../../sim/simulation';
import type { FaultAction, SimSettings } from '../../sim/types';
import { settingsFor, type UiConfig } from '../state/config';
import type { SimRunner } from '../state/runner.svelte';
import type { ApplyOutcome } from './editorController';
import { describePatch } from './settingsDiff';

/** What the config editors need. */
export interface SettingsHost {
  /** The running simulation's settings; null until the first one is built. Reactive. */
  readonly settings: Readonly<SimSettings> | null;
  /** Restart the cluster with these settings. May report the parts it could not apply. */
  applySettings(next: SimSettings): ApplyOutcome | void;
}

/** What the consoles need. */
export interface ConsoleHost {
  /** The running simulation; a new object after every restart. Reactive. */
  readonly sim: Simulation | null;
  /** Apply what a console line does to the cluster (`php artisan cache:clear`); absent: nothing happens. */
  fault?: (action: FaultAction) => void;
}

/** The parts of `SimRunner` the adapter reads; `applySettings` is used when the runner has it. */
export type RunnerLike = Pick<SimRunner, 'view' | 'sim' | 'config' | 'configure'> & {
  applySettings?: (next: SimSettings) => unknown;
  fault?: (action: FaultAction) => void;
};

/**
 * Both hosts over the page's runner. `runner.sim` is a plain field, so reads go through
 * `runner.view` (a `$state.raw` snapshot replaced after every restart) to stay reactive.
 * Until the runner takes whole settings (`applySettings`), edits go through `configure()`,
 * which knows the node count, driver, balancer method, users and clients only; the rest is
 * reported back as not applied.
 */
export function runnerHost(runner: RunnerLike): SettingsHost & ConsoleHost {
  return {
    get settings() {
      return runner.view?.settings ?? null;
    },
    get sim() {
      void runner.view;
      return runner.sim;
    },
    fault(action: FaultAction): void {
      runner.fault?.(action);
    },
    applySettings(next: SimSettings): ApplyOutcome | void {
      if (typeof runner.applySettings === 'function') {
        runner.applySettings(next);
        return;
      }
      const config: UiConfig = {
        ...runner.config, seed: next.seed, nodes: next.nodes.length, driver: next.session.driver,
        strategy: next.balancer.strategy, users: next.users, clients: next.clients,
      };
      const ignored = describePatch(settingsFor(config), { session: next.session, redis: next.redis, balancer: next.balancer, nodes: next.nodes });
      runner.configure(config);
      return { ignored };
    },
  };
}
