/**
 * `npm run sim` shows its progress on stderr when stderr is a terminal (issue 14, Low), and only
 * then: a pipe gets the report alone. The terminal is a real pseudo-terminal (util-linux `script`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** `script` is there and can open a pseudo-terminal here (a container may have no /dev/pts). */
const hasScript = spawnSync('script', ['-q', '-e', '-c', 'true', '/dev/null']).status === 0;
const SIM = ['--import', 'tsx', 'src/cli/sim.ts'];
/** Long enough for a line a second (the progress interval) even on a fast machine. */
const RUN = [...SIM, '--users', '1000', '--duration', '3600', '--seed', '3'];

describe.skipIf(!hasScript)('the CLI progress line', () => {
  it('on a terminal: "sim: N of 3600 virtual seconds (P%)…" lines, rewritten in place and cleared before the report', () => {
    const command = [process.execPath, ...RUN].map((a) => `'${a}'`).join(' ');
    const out = execFileSync('script', ['-q', '-e', '-c', command, '/dev/null'], { encoding: 'utf8', timeout: 240_000 });
    const lines = [...out.matchAll(/\rsim: (\d+) of 3600 virtual seconds \((\d+)%\)…/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(lines.length).toBeGreaterThan(0);
    for (const [sec, pct] of lines) expect(pct).toBe(Math.round((100 * sec!) / 3600));
    // Each line moves forward, and the last one is wiped ("\r\x1b[K") before the report starts.
    expect(lines.map(([s]) => s)).toEqual([...lines.map(([s]) => s!)].sort((a, b) => a - b));
    expect(out).toContain('\r\u001b[KSession Cluster Lab — 2 nodes');
  }, 300_000);
});

describe('the CLI without a terminal', () => {
  it('through a pipe: no progress line, stderr stays empty', () => {
    const r = spawnSync(process.execPath, [...SIM, '--users', '200', '--duration', '600'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Session Cluster Lab — 2 nodes');
  }, 120_000);
});
