/**
 * The side-by-side view open on the page, if any, for the page's hotkeys (App.svelte): while it
 * is open, Space and the fault keys act on both of its clusters. Set by the view; one page, one value.
 */
import type { PairRunner } from './pairRunner.svelte';

export const sideOnPage = $state<{ pair: PairRunner | null }>({ pair: null });
