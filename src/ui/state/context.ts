/** The runner travels to components through context (typed helpers, STYLE.md §10). */
import { getContext, setContext } from 'svelte';
import type { SimRunner } from './runner.svelte';
import type { StageHost } from '../stage/stageHost';

/** The context key (for components that work with or without a page around them). */
export const RUNNER_KEY = Symbol('sim-runner');
const KEY = RUNNER_KEY;

export function setRunner(r: SimRunner): SimRunner {
  return setContext(KEY, r);
}

export function getRunner(): SimRunner {
  const r = getContext<SimRunner | undefined>(KEY);
  if (!r) throw new Error('getRunner() outside <App>: no SimRunner in context');
  return r;
}

const STAGE_KEY = Symbol('stage-host');

/** Give the stages below this component their own host (one side of the side-by-side view). */
export function setStageHost(h: StageHost): StageHost {
  return setContext(STAGE_KEY, h);
}

/** The stage's host: one set with {@link setStageHost}, else the page's runner. */
export function getStageHost(): StageHost {
  return getContext<StageHost | undefined>(STAGE_KEY) ?? getRunner();
}
