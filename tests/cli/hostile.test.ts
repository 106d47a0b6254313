/**
 * The CLI under hostile input (issue 14, Medium 5–6 and Low): every finding reproduced.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/args';
import { escapeControls, printable } from '../../src/cli/escape';
import { runSliced } from '../../src/cli/runLoop';
import { TraceFile } from '../../src/cli/traceFile';
import { Simulation } from '../../src/sim/simulation';
import { traceLine } from '../../src/sim/trace';

const files: Record<string, string> = {
  'syntax.json': '{\n  "nodes": 2,\n  "driver": "redis"\n  "users": 5\n}\n',
  'failover.json': JSON.stringify({ driver: 'redis', events: ['30:redis-failover'] }),
  'many.json': JSON.stringify({ driver: 'redis', events: Array(5_001).fill('1:redis-down') }),
  'long.json': JSON.stringify({ events: [`1:crash:node-1${'x'.repeat(1_000_000)}`] }),
};
const read = (p: string): string => {
  const f = files[p];
  if (f === undefined) throw new Error(`ENOENT: no such file or directory, open '${p}'`);
  return f;
};
const errors = (...argv: string[]): string[] => {
  const r = parseCli(argv, read);
  return 'errors' in r ? r.errors : [];
};

describe('flags (issue 14, Low)', () => {
  it('--duration: decimal seconds, at most 7 days like a scenario file', () => {
    const msg = (v: string) => `--duration: expected seconds, more than 0 and at most 604800 (7 days), written like 600 or 90.5; got "${v}"`;
    for (const v of ['0x10', '1e9', '604801', '0', 'Infinity', '1_000', ' ', '10s']) expect(errors('--duration', v)).toEqual([msg(v)]);
    expect(errors('--duration=-5')).toEqual([msg('-5')]);
    for (const [v, sec] of [['604800', 604_800], ['90.5', 90.5], ['1', 1]] as const) {
      const r = parseCli(['--duration', v], read);
      expect('errors' in r ? r.errors : r.settings.durationSec).toBe(sec);
    }
  });

  it('--event times are decimal seconds as --duration is: 0x5, 1e2, Infinity are refused (found in the audit)', () => {
    const msg = (spec: string) => `--event "${spec}": the time must be decimal seconds from 0 to 604800 (7 days), as in 30:crash:node-2 or 12.5:redis-down`;
    for (const t of ['0x5', '1e2', 'Infinity', ' 5', '0b101', '5.', '.5', '604801', '1.0001']) {
      expect(errors('--event', `${t}:crash:node-1`)).toEqual([msg(`${t}:crash:node-1`)]);
    }
    for (const [t, sec] of [['0', 0], ['12.5', 12.5], ['599.999', 599.999]] as const) {
      const r = parseCli(['--event', `${t}:crash:node-1`], read);
      expect('errors' in r ? r.errors : r.settings.events[0]?.atSec).toBe(sec);
    }
  });

  it('a scenario file holds at most 5,000 events of at most 100 characters each, as run files are bounded (found in the audit)', () => {
    expect(errors('--scenario', 'many.json')).toEqual([expect.stringMatching(/^many\.json: events: .*5000/)]);
    expect(errors('--scenario', 'long.json')).toEqual([expect.stringMatching(/^long\.json: events\.0: .*100/)]);
  });

  it('--compare runs each set-up once: a repeated one is named, so the list is bounded (found in the audit)', () => {
    expect(errors('--compare', 'redis/cookie,file/round-robin, redis/cookie')).toEqual(['--compare: "redis/cookie" is given twice: each set-up runs once']);
    expect(errors('--compare', Array(1000).fill('redis/cookie').join(','))).toEqual(['--compare: "redis/cookie" is given twice: each set-up runs once']);
    expect(errors('--compare', 'redis/cookie,redis/round-robin')).toEqual([]);
  });

  it('a flag given twice is an error, not "the last one wins"; --event stays repeatable', () => {
    expect(errors('--users', '5', '--users', '6')).toEqual(['--users given twice: give it once']);
    expect(errors('--json', '--json', '--seed', '1', '--seed=2')).toEqual(['--json given twice: give it once', '--seed given twice: give it once']);
    expect(errors('--event', '10:crash:node-1', '--event', '20:restart:node-1')).toEqual([]);
  });

  it('redis-failover without a replica is refused (it would silently do nothing)', () => {
    const reason = 'event at 30s: redis-failover needs a replica to promote: add --sentinel (and --driver redis)';
    expect(errors('--driver', 'redis', '--event', '30:redis-failover')).toEqual([reason]);
    expect(errors('--scenario', 'failover.json')).toEqual([reason]);
    expect(errors('--driver', 'redis', '--sentinel', '--event', '30:redis-failover')).toEqual([]);
  });

  it('an event after the run ends is refused (it would never happen)', () => {
    expect(errors('--duration', '60', '--event', '90:crash:node-1')).toEqual(['event at 90s: after the run ends (--duration 60): it would never happen']);
  });

  it('a scenario file with a JSON syntax error: FILE:LINE:COL', () => {
    expect(errors('--scenario', 'syntax.json')).toEqual(["syntax.json:4:3: invalid JSON: expected ','"]);
  });

  it('values echoed in errors have their control characters escaped', () => {
    expect(errors('--driver', 'x\u001b]0;pwned\u0007')).toEqual(['--driver: "x\\x1b]0;pwned\\x07" is not one of file, redis, cookie, array, database']);
    expect(errors('--users', '\u001b[2J')).toEqual(['--users: expected a whole number from 1 to 10000, got "\\x1b[2J"']);
    expect(errors('--balancer', 'least_conn')).toEqual(['--balancer: "least_conn" is not one of round-robin, least-conn, ip-hash, cookie, hash-cookie (did you mean least-conn?)']);
  });

  it('escape helpers: every C0/C1 control and bidi override becomes visible; printable keeps line breaks', () => {
    expect(escapeControls('a\tb\nc\rd\u0000\u007f\u009b\u202e')).toBe('a\\tb\\nc\\rd\\x00\\x7f\\x9b\\u202e');
    expect(printable('one\u001b[31m\ntwo')).toBe('one\\x1b[31m\ntwo');
    expect(escapeControls('plain — ünïcode ✓')).toBe('plain — ünïcode ✓');
  });
});

describe('--redis-url (issue 14, Medium 5)', () => {
  const url = (u: string, ...more: string[]) => errors('--driver', 'redis', '--redis-url', u, ...more);

  it('the path is a database number; anything else is refused before connecting', () => {
    for (const p of ['-1', 'abc', '1.5', '0x1']) {
      expect(url(`redis://127.0.0.1:6379/${p}`)).toEqual([`--redis-url "redis://127.0.0.1:6379/${p}": the path is the database number (redis://127.0.0.1:6379/15: 0–15 on a default server), got "/${p}"`]);
    }
    expect(url('redis://127.0.0.1:6379/15')).toEqual([]);
  });

  it('query parameters never become ioredis options', () => {
    expect(url('redis://127.0.0.1:6379/1?sentinels=x&name=m')).toEqual([
      '--redis-url "redis://127.0.0.1:6379/1?sentinels=x&name=m": takes no query parameters (sentinels, name); give the database as a path (redis://127.0.0.1:6379/15) and a password as redis://:PASSWORD@127.0.0.1:6379',
    ]);
    expect(url('redis://127.0.0.1:6379/1#x')[0]).toMatch(/takes no #fragment/);
  });

  it('the loopback rule holds', () => {
    expect(url('redis://10.0.0.1:6379/1')[0]).toMatch(/^refusing --redis-url redis:\/\/10\.0\.0\.1:6379: not a loopback address/);
  });

  it('--redis-maxmemory / --redis-policy with --redis-url are refused, not silently ignored', () => {
    expect(url('redis://127.0.0.1:6379/1', '--redis-maxmemory', '2mb', '--redis-policy', 'allkeys-lru')).toEqual([
      "--redis-maxmemory sets the simulated Redis; with --redis-url the real server's own setting applies (set it there: redis-cli CONFIG SET maxmemory 2mb)",
      "--redis-policy sets the simulated Redis; with --redis-url the real server's own setting applies (set it there: redis-cli CONFIG SET maxmemory-policy allkeys-lru)",
    ]);
  });
});

describe('--trace (issue 14, Medium 6)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scl-trace-'));

  it('a path that cannot be written is refused before the run', () => {
    expect(TraceFile.open('/nonexistent/x')).toBe('--trace /nonexistent/x: cannot write there: no such file or directory (ENOENT)');
    expect(TraceFile.open(dir)).toMatch(/^--trace .*: cannot write there: .*\(EISDIR\)$/);
  });

  it('the sim process: an unwritable --trace exits 2 before running (nothing printed on stdout)', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', '--users', '5', '--duration', '30', '--trace', '/nonexistent/x'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => { out += b.toString(); });
    child.stderr.on('data', (b: Buffer) => { err += b.toString(); });
    expect(await new Promise((resolve) => child.once('close', resolve))).toBe(2);
    expect(err).toBe('sim: --trace /nonexistent/x: cannot write there: no such file or directory (ENOENT)\n');
    expect(out).toBe('');
  }, 60_000);

  it('/dev/full: the first record fails, the error is kept and the writer stops', () => {
    const t = TraceFile.open('/dev/full');
    if (typeof t === 'string') throw new Error(t);
    t.write('{"t":1}');
    expect(t.error).toBe('--trace /dev/full: writing failed: no space left on device (ENOSPC)');
    expect(t.close()).toBe(t.error);
  });

  it('records are on disk as the run goes, in chunks (not held until the end)', () => {
    const path = join(dir, 'chunks.jsonl');
    const t = TraceFile.open(path);
    if (typeof t === 'string') throw new Error(t);
    const line = JSON.stringify({ pad: 'x'.repeat(200) });
    for (let i = 0; i < 1000; i++) t.write(line);
    const onDisk = readFileSync(path, 'utf8').length;
    expect(onDisk).toBeGreaterThan(0.9 * 1000 * (line.length + 1) - 64 * 1024); // at most one chunk pending
    t.close();
    expect(readFileSync(path, 'utf8')).toBe(`${line}\n`.repeat(1000));
  });

  it('a run in slices computes the same trace as one run() call (the golden digest is unaffected)', async () => {
    const settings = (parseCli(['--users', '30', '--duration', '45', '--nodes', '3', '--event', '20:crash:node-2'], read) as { settings: Parameters<typeof Simulation.create>[0] }).settings;
    const whole: string[] = [];
    const a = await Simulation.create(structuredClone(settings), { traceLimit: 0, listeners: { onRecord: (r) => whole.push(traceLine(r)) } });
    await a.run();
    const sliced: string[] = [];
    const b = await Simulation.create(structuredClone(settings), { traceLimit: 0, listeners: { onRecord: (r) => sliced.push(traceLine(r)) } });
    expect(await runSliced(b, { stop: () => null })).toBeNull();
    expect(sliced.length).toBeGreaterThan(100);
    expect(sliced).toEqual(whole);
  });

  it('Ctrl+C (SIGINT) mid-run: a one-line note, exit 130, and the trace is a valid NDJSON prefix', async () => {
    const path = join(dir, 'interrupted.jsonl');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', '--users', '2000', '--duration', '3600', '--trace', path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
    // Interrupt once records are on disk (a condition, not a delay).
    for (;;) {
      let size = 0;
      try {
        size = readFileSync(path).length;
      } catch { /* not created yet */ }
      if (size > 100_000 || child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGINT');
    expect(await closed).toBe(130);
    const m = /^sim: interrupted \(SIGINT\) at (\d+) of 3600 virtual seconds; .* holds the (\d+) requests finished so far\n$/.exec(stderr);
    expect(m, stderr).not.toBeNull();
    const text = readFileSync(path, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBe(Number(m![2]));
    const records = lines.map((l) => JSON.parse(l) as { t: number });
    expect(records.at(-1)!.t).toBeLessThanOrEqual((Number(m![1]) + 1) * 1000);
  }, 120_000);
});
