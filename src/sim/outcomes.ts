/**
 * What a finished request meant to the user who sent it — the one definition of every
 * outcome. Each request gets exactly one (see {@link classify}); the CLI, the metrics and
 * their counters, the charts, the stage's marks and the legend all read them from here.
 *
 * A **logout** is a request from a logged-in user that was answered as if they were a guest,
 * when they had not asked to log out: the cluster lost (or could not find) their session. The
 * page they saw does not matter — a redirect to the login form after a GET, or
 * "419 Page Expired" after they sent a form (the fresh session has no matching CSRF token):
 * either way they are now logged out. The big **Logouts** number counts exactly these.
 */

export const OUTCOMES = ['ok', 'logged_out', 'csrf_mismatch', 'server_error', 'bad_gateway', 'gateway_timeout', 'lost_update'] as const;
/** The user-visible class of a finished request. */
export type Outcome = (typeof OUTCOMES)[number];

/** Shapes the marks and legends draw, so no outcome is told by colour alone. */
export type OutcomeShape = 'circle' | 'cross' | 'triangle' | 'square' | 'diamond' | 'hourglass' | 'star';
/** Okabe–Ito colour names (the UI maps them to hex). */
export type OutcomeColor = 'bluishGreen' | 'vermillion' | 'orange' | 'reddishPurple' | 'black' | 'skyBlue';

export interface OutcomeInfo {
  /** The word legends and tables use. */
  label: string;
  /** A short name for chart stacks. */
  short: string;
  shape: OutcomeShape;
  /** A character that draws the shape in text (feed, inspector). */
  symbol: string;
  color: OutcomeColor;
  /** What it means, for a student. */
  description: string;
}

export const OUTCOME_INFO: Readonly<Record<Outcome, OutcomeInfo>> = {
  ok: {
    label: 'OK', short: 'OK', shape: 'circle', symbol: '●', color: 'bluishGreen',
    description: 'Answered as the user expected.',
  },
  logged_out: {
    label: 'logged out', short: 'logged out', shape: 'cross', symbol: '✕', color: 'vermillion',
    description: 'A logged-in user was answered as a guest without asking to log out: the cluster lost their session '
      + '(a redirect to the login form, or 419 Page Expired on a form they sent).',
  },
  csrf_mismatch: {
    label: '419 Page Expired', short: '419', shape: 'triangle', symbol: '▲', color: 'orange',
    description: 'A form was refused: its CSRF token does not match the session the node found, and no login was lost by it '
      + '(typically a guest\'s login form posted to a node that never saw the form\'s session).',
  },
  server_error: {
    label: '500 error', short: '500', shape: 'square', symbol: '■', color: 'reddishPurple',
    description: 'The app failed: Redis refused the connection or replied with an error (OOM), or the session lock timed out.',
  },
  bad_gateway: {
    label: '502 Bad Gateway', short: '502', shape: 'diamond', symbol: '◆', color: 'black',
    description: 'The balancer had no live node to send to, or the node died while the request was on it (HAProxy: 503).',
  },
  // nginx gave up waiting: an hourglass, in the 502's black — both are the balancer's answers.
  gateway_timeout: {
    label: '504 Gateway Timeout', short: '504', shape: 'hourglass', symbol: '⧗', color: 'black',
    description: 'nginx gave up after proxy_read_timeout (60 s): the node was stuck waiting on a Redis that did not answer.',
  },
  lost_update: {
    label: 'lost update', short: 'lost update', shape: 'star', symbol: '★', color: 'skyBlue',
    description: 'Answered fine, but its session write overwrote another request\'s change (last write wins): a cart item vanished.',
  },
};

/** The definition of the big Logouts number, in one sentence (legend, CLI, README). */
export const LOGOUT_DEFINITION = 'Logouts: requests of a logged-in user answered as a guest without asking to log out — a redirect to the login form, or 419 Page Expired on a form.';

/** What the classification reads about a finished request. */
export interface OutcomeFacts {
  status: number;
  /** Logged in when the request was sent, and as the answer shows them (unchanged by a 5xx page). */
  authBefore: boolean;
  authAfter: boolean;
  /** The user asked to log out (POST /logout). */
  voluntary: boolean;
  /** Its session write threw away another request's change. */
  lostUpdate: boolean;
}

/**
 * The one outcome of a finished request. Gateway and server errors first (an error page says
 * nothing about the session); then a lost login, whatever the page said; then a refused form;
 * then a lost update.
 */
export function classify(f: OutcomeFacts): Outcome {
  const s = f.status;
  if (s === 502 || s === 503) return 'bad_gateway';
  if (s === 504) return 'gateway_timeout';
  if (s >= 500) return 'server_error';
  if (f.authBefore && !f.authAfter && !f.voluntary) return 'logged_out';
  if (s === 419) return 'csrf_mismatch';
  if (f.lostUpdate) return 'lost_update';
  return 'ok';
}

/** Whether a finished request counts in the Logouts number. */
export function isLogout(r: { outcome: Outcome }): boolean {
  return r.outcome === 'logged_out';
}
