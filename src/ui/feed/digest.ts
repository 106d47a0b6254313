/**
 * What the engine does not report line by line, summed up for the event feed every few
 * virtual seconds: logouts ("14 users logged out in the last 5 s", never 10,000 lines) and
 * mobile clients whose address changed (the cause of ip_hash's logouts, lesson 4). Pure
 * bookkeeping over samples of the simulation, so the wording is tested without a browser.
 *
 * Logouts are read from the engine's per-second series, one line per 5 virtual seconds
 * (0–5 s, 5–10 s…): the same lines whether the run played live, was replayed from 0 or
 * restored from a checkpoint (a simulation first seen mid-run gets the lines of its past at
 * once). Address changes are sampled from the users as the frames come.
 */

/** The parts of a user the digest reads. */
export interface DigestUser {
  id: number;
  ip: string;
  kind: string;
}

export interface DigestLine {
  /** Virtual ms. */
  t: number;
  kind: 'warning' | 'info';
  text: string;
}

/** Virtual ms summed into one line. */
export const DIGEST_MS = 5000;

/** The part of a closed virtual second the digest reads (the engine's `SecondBucket`). */
export interface DigestSecond {
  logouts: number;
}
/** Address changes named one by one up to this many per line. */
const NAMED = 3;

export class FeedDigest {
  /** Seconds of the series already summed into logout lines. */
  private summed = 0;
  private since = 0;
  private ips: string[] = [];

  constructor(private readonly bucketMs = DIGEST_MS) {}

  /** Start over (a new simulation) from its state now; its past logouts are summed at the next update. */
  reset(now: number, users: readonly DigestUser[]): void {
    this.summed = 0;
    this.since = now;
    this.ips = byId(users);
  }

  /**
   * The simulation at virtual `now`, with its closed seconds: a logout line for each bucket
   * the series has closed since the last call (none for a bucket without logouts), and once a
   * bucket has passed since the last sample, the phones whose address changed. `users` is only
   * read then.
   */
  update(now: number, series: readonly DigestSecond[], users: () => readonly DigestUser[], ipHash = false): DigestLine[] {
    if (now < this.since) this.reset(now, users());
    const out = this.logoutLines(series);
    if (now - this.since < this.bucketMs) return out;
    const span = secs(now - this.since);
    const moved: string[] = [];
    let movedCount = 0;
    const list = users();
    for (const u of list) {
      const before = this.ips[u.id - 1];
      if (before !== undefined && before !== u.ip) {
        movedCount++;
        if (moved.length < NAMED) moved.push(`user ${u.id}: ${before} → ${u.ip}`);
      }
    }
    if (movedCount > 0) {
      const who = movedCount === 1 ? 'A phone changed network: its address changed' : `${movedCount} phones changed network: their addresses changed`;
      out.push({ t: now, kind: 'info', text: `${who} in the last ${span} (${moved.join('; ')}${movedCount > moved.length ? '; …' : ''})${ipHash ? ' — ip_hash may now send them to a node without their session' : ''}` });
    }
    this.since = now;
    this.ips = byId(list);
    return out;
  }

  private logoutLines(series: readonly DigestSecond[]): DigestLine[] {
    const out: DigestLine[] = [];
    const n = Math.max(1, Math.round(this.bucketMs / 1000));
    for (; this.summed + n <= series.length; this.summed += n) {
      let lost = 0;
      for (let s = this.summed; s < this.summed + n; s++) lost += series[s]!.logouts;
      if (lost > 0) out.push({ t: (this.summed + n) * 1000, kind: 'warning', text: `${lost} user${lost === 1 ? '' : 's'} logged out in the last ${secs(n * 1000)} (✕ in the crowd)` });
    }
    return out;
  }
}

function byId(users: readonly DigestUser[]): string[] {
  const ips: string[] = [];
  for (const u of users) ips[u.id - 1] = u.ip;
  return ips;
}

function secs(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 120 ? `${s} s` : `${Math.round(s / 60)} min`;
}
