/**
 * Fuzz of the consoles' command lines (issue 14): redis-cli, the node shell and artisan (`php
 * artisan …` in the shell) answer any line — random bytes, hostile globs, prototype names,
 * unbalanced quotes, 20,000-character pastes — and Tab completes it, without throwing and
 * within the per-input CPU budget.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitArgs } from '../../src/console/cliArgs';
import { completeNodeShell, runNodeShell } from '../../src/console/nodeShell';
import { runRedisCli } from '../../src/console/redisCli';
import type { SimRedis } from '../../src/sim/redis';
import { shellContext } from '../console/helpers';
import { makeRedis } from '../redis/helpers';
import { FUZZ_RUNS, withinBudget, withinBudgetAsync } from './budget';

const globPart = fc.constantFrom('*', '?', '*?', '[a-z]', '[^x]', '[!x]', '[', ']', '\\', '!', 'laravel_', 'x');
const glob = fc.array(globPart, { maxLength: 30 }).map((ps) => ps.join(''));
const protoName = fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', 'valueOf');
const word = fc.oneof(glob, protoName, fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('"', "'", '"\\x41"', "'a\\'b'", '0', '-1', '99999999999999999999'));

/**
 * A pasted line: a fragment repeated to 20,000 characters (a bracket scan per unclosed `[`, or a
 * regular expression retrying from every character, turned these into seconds or minutes).
 */
const longLine = (prefixes: string[]): fc.Arbitrary<string> => fc.tuple(
  fc.constantFrom(...prefixes),
  fc.constantFrom('[', '[[:', '[!', '[\\', '*?', '*', '?', 'a', ' ', 'a ', '"', "'", '\\', '$', '${', '$(', '`', ';', '|', '~', '/', '../', '{a,b}', 'x\t'),
  fc.integer({ min: 1000, max: 20_000 }),
  fc.constantFrom('', 'x', '!', ']', ' x', ';'),
).map(([pre, f, size, post]) => pre + f.repeat(Math.floor(size / f.length)) + post);

const redisLine = fc.oneof(
  longLine(['KEYS ', 'SCAN 0 MATCH ', 'CONFIG GET ', 'SET k ', 'GET ', 'ECHO ', '']),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.tuple(
    fc.constantFrom('KEYS', 'SCAN 0 MATCH', 'SCAN 0 COUNT', 'SCAN 0 TYPE', 'CONFIG GET', 'CONFIG SET', 'INFO', 'GET', 'SET', 'DEL', 'EXPIRE', 'TTL', 'COMMAND', 'config', 'Keys'),
    fc.array(word, { maxLength: 4 }),
  ).map(([cmd, args]) => [cmd, ...args].join(' ')),
);

/** `php artisan …` as the shell passes it to artisan: the commands it runs, options, prototype names. */
const artisanLine = fc.tuple(
  fc.constantFrom('php artisan', 'php', 'php -v', 'php artisan --version', 'php artisan about', 'php artisan config:show', 'php artisan cache:clear', 'php artisan list', 'php x.php'),
  fc.array(fc.oneof(
    fc.constantFrom('session', 'session.driver', 'session.lottery', 'session.', 'app', 'database.redis', '--json', '--only=', '--only=drivers,environment', '--only=,,,', '--x=1', '-V'),
    protoName, protoName.map((p) => `session.${p}`), protoName.map((p) => `--only=${p}`), word,
  ), { maxLength: 4 }),
).map(([cmd, args]) => [cmd, ...args].join(' '));

const shellLine = fc.oneof(
  artisanLine,
  longLine(['', 'ls ', 'ls storage/framework/sessions/', 'echo ', 'cat ', 'grep ', 'cd ', 'php artisan config:show ']),
  fc.string({ unit: 'binary', maxLength: 120 }),
  fc.tuple(
    fc.constantFrom('ls', 'ls -la', 'cat', 'echo', 'cd', 'grep', 'wc -l', 'head -n', 'tail', 'php artisan', 'stat', 'env'),
    fc.array(fc.oneof(
      glob.map((g) => `storage/framework/sessions/${g}`), glob, protoName.map((p) => `$${p}`), protoName.map((p) => `\${${p}}`), word,
      fc.constantFrom('|', ';', '&&', '||', '>', '$(x)', '`x`', '~', '.env'),
    ), { maxLength: 5 }),
  ).map(([cmd, args]) => [cmd, ...args].join(' ')),
);

describe('console command lines (fuzz)', () => {
  let redis: SimRedis;
  beforeAll(async () => {
    ({ redis } = await makeRedis());
    for (let i = 0; i < 40; i++) await redis.setex(`laravel_session:${'k'.repeat(i)}${i}`, 600, 'v');
  });

  it('redis-cli answers any line without throwing, within budget', async () => {
    await fc.assert(
      fc.asyncProperty(redisLine, async (line) => {
        const r = await withinBudgetAsync(`redis-cli ${JSON.stringify(line.slice(0, 80))} (${line.length} chars)`, () => runRedisCli(redis, line));
        expect(typeof r.output).toBe('string');
        expect(r.output).not.toMatch(/is not a function|\[object Object\]|native code/);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('redis-cli argument splitting takes any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (line) => {
      const r = withinBudget('splitArgs', () => splitArgs(line));
      expect(r === null || Array.isArray(r)).toBe(true);
    }), { numRuns: FUZZ_RUNS });
  });

  it('the node shell (and artisan through it) answers any line without throwing, within budget; so does Tab', () => {
    const ctx = shellContext();
    fc.assert(
      fc.property(shellLine, (line) => {
        const what = `shell ${JSON.stringify(line.slice(0, 80))} (${line.length} chars)`;
        const r = withinBudget(what, () => runNodeShell(ctx, line));
        expect(typeof r.output).toBe('string');
        expect(r.output).not.toMatch(/is not a function|\[object Object\]|native code/);
        const c = withinBudget(`Tab after ${what}`, () => completeNodeShell(ctx, line));
        expect(c.line.startsWith(line.slice(0, line.length - 200))).toBe(true);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
