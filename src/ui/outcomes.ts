/**
 * How each request outcome looks: an Okabe–Ito colour (distinguishable with the common
 * colour-vision deficiencies) *and* a shape and a word, so no outcome is told by colour alone.
 */
import type { Outcome } from '../sim/types';

/** Okabe & Ito (2008), "Color Universal Design". */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

export type Glyph = 'circle' | 'cross' | 'triangle' | 'square' | 'diamond' | 'ring' | 'hourglass' | 'star';

export interface OutcomeStyle {
  color: string;
  glyph: Glyph;
  /** A character that draws the glyph in text (legend, feed, inspector). */
  symbol: string;
  /** Short label for legends and charts. */
  label: string;
}

export const OUTCOME_STYLE: Readonly<Record<Outcome, OutcomeStyle>> = {
  ok: { color: OKABE_ITO.bluishGreen, glyph: 'circle', symbol: '●', label: 'OK' },
  logged_out: { color: OKABE_ITO.vermillion, glyph: 'cross', symbol: '✕', label: 'logged out' },
  csrf_mismatch: { color: OKABE_ITO.orange, glyph: 'triangle', symbol: '▲', label: '419 Page Expired' },
  server_error: { color: OKABE_ITO.reddishPurple, glyph: 'square', symbol: '■', label: '500 error' },
  bad_gateway: { color: OKABE_ITO.black, glyph: 'diamond', symbol: '◆', label: '502 Bad Gateway' },
  // nginx gave up waiting (60 s): an hourglass, in the 502's black — both are nginx's answers.
  gateway_timeout: { color: OKABE_ITO.black, glyph: 'hourglass', symbol: '⧗', label: '504 Gateway Timeout' },
  // A 200 whose session write overwrote another request's change (last write wins).
  lost_update: { color: OKABE_ITO.skyBlue, glyph: 'star', symbol: '★', label: 'lost update' },
};

/** Outcomes as small integers, for typed arrays (0 = nothing yet). */
export const OUTCOME_CODES: readonly Outcome[] = ['ok', 'logged_out', 'csrf_mismatch', 'server_error', 'bad_gateway', 'gateway_timeout', 'lost_update'];

export function outcomeCode(o: Outcome): number {
  return OUTCOME_CODES.indexOf(o) + 1;
}

export function outcomeOf(code: number): Outcome | null {
  return OUTCOME_CODES[code - 1] ?? null;
}

/** The colour of a logged-in user in the crowd, and of a guest's outline. */
export const USER_COLORS = { loggedIn: OKABE_ITO.blue, guest: '#8a9099', idle: '#c9ced6' } as const;

/**
 * Outcome groups the charts stack (bottom to top). `rare` groups (the failure lab's 504s and
 * lost updates) are stacked always but only named in a chart's legend once they happened.
 */
export const CHART_GROUPS = [
  { key: 'ok', label: 'OK', outcomes: ['ok'], rare: false },
  { key: 'lost_update', label: 'lost update', outcomes: ['lost_update'], rare: true },
  { key: 'logged_out', label: 'logged out', outcomes: ['logged_out'], rare: false },
  { key: 'csrf_mismatch', label: '419', outcomes: ['csrf_mismatch'], rare: false },
  { key: 'server_error', label: '500', outcomes: ['server_error'], rare: false },
  { key: 'bad_gateway', label: '502', outcomes: ['bad_gateway'], rare: false },
  { key: 'gateway_timeout', label: '504', outcomes: ['gateway_timeout'], rare: true },
] as const satisfies ReadonlyArray<{ key: Outcome; label: string; outcomes: readonly Outcome[]; rare: boolean }>;

export interface MarkStyle {
  color: string;
  glyph: Glyph;
  symbol: string;
  label: string;
}

/** The crowd's marks, indexed by `MARK` (src/ui/state/marks.ts): colour, shape and word. */
export const MARK_STYLE: readonly MarkStyle[] = [
  { color: '#b9bfc8', glyph: 'circle', symbol: '·', label: 'not arrived yet' },
  { color: USER_COLORS.loggedIn, glyph: 'circle', symbol: '●', label: 'logged in' },
  { color: USER_COLORS.guest, glyph: 'ring', symbol: '○', label: 'guest' },
  { color: OKABE_ITO.vermillion, glyph: 'cross', symbol: '✕', label: 'logged out by the cluster' },
  { color: OKABE_ITO.orange, glyph: 'triangle', symbol: '▲', label: '419 Page Expired' },
  { color: OKABE_ITO.reddishPurple, glyph: 'square', symbol: '■', label: '500 error' },
  { color: OKABE_ITO.black, glyph: 'diamond', symbol: '◆', label: '502 Bad Gateway' },
  { color: OKABE_ITO.black, glyph: 'hourglass', symbol: '⧗', label: '504 timeout' },
  { color: OKABE_ITO.skyBlue, glyph: 'star', symbol: '★', label: 'lost update' },
];
