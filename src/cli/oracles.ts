/**
 * `npm run oracles [-- --only nginx,haproxy,redis]`: run the simulator side by side with a real
 * nginx, HAProxy and redis-server on loopback and print one line per compared feature
 * (src/oracles, docs/fidelity.md). Exit status 1 on any disagreement beyond its stated tolerance,
 * or on a missing program when CI is set (locally a missing program is skipped, with the
 * Debian package to install); 2 on a bad flag.
 */
import { parseArgs } from 'node:util';
import { GROUPS, type Group } from '../oracles/features';
import { cleanupAll, findBinary, missingMessage } from '../oracles/proc';
import { formatResult, type FeatureResult } from '../oracles/report';

const USAGE = `usage: npm run oracles [-- --only nginx,haproxy,redis]

Compares the simulator with real nginx, HAProxy and redis-server on loopback (docs/fidelity.md).
With CI=true a missing program is a failure, otherwise it is skipped.`;

function inCi(): boolean {
  const v = (process.env.CI ?? '').toLowerCase();
  return v !== '' && v !== '0' && v !== 'false';
}

async function runGroup(group: Group, print: (r: FeatureResult) => void): Promise<void> {
  const bin = findBinary(group.program.binary);
  if (bin === null) {
    const r: FeatureResult = inCi()
      ? { feature: group.name, ok: false, summary: `${missingMessage(group.program)} (CI=true: a missing program is a failure)` }
      : { feature: group.name, ok: true, skipped: true, summary: missingMessage(group.program) };
    print(r);
    return;
  }
  process.stdout.write(`# ${group.name}: ${bin} ${await group.version(bin)}\n`);
  for (const feature of group.features) {
    try {
      const out = await feature(bin);
      for (const r of Array.isArray(out) ? out : [out]) print(r);
    } catch (err) {
      print({ feature: `${group.name} (a feature crashed)`, ok: false, summary: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  }
}

async function main(argv: string[]): Promise<number> {
  let values: { only?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { only: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (err) {
    process.stderr.write(`oracles: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = (only ?? []).filter((n) => !GROUPS.some((g) => g.name === n));
  if (unknown.length > 0) {
    process.stderr.write(`oracles: unknown group ${unknown.join(', ')}; expected ${GROUPS.map((g) => g.name).join(', ')}\n`);
    return 2;
  }
  const started = Date.now();
  const results: FeatureResult[] = [];
  const print = (r: FeatureResult): void => {
    results.push(r);
    process.stdout.write(formatResult(r) + '\n');
  };
  for (const group of GROUPS) if (only === undefined || only.includes(group.name)) await runGroup(group, print);
  const failed = results.filter((r) => !r.ok && !r.skipped).length;
  const skipped = results.filter((r) => r.skipped).length;
  const agreed = results.length - failed - skipped;
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`oracles: ${agreed} agree, ${failed} disagree, ${skipped} skipped (${secs} s)\n`);
  return failed > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    cleanupAll();
    process.exit(code);
  },
  (err: unknown) => {
    cleanupAll();
    process.stderr.write(`oracles: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
