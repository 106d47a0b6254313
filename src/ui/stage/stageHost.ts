/**
 * What the stage reads and calls: the page's runner, or one side of the side-by-side view
 * (src/ui/side/sideHost.svelte.ts), which provides its own through context (setStageHost).
 */
import type { SimRunner } from '../state/runner.svelte';

export type StageHost = Pick<SimRunner,
  'view' | 'config' | 'sim' | 'marks' | 'packets' | 'frames' | 'reducedMotion' | 'speed' | 'selection' | 'detail' | 'onFrame' | 'select' | 'fault'>;
