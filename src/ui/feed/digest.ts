/**
 * What the engine does not report line by line, summed up for the event feed every few
 * virtual seconds: logouts ("14 users logged out in the last 5 s", never 10,000 lines) and
 * mobile clients whose address changed (the cause of ip_hash's logouts, lesson 4). Pure
 * bookkeeping over samples of the simulation, so the wording is tested without a browser.
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
/** Address changes named one by one up to this many per line. */
const NAMED = 3;

export class FeedDigest {
  private since = 0;
  private logouts = 0;
  private ips: string[] = [];

  constructor(private readonly bucketMs = DIGEST_MS) {}

  /** Start over (a new simulation) from its state now. */
  reset(now: number, logouts: number, users: readonly DigestUser[]): void {
    this.since = now;
    this.logouts = logouts;
    this.ips = byId(users);
  }

  /**
   * The simulation at virtual `now`: once a bucket has passed, the lines for it (none when
   * nothing happened). `users` is only read when a bucket closes.
   */
  update(now: number, logouts: number, users: () => readonly DigestUser[], ipHash = false): DigestLine[] {
    if (now < this.since) this.reset(now, logouts, users());
    if (now - this.since < this.bucketMs) return [];
    const span = secs(now - this.since);
    const out: DigestLine[] = [];
    const lost = logouts - this.logouts;
    if (lost > 0) out.push({ t: now, kind: 'warning', text: `${lost} user${lost === 1 ? '' : 's'} logged out in the last ${span} (✕ in the crowd)` });
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
    this.logouts = logouts;
    this.ips = byId(list);
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
