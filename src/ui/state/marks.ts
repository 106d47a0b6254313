/**
 * What the crowd remembers about each user between frames: their mark (logged in, guest,
 * or the trouble they last hit), when they were last logged out (the flash), and their last
 * few requests (the inspector). Indexed by user id − 1. Typed arrays, written from onRecord.
 */
import { isLogout } from '../../sim/outcomes';
import type { TraceRecord } from '../../sim/types';

/** A user's mark in the crowd. Trouble marks stay until the user is logged in again. */
export const MARK = { idle: 0, in: 1, guest: 2, loggedOut: 3, expired: 4, error: 5, gateway: 6, timeout: 7, lostUpdate: 8 } as const;
export type Mark = (typeof MARK)[keyof typeof MARK];
/** How many different marks there are. */
export const MARK_COUNT = Object.keys(MARK).length;

/** The mark after request `r`, given the previous one. Pure, so the rule is tested. */
export function nextMark(prev: number, r: TraceRecord): Mark {
  if (isLogout(r)) return MARK.loggedOut;
  switch (r.outcome) {
    case 'csrf_mismatch': return MARK.expired;
    case 'server_error': return MARK.error;
    case 'bad_gateway': return MARK.gateway;
    case 'gateway_timeout': return MARK.timeout;
    // The answer was fine, but the cart lost an item: marked until the user's next request.
    case 'lost_update': return MARK.lostUpdate;
    default:
      if (r.authAfter) return MARK.in;
      // A guest who was thrown out keeps the mark until they manage to log in again.
      return prev === MARK.loggedOut || prev === MARK.expired ? (prev as Mark) : MARK.guest;
  }
}

/** How many recent requests the inspector lists per user. */
export const RECENT_PER_USER = 6;
/** How many "logged out" labels the stage shows at once. */
export const LOGOUT_LABELS = 3;
/** Recent logouts kept for flashes and labels (some are still in the future: their answer is on its way). */
const MAX_LOGOUT_MARKS = 96;
/** How long a "logged out" label stays, real ms. */
export const LABEL_MS = 2600;

/**
 * Which logouts carry a text label now. Labels stay for their whole life; a free slot goes
 * to the newest logout already on screen (of a user `shown` in the crowd), so labels do not
 * jump around when logouts pour in.
 */
export function pickLabels(current: readonly LogoutMark[], logouts: readonly LogoutMark[], now: number, max: number, shown: (user: number) => boolean = () => true): LogoutMark[] {
  const next = current.filter((l) => now - l.at <= LABEL_MS);
  for (let k = logouts.length - 1; k >= 0 && next.length < max; k--) {
    const l = logouts[k]!;
    const age = now - l.at;
    if (age < 0 || !shown(l.user)) continue;
    if (age > LABEL_MS / 2) break;
    if (!next.some((x) => x.user === l.user)) next.push(l);
  }
  return next;
}

export interface LogoutMark {
  /** 0-based user index. */
  user: number;
  /** Real ms (performance.now) when it happened on screen. */
  at: number;
}

/** The marks at one moment, kept beside a checkpoint of the run (src/run/checkpoints.ts). */
export interface MarksCopy {
  mark: Uint8Array;
  recent: TraceRecord[][];
}

export class UserMarks {
  mark: Uint8Array;
  /** Real ms of the last logout flash (0 = never). */
  flashAt: Float64Array;
  recent: TraceRecord[][] = [];
  /** Newest last. */
  logouts: LogoutMark[] = [];
  /** Bumped on every change, so the crowd layer redraws only when needed. */
  version = 0;

  constructor(capacity = 10_000) {
    this.mark = new Uint8Array(capacity);
    this.flashAt = new Float64Array(capacity);
  }

  record(r: TraceRecord, realAt: number): void {
    const i = r.user - 1;
    if (i >= this.mark.length) this.grow(i + 1);
    this.mark[i] = nextMark(this.mark[i]!, r);
    const list = (this.recent[i] ??= []);
    list.push(r);
    if (list.length > RECENT_PER_USER) list.shift();
    if (isLogout(r)) {
      this.flashAt[i] = realAt;
      this.logouts.push({ user: i, at: realAt });
      if (this.logouts.length > MAX_LOGOUT_MARKS) this.logouts.splice(0, this.logouts.length - MAX_LOGOUT_MARKS);
    }
    this.version++;
  }

  /** The marks now (records are shared: they never change). */
  copy(): MarksCopy {
    return { mark: this.mark.slice(), recent: this.recent.map((list) => list.slice()) };
  }

  /**
   * Show the marks a copy holds, as a replay up to its moment leaves them: no flash or label
   * (those happened long ago).
   */
  restore(c: MarksCopy): void {
    this.clear();
    if (c.mark.length > this.mark.length) this.grow(c.mark.length);
    this.mark.set(c.mark);
    this.recent = c.recent.map((list) => list.slice());
    this.version++;
  }

  clear(): void {
    this.mark.fill(0);
    this.flashAt.fill(0);
    this.recent = [];
    this.logouts = [];
    this.version++;
  }

  private grow(n: number): void {
    const size = Math.max(n, this.mark.length * 2);
    const lo = new Uint8Array(size);
    lo.set(this.mark);
    const fa = new Float64Array(size);
    fa.set(this.flashAt);
    this.mark = lo;
    this.flashAt = fa;
  }
}
