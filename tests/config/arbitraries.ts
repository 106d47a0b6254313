/** fast-check generators for valid settings (canonical: unused cookie records hold the defaults). */
import fc from 'fast-check';
import { DEFAULT_HASH_COOKIE, DEFAULT_STICKY_COOKIE } from '../../src/config/balancerDefaults';
import { HAPROXY_MAX_INTER_MS, MAX_TIME_SEC, NGINX_MAX_WEIGHT } from '../../src/sim/limits';
import type { BalancerSettings, NodeSpec, RedisSettings, SessionSettings } from '../../src/sim/types';
import { SESSION_DRIVERS } from '../../src/sim/types';

/** Printable ASCII, quotes, backslashes, `#`, `;`, `{`, `$` and spaces included: printers must quote them. */
export const word = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 });
const host = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}(\.[a-z][a-z0-9-]{0,6}){0,2}$/);
const address = fc.oneof(
  fc.tuple(host, fc.integer({ min: 1, max: 65535 })).map(([h, p]) => `${h}:${p}`),
  fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 65535 })).map(([o, p]) => `10.0.0.${o}:${p}`),
);

type Strategy = BalancerSettings['strategy'];

/** Small values most of the time, and the whole range the real program and the simulator accept (src/sim/limits.ts). */
const upTo = (min: number, small: number, max: number): fc.Arbitrary<number> =>
  fc.oneof(fc.integer({ min, max: small }), fc.integer({ min, max }), fc.constantFrom(min, max));

function nodesArb(flavor: 'nginx' | 'haproxy', noBackup: boolean, smallWeights = false): fc.Arbitrary<NodeSpec[]> {
  const nodeArb = fc.record({
    address: flavor === 'nginx' ? fc.oneof(address, fc.constant('unix:/run/php/app.sock')) : address,
    // a consistent-hash ring takes weights adding up to 1,000 (MAX_CHASH_TOTAL_WEIGHT)
    weight: flavor === 'nginx' ? (smallWeights ? fc.integer({ min: 1, max: 100 }) : upTo(1, 100, NGINX_MAX_WEIGHT)) : fc.integer({ min: 0, max: 256 }),
    maxFails: upTo(0, 10, 0x7fffffff),
    failTimeoutSec: flavor === 'nginx' ? upTo(0, 100_000, MAX_TIME_SEC) : upTo(1, 600_000, HAPROXY_MAX_INTER_MS).map((ms) => ms / 1000),
    down: fc.boolean(),
    backup: noBackup ? fc.constant(false) : fc.boolean(),
    cookieValue: fc.option(word, { nil: undefined }),
  });
  return fc.array(nodeArb, { minLength: 1, maxLength: 6 }).map((ns) =>
    ns.map((n, i): NodeSpec => {
      const { cookieValue, ...rest } = n;
      const node: NodeSpec = { name: `node-${i + 1}`, ...rest, backup: i === 0 ? false : rest.backup };
      if (cookieValue !== undefined) node.cookieValue = cookieValue;
      return node;
    }),
  );
}

export const nginxConfig = fc
  .record({
    strategy: fc.constantFrom<Strategy>('round-robin', 'least-conn', 'ip-hash', 'cookie', 'hash-cookie'),
    sticky: fc.record({
      name: word,
      expiresSec: fc.option(fc.oneof(upTo(0, 10_000_000, MAX_TIME_SEC), fc.constant(2_145_916_555), fc.constant(315_360_000)), { nil: null }),
      domain: fc.option(word, { nil: null }),
      path: fc.option(word, { nil: null }),
    }),
    hash: fc.record({ name: fc.stringMatching(/^[A-Za-z0-9_]{1,16}$/), consistent: fc.boolean() }),
    upstreamName: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,15}$/),
  })
  .chain((c) =>
    nodesArb('nginx', c.strategy === 'ip-hash' || c.strategy === 'hash-cookie', c.strategy === 'hash-cookie' && c.hash.consistent).map((nodes) => {
      const balancer: BalancerSettings = {
        flavor: 'nginx',
        strategy: c.strategy,
        stickyCookie: c.strategy === 'cookie' ? c.sticky : { ...DEFAULT_STICKY_COOKIE },
        hashCookie: c.strategy === 'hash-cookie' ? c.hash : { ...DEFAULT_HASH_COOKIE },
        redispatch: true,
      };
      return { balancer, nodes, upstreamName: c.upstreamName };
    }),
  );

export const haproxyConfig = fc
  .record({
    strategy: fc.constantFrom<Strategy>('round-robin', 'least-conn', 'ip-hash', 'cookie'),
    cookie: fc.record({ name: word, domain: fc.option(word, { nil: null }) }),
    redispatch: fc.boolean(),
    backendName: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.:-]{0,15}$/),
    nodes: nodesArb('haproxy', false),
  })
  .map((c) => {
    const balancer: BalancerSettings = {
      flavor: 'haproxy',
      strategy: c.strategy,
      stickyCookie: c.strategy === 'cookie' ? { name: c.cookie.name, expiresSec: null, domain: c.cookie.domain, path: '/' } : { ...DEFAULT_STICKY_COOKIE },
      hashCookie: { ...DEFAULT_HASH_COOKIE },
      redispatch: c.redispatch,
    };
    return { balancer, nodes: c.nodes, backendName: c.backendName };
  });

/** Strings Laravel's env() would turn into something else (special words, quote-wrapped values). */
const plainEnvString = (s: string): boolean =>
  !/^\(?(true|false|null|empty)\)?$/i.test(s) && !/^(['"])[^\n]*\1$/.test(s);
const envString = fc.string({ unit: 'grapheme', maxLength: 16 }).filter(plainEnvString);
const envName = fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/).filter(plainEnvString);

export const sessionPartial: fc.Arbitrary<Partial<SessionSettings>> = fc.record(
  {
    appName: envString,
    driver: fc.constantFrom(...SESSION_DRIVERS),
    lifetimeMin: fc.integer({ min: 1, max: 1_000_000 }),
    encrypt: fc.boolean(),
    expireOnClose: fc.boolean(),
    connection: fc.option(envName, { nil: null }),
  },
  { requiredKeys: [] },
);

export const redisPartial: fc.Arbitrary<Partial<RedisSettings>> = fc.record(
  {
    host: fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,20}$/).filter(plainEnvString),
    port: fc.integer({ min: 1, max: 65535 }),
    password: fc.option(envString.filter((s) => s !== ''), { nil: null }),
    db: fc.integer({ min: 0, max: 15 }),
  },
  { requiredKeys: [] },
);
