/** The oracles' pure comparison helpers (the oracle run itself is `npm run oracles`). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  missingInfoFields, outcomeDiff, parseInfoSections, parseKeyspaceValue, parseMonitorLine, parseUpstreamAddr,
  redisTtl, setDiff, Tally, ttlNearRoundingEdge, unreprAt, within,
} from '../../src/oracles/compare';
import { repr } from '../../src/sim/redis';
import { formatMonitorLine } from '../../src/sim/redis/monitor';

describe('outcomes', () => {
  it('compares status, node, servers tried and cookies; fields a side does not report are skipped', () => {
    const a = { status: 200, node: 'node-1', tried: ['127.0.0.1:1'], cookies: { SERVERID: 's1' } };
    expect(outcomeDiff(a, { ...a })).toBeNull();
    expect(outcomeDiff(a, { ...a, tried: null, cookies: undefined })).toBeNull();
    expect(outcomeDiff(a, { ...a, status: 502, node: null })).toBe('status sim 200 real 502; node sim node-1 real -');
    expect(outcomeDiff(a, { ...a, tried: ['127.0.0.1:2'] })).toContain('tried sim [127.0.0.1:1] real [127.0.0.1:2]');
    expect(outcomeDiff(a, { ...a, cookies: { SERVERID: '' } })).toContain('cookies');
  });

  it('tallies agreements and keeps the first disagreements', () => {
    const t = new Tally(2);
    expect(t.ok).toBe(false); // nothing compared is not agreement
    t.add(null);
    t.add('x', 'a');
    t.add('y', 'b');
    t.add('z', 'c');
    expect(t.ratio).toBe('1/4');
    expect(t.examples).toEqual(['a: x', 'b: y']);
    expect(t.ok).toBe(false);
  });

  it('reads nginx $upstream_addr: retries in order, a group name ("no live upstreams") dropped', () => {
    expect(parseUpstreamAddr('127.0.0.1:8001, 127.0.0.1:8002')).toEqual(['127.0.0.1:8001', '127.0.0.1:8002']);
    expect(parseUpstreamAddr('127.0.0.1:8001, laravel_cluster')).toEqual(['127.0.0.1:8001']);
    expect(parseUpstreamAddr('laravel_cluster')).toEqual([]);
    expect(parseUpstreamAddr(undefined)).toEqual([]);
    expect(parseUpstreamAddr('127.0.0.1:1 : 127.0.0.1:2')).toEqual(['127.0.0.1:1', '127.0.0.1:2']);
  });
});

describe('numbers', () => {
  it('set differences and tolerances', () => {
    expect(setDiff(['a', 'b'], ['b', 'c'])).toEqual({ onlyA: ['a'], onlyB: ['c'] });
    expect(within(100, 104, { abs: 5 })).toBe(true);
    expect(within(100, 106, { abs: 5 })).toBe(false);
    expect(within(1000, 1090, { rel: 0.1 })).toBe(true);
  });

  it('rounds TTL like Redis and flags PTTLs too close to a half second to compare', () => {
    expect(redisTtl(7300)).toBe(7);
    expect(redisTtl(7500)).toBe(8);
    expect(redisTtl(-2)).toBe(-2);
    expect(ttlNearRoundingEdge(7500, 1)).toBe(true);
    expect(ttlNearRoundingEdge(7499, 1)).toBe(true);
    expect(ttlNearRoundingEdge(7300, 1)).toBe(false);
  });
});

describe('Redis text', () => {
  it('undoes sdscatrepr for every string (round trip with the simulator\'s repr)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const quoted = repr(s);
      expect(unreprAt(quoted, 0)).toEqual([s, quoted.length]);
    }));
  });

  it('parses MONITOR lines as the simulator and redis-server print them', () => {
    const line = formatMonitorLine(1_767_603_602_028.849, '10.0.0.11:5', 'SETEX', ['k', 6, 'a "b"\n']);
    expect(parseMonitorLine(line)).toEqual({ timeMs: 1_767_603_602_028.849, db: 0, client: '10.0.0.11:5', args: ['SETEX', 'k', '6', 'a "b"\n'] });
    expect(parseMonitorLine('1458910076.446514 [0 127.0.0.1:60866] "GET" "foo"').args).toEqual(['GET', 'foo']);
    expect(() => parseMonitorLine('OK')).toThrow();
  });

  it('reads INFO into sections and finds fields one side lacks', () => {
    const real = parseInfoSections('# Server\r\nredis_version:7.0.15\r\nos:Linux\r\n\r\n# Keyspace\r\ndb0:keys=2,expires=1,avg_ttl=5\r\n');
    const sim = parseInfoSections('# Server\r\nredis_version:7.2.4\r\nmade_up:1\r\n');
    expect(real.get('keyspace')?.get('db0')).toBe('keys=2,expires=1,avg_ttl=5');
    expect(missingInfoFields(sim, real)).toEqual(['server.made_up']);
    expect(parseKeyspaceValue(real.get('keyspace')?.get('db0'))).toEqual({ keys: 2, expires: 1, avg_ttl: 5 });
    expect(parseKeyspaceValue(undefined)).toEqual({});
  });
});
