/**
 * Fuzz of the three config parsers with random and adversarial text (issue 14): nothing throws
 * past a parser, every diagnostic points into the text, and each input stays within the CPU
 * budget. The adversarial generators rebuild the findings' shapes at random: doubling
 * interpolation, deep nesting, thousands of servers, extreme numbers, byte order marks,
 * control characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Diagnostic, parseEnv, parseHaproxyBackend, parseNginxUpstream } from '../../src/config';
import { MAX_DIAGNOSTICS } from '../../src/config/diagnostic';
import { FUZZ_RUNS, withinBudget } from './budget';

const bigNumber = fc.oneof(
  fc.constantFrom('0', '1', '2147483647', '2147483648', '4294967296', '9223372036854775807', '9223372036854775808', '99999999999999999999999'),
  fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String),
);
const unit = fc.constantFrom('', 'us', 'ms', 's', 'm', 'h', 'd', 'w', 'M', 'y', 'x', ' ');
const time = fc.array(fc.tuple(bigNumber, unit), { minLength: 1, maxLength: 4 }).map((ps) => ps.map(([n, u]) => n + u).join(''));
const junk = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom('\uFEFF', '\u0000', '\u001b]0;x\u0007', '\r', '\u202e', '😀', '"', "'", '\\', '{', '}', ';', '#', '$', '${'),
);
/** A fragment repeated up to 1,000 times: long lines, many statements, deep nesting. */
const repeated = (fragment: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(fragment, fc.integer({ min: 1, max: 1000 })).map(([f, k]) => f.repeat(k));

/**
 * A long run between two ordinary pieces, up to 24 KiB: where a regular expression such as
 * `/[ \t]+$/` retries from every character of a run this costs seconds (a .env key followed by
 * 65,000 blanks and a letter took 10.8 s); a linear scan stays far within the budget.
 */
const longRun = (pre: string[], post: string[]): fc.Arbitrary<string> => fc.tuple(
  fc.constantFrom(...pre),
  fc.constantFrom(' ', '\t', ' \t', '\r', '\\', '\\\n', '${', '$', '[', '{', ';', '#', 'a', 'a ', '=', '"', "'", ':', '.'),
  fc.integer({ min: 1000, max: 24 * 1024 }),
  fc.constantFrom(...post),
).map(([a, run, size, b]) => a + run.repeat(Math.floor(size / run.length)) + b);

const envText = fc.oneof(
  longRun(['A', 'export A', 'A=', 'A="', "A='"], ['x=1', '=1', 'x', '\n']),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.integer({ min: 1, max: 40 }).map((n) => {
    let t = 'A0=xxxxxxxxxx\n';
    for (let i = 1; i <= n; i++) t += `A${i}="\${A${i - 1}}\${A${i - 1}}"\n`;
    return t + `APP_NAME=\${A${n}}\n`;
  }),
  fc.array(fc.oneof(
    fc.tuple(fc.constantFrom('APP_NAME', 'SESSION_DRIVER', 'SESSION_LIFETIME', 'REDIS_PORT', 'REDIS_DB', 'constructor', '__proto__', 'export X', 'A', '-'),
      fc.oneof(bigNumber, junk, repeated(fc.constantFrom('${A}', '$', '"', '\\n', 'x'))))
      .map(([k, v]) => `${k}=${v}`),
    junk,
  ), { maxLength: 30 }).map((lines) => lines.join('\n')),
  repeated(fc.constantFrom('x\n', '-=x\n', 'A="\n', "A='\n", 'A=${A}${A}\n', '#\n')),
);

const nginxText = fc.oneof(
  longRun(['', 'upstream u {\n', 'upstream u { server a:80 ', '"', '#'], ['', 'x', ';', '}']),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.tuple(
    fc.constantFrom('', 'hash $cookie_srv consistent;', 'hash $cookie_srv;', 'ip_hash;', 'least_conn;', 'sticky cookie s expires=', 'random;'),
    fc.array(fc.tuple(fc.constantFrom('a:80', 'unix:/x', '[::1]:80', 'a:99999', ''), fc.array(fc.oneof(
      bigNumber.map((n) => `weight=${n}`), time.map((t) => `fail_timeout=${t}`), bigNumber.map((n) => `max_fails=${n}`),
      fc.constantFrom('backup', 'down', 'route=x'), junk,
    ), { maxLength: 4 })), { maxLength: 12 }),
    junk,
  ).map(([method, servers, tail]) => `upstream u {\n  ${method}${method.startsWith('sticky') ? '1h;' : ''}\n${servers.map(([a, ps]) => `  server ${a} ${ps.join(' ')};`).join('\n')}\n}${tail}`),
  repeated(fc.constantFrom('http {', '{', '}', 'server a:80;', 'serv;', '"', "'", '\\', '${', 'upstream u {', '#\n')),
);

const haproxyText = fc.oneof(
  longRun(['', 'backend b\n', 'backend b\n server s a:80 ', '"', '#'], ['', 'x', '\n', ' x']),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.tuple(
    fc.constantFrom('', 'balance source', 'balance leastconn', 'cookie SRV insert indirect nocache', 'mode tcp'),
    fc.array(fc.array(fc.oneof(
      time.map((t) => `inter ${t}`), bigNumber.map((n) => `weight ${n}`), bigNumber.map((n) => `fall ${n}`), bigNumber.map((n) => `rise ${n}`),
      fc.constantFrom('check', 'backup', 'disabled', 'cookie', 'inter'), junk,
    ), { maxLength: 5 }), { maxLength: 12 }),
  ).map(([line, servers]) => `defaults\n  mode http\nbackend b\n  ${line}\n${servers.map((ps, i) => `  server s${i} 10.0.0.${i}:80 ${ps.join(' ')}`).join('\n')}\n`),
  repeated(fc.constantFrom('backend b\n', 'server s a:80\n', 'serv\n', "'", '"', '\\', 'default-server inter 0\n', '#')),
);

function wellFormed(text: string, diagnostics: readonly Diagnostic[]): void {
  expect(diagnostics.length).toBeLessThanOrEqual(MAX_DIAGNOSTICS);
  for (const d of diagnostics) {
    expect(d.message).not.toMatch(/^internal parser error/);
    expect(0 <= d.from && d.from <= d.to && d.to <= text.length).toBe(true);
    expect(d.line >= 1 && d.col >= 1).toBe(true);
  }
}

describe('config parsers (fuzz)', () => {
  it.each([
    ['.env', parseEnv, envText],
    ['nginx', (t: string) => parseNginxUpstream(t), nginxText],
    ['HAProxy', parseHaproxyBackend, haproxyText],
  ] as const)('%s: random and adversarial text never throws and stays within budget', (name, parse, arb) => {
    fc.assert(
      fc.property(arb, (text) => {
        const r = withinBudget(`${name} parse of ${text.length} chars`, () => parse(text));
        wellFormed(text, r.diagnostics);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
