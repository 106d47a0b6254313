import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/sim/simulation';
import { defaultNode, defaultSettings, parseEventSpec } from '../../src/sim/settings';

describe('the feed on a one-node cluster', () => {
  it('does not report "0 users re-routed to other nodes" when there is no other node', async () => {
    const s = defaultSettings();
    s.nodes = [defaultNode(1)];
    s.users = 20;
    s.durationSec = 40;
    const crash = parseEventSpec('5:crash:node-1', 1);
    if (typeof crash === 'string') throw new Error(crash);
    s.events = [crash];
    const sim = await Simulation.create(s, { traceLimit: 0 });
    await sim.run();
    const feed = sim.world.feed.map((f) => f.text);
    sim.dispose();
    expect(feed).toContain('node-1 crashed');
    expect(feed.some((t) => /re-routed/.test(t))).toBe(false);
    expect(feed).toContain('node-1 is the only node: its users had nowhere else to go');
  });
});
