/** Regression tests for issue 14's config findings: each input here froze the page, ran Node out of memory or crashed it. */
import { describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/args';
import {
  escapeControlChars, hasErrors, parseEnv, parseHaproxyBackend, parseNginxUpstream, printHaproxyBackend, printNginxUpstream, type Diagnostic,
} from '../../src/config';
import { MAX_CONFIG_CHARS, MAX_ENV_TOTAL_CHARS, MAX_ENV_VALUE_CHARS } from '../../src/config/limits';
import { MAX_CHASH_TOTAL_WEIGHT, balancerProblems } from '../../src/sim/limits';
import { defaultNode, defaultSettings } from '../../src/sim/settings';
import { Simulation } from '../../src/sim/simulation';
import { withinBudget } from '../fuzz/budget';

const errors = (ds: readonly Diagnostic[]): Diagnostic[] => ds.filter((d) => d.severity === 'error');

/** Each variable is the previous one twice: `"${A0}${A0}"`… (the interpolation bomb). */
function envBomb(doublings: number): string {
  let t = 'A0=xxxxxxxxxxxxxxxxxxxx\n';
  for (let i = 1; i <= doublings; i++) t += `A${i}="\${A${i - 1}}\${A${i - 1}}"\n`;
  return `${t}APP_NAME="\${A${doublings}}"\n`;
}

describe('.env interpolation is capped (High 2)', () => {
  it('the 16-doubling file (a 1.3-million-character APP_NAME) is refused at the ${…} that overflows, and not applied', () => {
    const text = envBomb(16);
    expect(text.length).toBeLessThan(400);
    const r = parseEnv(text);
    expect(hasErrors(r.diagnostics)).toBe(true);
    const first = errors(r.diagnostics)[0]!;
    // A12 = 20 × 2^12 = 81,920 > 64 KiB: line 13, at its second ${A11}.
    expect(first).toMatchObject({ line: 13, col: 12 });
    expect(text.slice(first.from, first.to)).toBe('${A11}');
    expect(first.message).toMatch(/grows past 65,536 characters/);
    expect(r.value?.session.appName?.length ?? 0).toBeLessThanOrEqual(MAX_ENV_VALUE_CHARS);
  });

  it('the 22-doubling file that ran the CLI out of memory is refused too, quoted or not', () => {
    for (const text of [envBomb(22), envBomb(22).replace(/"/g, '')]) {
      const r = parseEnv(text);
      expect(hasErrors(r.diagnostics)).toBe(true);
      expect(errors(r.diagnostics).every((d) => d.message.includes('64 KiB'))).toBe(true);
    }
  });

  it('a value of exactly 64 KiB is read, one character more is refused', () => {
    const at = (n: number): string => `APP_NAME="${'a'.repeat(n)}"\n`;
    expect(hasErrors(parseEnv(at(MAX_ENV_VALUE_CHARS)).diagnostics)).toBe(false);
    const over = parseEnv(at(MAX_ENV_VALUE_CHARS + 1));
    expect(errors(over.diagnostics)).toEqual([expect.objectContaining({ line: 1, col: 11 + MAX_ENV_VALUE_CHARS })]);
  });

  it('values adding up to more than 1 MiB stop the file with line:column', () => {
    const big = 'y'.repeat(60_000);
    const lines = [`BIG="${big}"`, ...Array.from({ length: 20 }, (_, i) => `K${i}="\${BIG}"`)];
    const r = parseEnv(lines.join('\n'));
    const e = errors(r.diagnostics);
    expect(e).toHaveLength(1);
    const line = Math.floor(MAX_ENV_TOTAL_CHARS / 60_000) + 1; // the first entry that crosses 1 MiB
    expect(e[0]).toMatchObject({ line, col: 1 });
    expect(e[0]!.message).toMatch(/^the values up to K\d+ add up to [\d,]+ characters after interpolation; .* \(1 MiB\)/);
  });

  it('a file over 128 KiB is refused before it is read', () => {
    for (const parse of [parseEnv, parseNginxUpstream, parseHaproxyBackend]) {
      const r = parse('#'.repeat(MAX_CONFIG_CHARS + 1));
      expect(r.value).toBeNull();
      expect(errors(r.diagnostics)[0]?.message).toMatch(/reads config files up to 131,072 \(128 KiB\)/);
    }
  });
});

describe('consistent-hash weights are bounded (High 3)', () => {
  const text = 'upstream u { hash $cookie_srv consistent; server a:80 weight=1000000; server b:80; }';

  it('the crashing config is refused at its weight, with what nginx allows and what the simulator supports', () => {
    const r = parseNginxUpstream(text);
    const e = errors(r.diagnostics);
    expect(e).toHaveLength(1);
    expect(text.slice(e[0]!.from, e[0]!.to)).toBe('weight=1000000');
    expect(e[0]!.message).toBe(
      `the simulator's "hash … consistent" ring takes server weights adding up to ${MAX_CHASH_TOTAL_WEIGHT.toLocaleString('en-US')}; ` +
        'here they reach 1,000,000 (nginx allows more, but builds weight × 160 points at start-up: weight=100000 took it 18 s)',
    );
  });

  it('the limit is on the total: 999 + 1 is built, 1000 + 1 is not; without "consistent" any weight runs', () => {
    expect(hasErrors(parseNginxUpstream('upstream u { hash $cookie_srv consistent; server a:80 weight=999; server b:80; }').diagnostics)).toBe(false);
    expect(hasErrors(parseNginxUpstream('upstream u { hash $cookie_srv consistent; server a:80 weight=1000; server b:80; }').diagnostics)).toBe(true);
    expect(hasErrors(parseNginxUpstream('upstream u { hash $cookie_srv; server a:80 weight=1000000; server b:80; }').diagnostics)).toBe(false);
  });

  it('the engine refuses such settings itself, at once, instead of allocating the ring', async () => {
    const s = defaultSettings();
    s.balancer.strategy = 'hash-cookie';
    s.nodes[0]!.weight = 1_000_000;
    await expect(Simulation.create(s)).rejects.toThrow(/settings the simulator cannot run: node-1: the simulator's "hash … consistent" ring/);
  });
});

describe('one node-count validation for every entry point (Medium 4)', () => {
  const nginx = (n: number): string => `upstream u {\n${Array.from({ length: n }, (_, i) => `  server n${i + 1}:80;\n`).join('')}}\n`;
  const haproxy = (n: number): string => `backend b\n${Array.from({ length: n }, (_, i) => `  server s${i + 1} 10.0.0.${i % 250}:80\n`).join('')}`;

  it.each([9, 4000])('%i servers are refused at the ninth, in both parsers', (n) => {
    const ng = parseNginxUpstream(nginx(n));
    expect(errors(ng.diagnostics)).toEqual([expect.objectContaining({ line: 10, col: 3, message: 'the simulator runs at most 8 app servers; this is server 9' })]);
    const hp = parseHaproxyBackend(haproxy(n));
    expect(errors(hp.diagnostics)).toEqual([expect.objectContaining({ line: 10, col: 10, message: 'the simulator runs at most 8 app servers; this is server 9' })]);
  });

  it('hundreds of thousands of servers are refused by size before parsing', () => {
    const text = nginx(15_000);
    expect(text.length).toBeGreaterThan(MAX_CONFIG_CHARS);
    const r = parseNginxUpstream(text);
    expect(r.value).toBeNull();
    expect(errors(r.diagnostics)).toHaveLength(1);
  });

  it('the CLI refuses --nginx and --haproxy files past the limit', () => {
    const files: Record<string, string> = { 'nine.conf': nginx(9), 'nine.cfg': haproxy(9) };
    const read = (p: string): string => files[p] ?? '';
    for (const args of [['--nginx', 'nine.conf'], ['--haproxy', 'nine.cfg']]) {
      const r = parseCli(args, read);
      expect('errors' in r && r.errors).toEqual([`${args[1]}:10:${args[0] === '--nginx' ? 3 : 10}: error: the simulator runs at most 8 app servers; this is server 9`]);
    }
  });

  it('settings from anywhere else (scenario, lesson, code) meet the same check in Simulation.create', async () => {
    const s = defaultSettings();
    s.nodes = Array.from({ length: 9 }, (_, i) => defaultNode(i + 1));
    expect(balancerProblems(s.balancer, s.nodes)).toEqual([expect.objectContaining({ node: 8, field: 'server' })]);
    await expect(Simulation.create(s)).rejects.toThrow('settings the simulator cannot run: node-9: the simulator runs at most 8 app servers; this is server 9');
  });
});

describe('small findings (Low)', () => {
  it('a UTF-8 BOM: skipped in .env (as phpdotenv does), named as the reason nginx and HAProxy refuse the file', () => {
    const env = parseEnv('\uFEFFSESSION_DRIVER=redis\n');
    expect(env.value?.session.driver).toBe('redis');
    expect(hasErrors(env.diagnostics)).toBe(false);
    const ng = parseNginxUpstream('\uFEFFupstream u { server a:80; }');
    expect(errors(ng.diagnostics).map((d) => d.message)).toEqual([expect.stringMatching(/^the file starts with a UTF-8 byte order mark .* nginx reads it/)]);
    const hp = parseHaproxyBackend('\uFEFFbackend b\n  server s1 a:80\n');
    expect(errors(hp.diagnostics).map((d) => d.message)).toEqual([expect.stringMatching(/^the file starts with a UTF-8 byte order mark .* HAProxy reads it/)]);
  });

  it('.env keys named like Object.prototype members are ordinary unknown keys', () => {
    const r = parseEnv('constructor=1\n__proto__=2\ntoString=3\nhasOwnProperty=4\n');
    expect(r.diagnostics.filter((d) => /function|native code|\[object/.test(d.message))).toEqual([]);
    expect(hasErrors(r.diagnostics)).toBe(false);
  });

  it('.env values named like Object.prototype members are ordinary values (CACHE_STORE=constructor, found in the audit)', () => {
    for (const v of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const r = parseEnv(`CACHE_STORE=${v}\nSESSION_DRIVER=${v}\nREDIS_CLIENT=${v}\nDB_CONNECTION=${v}\n`);
      expect(r.diagnostics.filter((d) => /function|native code|\[object/.test(d.message)), v).toEqual([]);
    }
    expect(parseEnv('CACHE_STORE=redis\n').diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('Redis, shared by every server')]);
  });
});

describe('printers write only what the parsers take back (Low)', () => {
  it('nginx fail_timeout: what nginx refuses is refused, what the simulator cannot hold is named, the maximum prints back exactly', () => {
    const msg = (t: string): string[] => errors(parseNginxUpstream(`upstream u { server a:80 fail_timeout=${t}; }`).diagnostics).map((d) => d.message);
    expect(msg('2147483647d')).toEqual(['fail_timeout of 1.86e+14 seconds: nginx accepts up to 2^63 − 1, the simulator up to 2147483647s (about 68 years)']);
    expect(msg('9223372036854775808s')).toEqual([expect.stringMatching(/^invalid parameter "fail_timeout=9223372036854775808s"/)]);
    expect(msg('2ms')).toEqual([expect.stringMatching(/^invalid parameter/)]);
    const r = parseNginxUpstream('upstream u { server a:80 fail_timeout=2147483647; }');
    const printed = printNginxUpstream(r.value!.balancer, r.value!.nodes, 'u');
    expect(printed).toContain('fail_timeout=2147483647s');
    expect(parseNginxUpstream(printed).value?.nodes[0]?.failTimeoutSec).toBe(2_147_483_647);
  });

  it('HAProxy inter: over 2147483647 ms is a timer overflow, microseconds round up as HAProxy stores them', () => {
    const one = (inter: string) => parseHaproxyBackend(`backend b\n  server s1 a:80 check inter ${inter}\n`);
    expect(errors(one('2147483647m').diagnostics).map((d) => d.message)).toEqual([
      "timer overflow in argument <2147483647m> to <inter> of server s1, maximum value is 2147483647 ms (~24.8 days).",
    ]);
    expect(hasErrors(one('25d').diagnostics)).toBe(true);
    expect(one('24d').value?.nodes[0]?.failTimeoutSec).toBe(2_073_600);
    const us = one('65535us').value!;
    expect(us.nodes[0]?.failTimeoutSec).toBe(0.066);
    expect(printHaproxyBackend(us.balancer, us.nodes, 'b')).toContain('inter 66ms');
    expect(errors(one('0us').diagnostics).map((d) => d.message)).toEqual(["invalid value 0 for argument 'inter' of server s1."]);
  });

  it('HAProxy fall past 2^31 − 1 (which atoi() wraps) is refused with the reason', () => {
    const r = parseHaproxyBackend('backend b\n  server s1 a:80 check fall 2147483648\n');
    expect(errors(r.diagnostics)[0]?.message).toMatch(/larger than 2147483647/);
    expect(parseHaproxyBackend('backend b\n  server s1 a:80 check fall 2147483647\n').value?.nodes[0]?.maxFails).toBe(2_147_483_647);
  });
});

describe('control characters from files never reach the terminal raw (Low)', () => {
  it('the CLI prints SESSION_DRIVER="\\e]0;pwned\\a" escaped, so it cannot set the terminal title', () => {
    const files: Record<string, string> = { '.env': 'SESSION_DRIVER="\u001b]0;pwned\u0007"\n', 'x\u001b[2J.conf': 'upstream u { server a:80 weight=0; }' };
    const r = parseCli(['--env', '.env', '--nginx', 'x\u001b[2J.conf'], (p) => files[p] ?? '');
    const lines = 'errors' in r ? r.errors : [];
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('.env:1:16: error: Driver [\\e]0;pwned\\x07] not supported. (the simulator models file, redis, cookie, array and database)');
    expect(lines[1]).toMatch(/^x\\e\[2J\.conf:1:26: error: invalid parameter "weight=0"/);
    // eslint-disable-next-line no-control-regex -- asserting their absence
    for (const l of lines) expect(l).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('escapeControlChars keeps printable text and names what it escapes', () => {
    expect(escapeControlChars('é ü 😀 \t\r\n\u0000\u009b\u202e')).toBe('é ü 😀 \\t\\r\\n\\x00\\x9b\\u202e');
  });
});

describe('a text full of problems (fuzz findings)', () => {
  it('lists at most 200 diagnostics, the last saying how many more there are, keeping the errors', () => {
    const r = parseNginxUpstream(`upstream u {${'serv;'.repeat(5000)}}`);
    expect(r.diagnostics).toHaveLength(200);
    expect(r.diagnostics[199]).toMatchObject({ severity: 'error', message: '4802 more problems from here on are not listed (the first 199 are)' });
    expect(hasErrors(r.diagnostics)).toBe(true);
  });

  it('a key followed by 128 KiB of blanks and a letter is read in linear time (10.8 s before: found in the audit)', () => {
    const text = `A${' \t'.repeat(65_000)}b=1\n`;
    const r = withinBudget('.env key with a long blank run', () => parseEnv(text));
    expect(errors(r.diagnostics).map((d) => [d.message.slice(0, 59), d.from, d.to])).toEqual([
      ['Failed to parse dotenv file. Encountered an invalid name at', 0, text.indexOf('=')],
    ]);
    expect(parseEnv('SESSION_DRIVER \t =redis\n').value?.session.driver).toBe('redis');
  });

  it('a .env of bare names (no "=") is read in linear time', () => {
    const r = parseEnv('x\n'.repeat(60_000));
    expect(r.diagnostics).toHaveLength(200);
    expect(r.diagnostics[0]?.message).toBe('"x" has no "=": phpdotenv reads it as a name without a value, which unsets it');
  });
});
