/**
 * How each request outcome looks: an Okabe–Ito colour (distinguishable with the common
 * colour-vision deficiencies) *and* a shape and a word, so no outcome is told by colour alone.
 * The outcomes themselves — label, shape, colour name, meaning — are defined in
 * src/sim/outcomes.ts; this maps them to pixels.
 */
import { OUTCOME_INFO, OUTCOMES, type Outcome } from '../sim/outcomes';

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

export const OUTCOME_STYLE: Readonly<Record<Outcome, OutcomeStyle>> = Object.fromEntries(OUTCOMES.map((o) => {
  const i = OUTCOME_INFO[o];
  return [o, { color: OKABE_ITO[i.color], glyph: i.shape, symbol: i.symbol, label: i.label }];
})) as Record<Outcome, OutcomeStyle>;

/** Outcomes as small integers, for typed arrays (0 = nothing yet). */
export const OUTCOME_CODES: readonly Outcome[] = OUTCOMES;

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
  { key: 'ok', label: OUTCOME_INFO.ok.short, outcomes: ['ok'], rare: false },
  { key: 'lost_update', label: OUTCOME_INFO.lost_update.short, outcomes: ['lost_update'], rare: true },
  { key: 'logged_out', label: OUTCOME_INFO.logged_out.short, outcomes: ['logged_out'], rare: false },
  { key: 'csrf_mismatch', label: OUTCOME_INFO.csrf_mismatch.short, outcomes: ['csrf_mismatch'], rare: false },
  { key: 'server_error', label: OUTCOME_INFO.server_error.short, outcomes: ['server_error'], rare: false },
  { key: 'bad_gateway', label: OUTCOME_INFO.bad_gateway.short, outcomes: ['bad_gateway'], rare: false },
  { key: 'gateway_timeout', label: OUTCOME_INFO.gateway_timeout.short, outcomes: ['gateway_timeout'], rare: true },
] as const satisfies ReadonlyArray<{ key: Outcome; label: string; outcomes: readonly Outcome[]; rare: boolean }>;

export interface MarkStyle {
  color: string;
  glyph: Glyph;
  symbol: string;
  label: string;
}

/** A user's mark after an outcome: its style, with the crowd's wording. */
const markOf = (o: Outcome, label: string): MarkStyle => ({ ...OUTCOME_STYLE[o], label });

/** The crowd's marks, indexed by `MARK` (src/ui/state/marks.ts): colour, shape and word. */
export const MARK_STYLE: readonly MarkStyle[] = [
  { color: '#b9bfc8', glyph: 'circle', symbol: '·', label: 'not arrived yet' },
  { color: USER_COLORS.loggedIn, glyph: 'circle', symbol: '●', label: 'logged in' },
  { color: USER_COLORS.guest, glyph: 'ring', symbol: '○', label: 'guest' },
  markOf('logged_out', 'logged out by the cluster'),
  markOf('csrf_mismatch', OUTCOME_INFO.csrf_mismatch.label),
  markOf('server_error', OUTCOME_INFO.server_error.label),
  markOf('bad_gateway', OUTCOME_INFO.bad_gateway.label),
  markOf('gateway_timeout', '504 timeout'),
  markOf('lost_update', OUTCOME_INFO.lost_update.label),
];
