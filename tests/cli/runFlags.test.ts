import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/args';
import { runLinkUrl } from '../../src/run/link';
import { runFileText } from '../../src/run/runFile';
import type { RunLog } from '../../src/run/runLog';
import { defaultSettings } from '../../src/sim/settings';

const noFiles = (): string => { throw new Error('ENOENT: no such file'); };

function sampleRun(): RunLog {
  const s = defaultSettings();
  s.session.driver = 'redis';
  s.users = 40;
  return { settings: s, interventions: [{ kind: 'fault', t: 30_000, action: { kind: 'crash', node: 'node-2' } }] };
}

describe('the CLI run flags', () => {
  it('--print-link describes the scenario of the other flags, paused at --at', () => {
    const o = parseCli(['--driver', 'redis', '--users', '40', '--print-link', '--at', '90', '--base-url', 'https://example.org/lab/'], noFiles);
    if ('errors' in o) throw new Error(o.errors.join('\n'));
    expect(o.printLink).toBe(true);
    expect(o.atMs).toBe(90_000);
    expect(o.baseUrl).toBe('https://example.org/lab/');
    expect(o.settings.session.driver).toBe('redis');
  });

  it('--link runs what the link holds, to the moment it opens at unless --duration says otherwise', () => {
    const run = sampleRun();
    const url = runLinkUrl('http://localhost:5173/', { run, atMs: 120_000 });
    const o = parseCli(['--link', url, '--json'], noFiles);
    if ('errors' in o) throw new Error(o.errors.join('\n'));
    expect(o.run?.run.interventions).toEqual(run.interventions);
    expect(o.settings).toEqual({ ...run.settings, durationSec: 120 });
    const longer = parseCli(['--link', url, '--duration', '300'], noFiles);
    expect('errors' in longer ? longer.errors : longer.settings.durationSec).toBe(300);
  });

  it('--run reads a run file the page saved', () => {
    const run = sampleRun();
    const o = parseCli(['--run', 'crash.json'], () => runFileText({ run, atMs: 60_000 }));
    if ('errors' in o) throw new Error(o.errors.join('\n'));
    expect(o.settings.durationSec).toBe(60);
    expect(o.run?.run.interventions).toHaveLength(1);
  });

  it('says what is wrong, and runs nothing', () => {
    const url = runLinkUrl('http://localhost:5173/', { run: sampleRun(), atMs: 0 });
    const errs = (argv: string[], read: (p: string) => string = noFiles) => {
      const o = parseCli(argv, read);
      return 'errors' in o ? o.errors : [];
    };
    expect(errs(['--link', url, '--driver', 'file'])).toEqual(['--driver cannot be combined with --link: the run holds its own settings', '--link: the run opens at 0 s: give --duration to say how long to run it']);
    expect(errs(['--link', 'not a url'])).toEqual(['--link: "not a url" is not a URL']);
    expect(errs(['--link', 'http://localhost:5173/?lesson=two-nodes'])).toEqual([expect.stringMatching(/has no run= parameter/)]);
    expect(errs(['--link', 'http://x/?run=AAAA'])).toEqual([expect.stringMatching(/damaged/)]);
    expect(errs(['--at', 'soon', '--print-link'])).toEqual(['--at: "soon" is not a number of seconds (e.g. --at 240)']);
    expect(errs(['--run', 'missing.json'])).toEqual(['--run: missing.json: ENOENT: no such file']);
    expect(errs(['--run', 'x.json'], () => '{"format": "session-cluster-lab/run", "v": 1,,}')).toEqual([expect.stringMatching(/^--run: x\.json: not a run file: .* at line 1, column \d+$/)]);
    expect(errs(['--link', url, '--run', 'x.json'])).toEqual(['--link and --run both hold a run: give one']);
  });
});
