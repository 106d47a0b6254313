/**
 * Pure comparison helpers shared by the oracles (unit-tested in tests/oracles): tallies of
 * identical outcomes, set differences, tolerances, and the parsers for what the real programs
 * print (nginx `$upstream_addr`, Redis MONITOR lines, INFO).
 */

/** What one request ended as, on either side. */
export interface Outcome {
  status: number;
  /** The node that answered, or null. */
  node: string | null;
  /** Upstream addresses tried, in order (nginx `$upstream_addr`), or null when the side cannot tell. */
  tried: string[] | null;
  /** Cookies the balancer set, name → value (only compared when both sides report them). */
  cookies?: Record<string, string>;
}

/** Why two outcomes differ, or null if they agree. Fields one side does not report are not compared. */
export function outcomeDiff(sim: Outcome, real: Outcome): string | null {
  const parts: string[] = [];
  if (sim.status !== real.status) parts.push(`status sim ${sim.status} real ${real.status}`);
  if (sim.node !== real.node) parts.push(`node sim ${sim.node ?? '-'} real ${real.node ?? '-'}`);
  if (sim.tried !== null && real.tried !== null && sim.tried.join(',') !== real.tried.join(',')) {
    parts.push(`tried sim [${sim.tried.join(' ')}] real [${real.tried.join(' ')}]`);
  }
  if (sim.cookies !== undefined && real.cookies !== undefined) {
    const a = JSON.stringify(sortedEntries(sim.cookies));
    const b = JSON.stringify(sortedEntries(real.cookies));
    if (a !== b) parts.push(`cookies sim ${a} real ${b}`);
  }
  return parts.length === 0 ? null : parts.join('; ');
}

function sortedEntries(o: Record<string, string>): [string, string][] {
  return Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A running count of agreements, keeping the first few disagreements for the report. */
export class Tally {
  total = 0;
  same = 0;
  readonly examples: string[] = [];

  constructor(private readonly keep = 5) {}

  /** Record one comparison; `diff` null means identical. */
  add(diff: string | null, label = ''): void {
    this.total++;
    if (diff === null) this.same++;
    else if (this.examples.length < this.keep) this.examples.push(label === '' ? diff : `${label}: ${diff}`);
  }

  get ok(): boolean {
    return this.total > 0 && this.same === this.total;
  }

  /** `N/N` */
  get ratio(): string {
    return `${this.same}/${this.total}`;
  }
}

/**
 * nginx `$upstream_addr` → the server addresses tried, in order. Entries are separated by
 * ", " (and " : " across internal redirects); a group name instead of an address means
 * "no live upstreams" at that point and is dropped.
 */
export function parseUpstreamAddr(header: string | undefined): string[] {
  if (header === undefined || header === '') return [];
  return header.split(/\s*[,:]\s+/).map((s) => s.trim()).filter((s) => /^(\d{1,3}\.){3}\d{1,3}:\d+$/.test(s) || /^\[[0-9a-f:]+\]:\d+$/i.test(s));
}

/** Keys in one set and not the other. */
export function setDiff(a: Iterable<string>, b: Iterable<string>): { onlyA: string[]; onlyB: string[] } {
  const sa = new Set(a);
  const sb = new Set(b);
  return { onlyA: [...sa].filter((k) => !sb.has(k)).sort(), onlyB: [...sb].filter((k) => !sa.has(k)).sort() };
}

/** |a − b| ≤ max(abs, rel × max(|a|, |b|)). */
export function within(a: number, b: number, tol: { abs?: number; rel?: number }): boolean {
  const limit = Math.max(tol.abs ?? 0, (tol.rel ?? 0) * Math.max(Math.abs(a), Math.abs(b)));
  return Math.abs(a - b) <= limit;
}

/** Redis's TTL from a PTTL (`ttlGenericCommand`: `(ttl + 500) / 1000`, C integer division). */
export function redisTtl(pttl: number): number {
  return pttl < 0 ? pttl : Math.floor((pttl + 500) / 1000);
}

/**
 * True when TTLs may legitimately differ because the two PTTLs were read `slackMs` apart:
 * a PTTL within `slackMs` of a half second can round either way.
 */
export function ttlNearRoundingEdge(pttl: number, slackMs: number): boolean {
  if (pttl < 0) return false;
  const frac = pttl % 1000;
  return Math.abs(frac - 500) <= slackMs;
}

/** One command as Redis MONITOR shows it. */
export interface MonitorCommand {
  /** Epoch ms (microsecond precision as a fraction). */
  timeMs: number;
  db: number;
  client: string;
  /** The command name as sent, then its arguments. */
  args: string[];
}

/**
 * Undo `sdscatrepr` (src/sim/redis/repr.ts, Redis's sds.c): `"caf\xc3\xa9\n"` → `café` + newline: the
 * string whose UTF-8 bytes were quoted. Returns [value, index just past the closing quote].
 */
export function unreprAt(s: string, start: number): [string, number] {
  if (s[start] !== '"') throw new Error(`expected a quoted string at ${start}: ${s.slice(start, start + 20)}`);
  const bytes: number[] = [];
  const ESC: Record<string, number> = { n: 10, r: 13, t: 9, a: 7, b: 8, '\\': 92, '"': 34 };
  let i = start + 1;
  for (;;) {
    const c = s[i];
    if (c === undefined) throw new Error('unterminated quoted string');
    if (c === '"') return [utf8.decode(Uint8Array.from(bytes)), i + 1];
    if (c !== '\\') {
      bytes.push(c.charCodeAt(0) & 0xff);
      i++;
      continue;
    }
    const e = s[i + 1] ?? '';
    const named = ESC[e];
    if (named !== undefined) {
      bytes.push(named);
      i += 2;
    } else if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 2, i + 4))) {
      bytes.push(parseInt(s.slice(i + 2, i + 4), 16));
      i += 4;
    } else {
      throw new Error(`bad escape \\${e} at ${i}`);
    }
  }
}

const utf8 = new TextDecoder('utf-8');

/** Parse one MONITOR line: `1764432000.123456 [0 10.0.0.11:51234] "SETEX" "key" "7200" "value"`. */
export function parseMonitorLine(line: string): MonitorCommand {
  const m = /^(\d+)\.(\d{6}) \[(\d+) ([^\]]*)\] /.exec(line);
  if (m === null) throw new Error(`not a MONITOR line: ${line.slice(0, 60)}`);
  const timeMs = Number(m[1]) * 1000 + Number(m[2]) / 1000;
  const args: string[] = [];
  let i = m[0].length;
  for (;;) {
    const [v, end] = unreprAt(line, i);
    args.push(v);
    if (end >= line.length) break;
    if (line[end] !== ' ') throw new Error(`expected a space at ${end}`);
    i = end + 1;
  }
  return { timeMs, db: Number(m[3]), client: m[4]!, args };
}

/** INFO text → sections (lower-case title) → field → value. */
export function parseInfoSections(text: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  let cur = new Map<string, string>();
  out.set('', cur);
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      cur = new Map();
      out.set(line.slice(1).trim().toLowerCase(), cur);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0) cur.set(line.slice(0, colon), line.slice(colon + 1));
  }
  if (out.get('')!.size === 0) out.delete('');
  return out;
}

/** Fields the simulated INFO prints that the real one lacks (or prints under another section). */
export function missingInfoFields(sim: Map<string, Map<string, string>>, real: Map<string, Map<string, string>>): string[] {
  const missing: string[] = [];
  for (const [section, fields] of sim) {
    const r = real.get(section);
    for (const name of fields.keys()) {
      // commandstats lines exist only for commands that ran; the keyspace line only for a non-empty db
      if (r === undefined || !r.has(name)) missing.push(`${section}.${name}`);
    }
  }
  return missing;
}

/** `keys=1,expires=1,avg_ttl=7` → record of numbers. */
export function parseKeyspaceValue(v: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (v ?? '').split(',')) {
    const [k, n] = part.split('=');
    if (k !== undefined && n !== undefined && k !== '') out[k] = Number(n);
  }
  return out;
}
