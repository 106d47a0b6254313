import { describe, expect, it } from 'vitest';
import { classify, isLogout, LOGOUT_DEFINITION, OUTCOME_INFO, OUTCOMES, type OutcomeFacts } from '../../src/sim/outcomes';
import { Simulation } from '../../src/sim/simulation';
import { defaultSettings } from '../../src/sim/settings';
import { summarize } from '../../src/sim/summary';
import type { TraceRecord } from '../../src/sim/types';
import { MARK, nextMark } from '../../src/ui/state/marks';
import { MARK_STYLE, OUTCOME_STYLE } from '../../src/ui/outcomes';

const facts = (f: Partial<OutcomeFacts>): OutcomeFacts => ({ status: 200, authBefore: false, authAfter: false, voluntary: false, lostUpdate: false, ...f });

describe('the outcome of a request', () => {
  it('a logged-in user answered as a guest is logged out, whatever the page: a redirect or a 419 on a form', () => {
    expect(classify(facts({ status: 302, authBefore: true }))).toBe('logged_out');
    expect(classify(facts({ status: 419, authBefore: true }))).toBe('logged_out');
    expect(classify(facts({ status: 200, authBefore: true, lostUpdate: true }))).toBe('logged_out');
  });

  it('asking to log out is not a logout; a guest\'s refused form is 419', () => {
    expect(classify(facts({ status: 302, authBefore: true, voluntary: true }))).toBe('ok');
    expect(classify(facts({ status: 419, authBefore: true, voluntary: true }))).toBe('csrf_mismatch');
    expect(classify(facts({ status: 419 }))).toBe('csrf_mismatch');
    expect(classify(facts({ status: 419, authBefore: true, authAfter: true }))).toBe('csrf_mismatch');
  });

  it('error pages say nothing about the session: 502/503, 504, other 5xx', () => {
    expect(classify(facts({ status: 502, authBefore: true }))).toBe('bad_gateway');
    expect(classify(facts({ status: 503 }))).toBe('bad_gateway');
    expect(classify(facts({ status: 504, authBefore: true }))).toBe('gateway_timeout');
    expect(classify(facts({ status: 500, authBefore: true }))).toBe('server_error');
  });

  it('a good answer whose write overwrote another request\'s change is a lost update, else ok', () => {
    expect(classify(facts({ status: 302, authBefore: true, authAfter: true, lostUpdate: true }))).toBe('lost_update');
    expect(classify(facts({ status: 200, authBefore: true, authAfter: true }))).toBe('ok');
  });

  it('every outcome has a label, a shape, a colour and a description; the UI styles come from them', () => {
    for (const o of OUTCOMES) {
      const i = OUTCOME_INFO[o];
      expect(i.label.length * i.short.length * i.description.length).toBeGreaterThan(0);
      expect(OUTCOME_STYLE[o]).toMatchObject({ glyph: i.shape, symbol: i.symbol, label: i.label });
    }
    expect(MARK_STYLE[MARK.loggedOut]).toMatchObject({ glyph: OUTCOME_INFO.logged_out.shape, color: OUTCOME_STYLE.logged_out.color });
    expect(LOGOUT_DEFINITION).toMatch(/419/);
  });
});

describe('one number for logouts', () => {
  it('the Logouts total, outcomes.logged_out, the per-second buckets and the crowd\'s marks agree (issue 10: 4987 vs 4458)', async () => {
    const s = defaultSettings(); // file driver, round robin: sessions get lost
    s.users = 200;
    s.durationSec = 300;
    s.seed = 5;
    const records: TraceRecord[] = [];
    const sim = await Simulation.create(s, { traceLimit: 0, listeners: { onRecord: (r) => records.push(r) } });
    await sim.run();
    const sum = summarize(sim);
    expect(sum.logouts).toBeGreaterThan(100);
    expect(sum.logouts).toBe(sum.outcomes.logged_out);
    expect(sim.world.metrics.series.reduce((n, b) => n + b.logouts, 0)).toBe(sim.world.metrics.series.reduce((n, b) => n + b.outcomes.logged_out, 0));
    // Each request has exactly one outcome.
    expect(Object.values(sum.outcomes).reduce((a, b) => a + b, 0)).toBe(sum.requests);
    const marked = records.filter((r) => nextMark(MARK.in, r) === MARK.loggedOut);
    expect(marked.length).toBe(sum.logouts);
    expect(marked.every(isLogout)).toBe(true);
    // Lost logins on a form are among them, as the definition says.
    expect(records.some((r) => r.outcome === 'logged_out' && r.status === 419)).toBe(true);
  });
});
