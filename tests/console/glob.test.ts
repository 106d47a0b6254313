/** The glob matcher's two dialects, answers checked against redis-server 7.0 and bash 5 (LC_ALL=C.UTF-8). */
import { describe, expect, it } from 'vitest';
import { compileGlob, globMatch, hasBashGlob, type GlobMeter, redisGlobMatch } from '../../src/sim/glob';

const bash = (p: string, t: string): boolean => globMatch(compileGlob(p, 'bash'), t);

describe('Redis glob (KEYS, SCAN MATCH, CONFIG GET)', () => {
  it('follows stringmatchlen: * ? sets ranges escapes', () => {
    expect(redisGlobMatch('laravel_*', 'laravel_cache:abc')).toBe(true);
    expect(redisGlobMatch('h?llo', 'hallo')).toBe(true);
    expect(redisGlobMatch('h[ae]llo', 'hillo')).toBe(false);
    expect(redisGlobMatch('h[^e]llo', 'hallo')).toBe(true);
    expect(redisGlobMatch('h[^e]llo', 'hello')).toBe(false);
    expect(redisGlobMatch('h[a-b]llo', 'hbllo')).toBe(true);
    expect(redisGlobMatch('h[z-a]llo', 'hcllo')).toBe(true); // a reversed range is swapped
    expect(redisGlobMatch('a\\*', 'a*')).toBe(true);
    expect(redisGlobMatch('a\\*', 'ab')).toBe(false);
    expect(redisGlobMatch('[abc', 'b')).toBe(true); // an unclosed set runs to the end of the pattern
    expect(redisGlobMatch('*', '')).toBe(false); // KEYS * lists "" only through its "every key" shortcut
    expect(redisGlobMatch('', '')).toBe(true);
    expect(redisGlobMatch('Laravel_*', 'laravel_x')).toBe(false);
    expect(redisGlobMatch('MAXMEMORY-*', 'maxmemory-policy', true)).toBe(true);
  });
});

describe('bash glob (node shell)', () => {
  it('follows bash: [!…] and [^…], a leading ] is literal, POSIX classes, unclosed [ is literal', () => {
    expect(bash('*.t?t', 'abc.txt')).toBe(true);
    expect(bash('[!a]*', 'bcd')).toBe(true);
    expect(bash('[^a]*', 'abc')).toBe(false);
    expect(bash('[]a]', ']')).toBe(true);
    expect(bash('[!]a]', 'b')).toBe(true);
    expect(bash('[a-]', '-')).toBe(true);
    expect(bash('[[:alpha:]]*', 'é1')).toBe(true);
    expect(bash('[[:digit:]]', 'a')).toBe(false);
    expect(bash('[[]', '[')).toBe(true);
    expect(bash('[a', '[a')).toBe(true);
    expect(bash('[z-a]', 'c')).toBe(false); // bash does not swap a reversed range
    expect(bash('\\*', '*')).toBe(true);
    expect(bash('\\*', 'x')).toBe(false);
    expect(bash('é?', 'éa')).toBe(true); // one ? is one character, not one UTF-16 unit
    expect(hasBashGlob('a\\*b')).toBe(false);
    expect(hasBashGlob('a[bc]')).toBe(true);
    expect(hasBashGlob('a[bc')).toBe(false);
  });
});

describe('hostile patterns (issue 14, High 1)', () => {
  const text = 'x'.repeat(40);
  it.each([
    ['the 16-byte shell pattern', 'bash', '*?*?*?*?*?*?*?!'],
    ['CONFIG GET ***************!', 'redis', '***************!'],
    ['KEYS *?*?*?*?*?*?*?!', 'redis', '*?*?*?*?*?*?*?!'],
    ['twelve stars', 'bash', '*a*a*a*a*a*a*a*a*a*a*a*a!'],
  ] as const)('%s costs at most pattern × text steps', (_name, dialect, pattern) => {
    const glob = compileGlob(pattern, dialect);
    const meter: GlobMeter = { steps: 0 };
    expect(globMatch(glob, text, meter)).toBe(false);
    expect(meter.steps).toBeLessThanOrEqual((glob.tokens.length + 1) * (text.length + 1));
  });
});
