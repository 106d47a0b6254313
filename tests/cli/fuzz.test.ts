/**
 * Fuzz (fast-check): `npm run sim`'s argument parser is total — any argv and any scenario file
 * give options or a list of errors, never an exception — and quick per input. Config files
 * (`--env`, `--nginx`, `--haproxy`) are the config parsers' own fuzz tests (tests/config).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DURATION_SEC, parseCli } from '../../src/cli/args';
import { withinBudget } from '../fuzz/budget';


const FLAGS = ['--nodes', '--driver', '--balancer', '--users', '--clients', '--duration', '--seed', '--lifetime', '--on-redis-failure', '--event',
  '--scenario', '--json', '--trace', '--help', '--expire-on-close', '--redis-maxmemory', '--redis-policy', '--cache-load', '--dedicated-session-redis',
  '--concurrency', '--session-block', '--sentinel', '--local-session-cache', '--compare', '--redis-url', '--allow-remote', '--nodez', '-x', '--'];
const VALUES = ['2', '0', '-1', '1e9', '0x10', '604800', '604801', 'redis', 'file', 'least_conn', 'least-conn', 'ip-hash', '10:crash:node-1', '5:redis-failover',
  '9:redis-latency:99999999', 'redis://127.0.0.1:6379/15', 'redis://127.0.0.1:6379/99?sentinels=x', 'redis://10.0.0.1', 'seed', 'file/cookie,redis/round-robin',
  '2mb', '\u001b]0;x\u0007', 's.json', 'x'.repeat(500)];

const argv = fc.array(fc.oneof(fc.constantFrom(...FLAGS), fc.constantFrom(...VALUES), fc.string({ maxLength: 30 })), { maxLength: 12 });
const scenario = fc.oneof(fc.json(), fc.string({ maxLength: 200 }), fc.record({
  nodes: fc.anything(), durationSec: fc.oneof(fc.double(), fc.integer()), events: fc.array(fc.oneof(fc.string(), fc.constantFrom(...VALUES))),
}, { requiredKeys: [] }).map((o) => JSON.stringify(o)));

describe('the sim argument parser is total', () => {
  it('any argv, any scenario file: options or errors', () => {
    // The budget is per input in steady state: the first call (lazy set-up) is made untimed.
    parseCli(['--scenario', 's.json', '--users', '5'], () => '{"nodes": 2}');
    fc.assert(fc.property(argv, scenario, (args, text) => {
      const r = withinBudget('parseCli', () => parseCli(args, (p) => {
        if (p === 's.json') return text;
        throw new Error(`ENOENT: no such file or directory, open '${p}'`);
      }));
      if ('errors' in r) {
        expect(r.errors.length).toBeGreaterThan(0);
        // eslint-disable-next-line no-control-regex
        for (const e of r.errors) expect(e).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      } else {
        expect(r.settings.durationSec).toBeGreaterThan(0);
        expect(r.settings.durationSec).toBeLessThanOrEqual(MAX_DURATION_SEC);
        expect(r.settings.events.every((e) => e.atSec < r.settings.durationSec)).toBe(true);
      }
    }), { numRuns: 1500 });
  });
});
