/** Same settings + same inputs ⇒ same choices, for every flavour and strategy (STYLE.md §6). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BalancerSettings, BalancerStrategy } from '../../src/sim/types';
import { Upstream, nodes, req, settings } from './helpers';

type Op =
  | { kind: 'request'; ip: number; cookie: number; oks: boolean[]; dt: number }
  | { kind: 'down'; node: number; down: boolean }
  | { kind: 'check'; node: number; ok: boolean };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.record({
    kind: fc.constant('request' as const), ip: fc.nat(4000), cookie: fc.nat(6),
    oks: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), dt: fc.nat(3000),
  }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('down' as const), node: fc.integer({ min: 1, max: 4 }), down: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('check' as const), node: fc.integer({ min: 1, max: 4 }), ok: fc.boolean() }) },
);

/** Replay `ops`, returning every pick, end reason and cookie as text. */
function trace(s: BalancerSettings, ops: Op[]): string[] {
  const up = new Upstream(s, nodes(4, (i) => ({ weight: i, backup: i === 4 })));
  const out: string[] = [];
  let now = 0;
  for (const o of ops) {
    if (o.kind === 'down') up.setDown(`node-${o.node}`, o.down);
    else if (o.kind === 'check') up.healthCheck(`node-${o.node}`, o.ok, now);
    else {
      now += o.dt;
      const cookies: Record<string, string> = o.cookie === 0 ? {} : { srv_id: `node-${o.cookie}`, laravel_session: `s${o.cookie}` };
      const r = up.route(req(`10.${o.ip >> 8}.${o.ip & 255}.7`, cookies), now);
      for (const ok of o.oks) {
        const p = r.next(now);
        out.push(p?.name ?? `null:${r.end}`);
        if (p === null) break;
        r.done(now, ok);
      }
      out.push(r.responseCookies().map((c) => c.value).join(','));
    }
    expect(up.peers(now).every((p) => p.conns === 0)).toBe(true);
  }
  return out;
}

const strategies: BalancerStrategy[] = ['round-robin', 'least-conn', 'ip-hash', 'cookie', 'hash-cookie'];
const cases: BalancerSettings[] = [
  ...strategies.map((strategy) => settings({ strategy })),
  settings({ strategy: 'hash-cookie', hashCookie: { name: 'laravel_session', consistent: false } }),
  ...strategies.filter((s) => s !== 'hash-cookie').map((strategy) => settings({ flavor: 'haproxy', strategy })),
];

describe('determinism', () => {
  for (const s of cases) {
    it(`${s.flavor} ${s.strategy}${s.hashCookie.consistent ? '' : ' (plain hash)'}: replaying the same inputs gives the same trace`, () => {
      fc.assert(fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        expect(trace(s, ops)).toEqual(trace(s, ops));
      }), { numRuns: 40 });
    });
  }
});
