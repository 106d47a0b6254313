/**
 * The simulation's read API (src/sim/read.ts): what the page's views read instead of the
 * engine's world — the Redis a console talks to, session keys, nodes and their disks, the
 * database server, the crowd and the logout count — follows the run as faults change it.
 */
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/sim/simulation';
import { defaultBalancer, defaultNode, defaultSettings } from '../../src/sim/settings';
import type { SessionDriver, SimSettings } from '../../src/sim/types';

function settings(driver: SessionDriver, patch: (s: SimSettings) => void = () => undefined): SimSettings {
  const s = defaultSettings();
  s.session.driver = driver;
  s.balancer = defaultBalancer('round-robin');
  s.nodes = [defaultNode(1), defaultNode(2)];
  s.users = 40;
  s.seed = 3;
  patch(s);
  return s;
}

describe('the simulation read API', () => {
  it('file sessions: no Redis, no database, the nodes by name with the session files on their disks, the crowd and its logouts', async () => {
    let loggedOut = 0;
    const sim = await Simulation.create(settings('file'), { listeners: { onRecord: (r) => { if (r.outcome === 'logged_out') loggedOut++; } } });
    try {
      expect(sim.sessionRedis).toBeNull();
      expect(sim.databaseUp).toBeNull();
      expect(sim.nodeNames()).toEqual(['node-1', 'node-2']);
      expect(sim.nodeFiles('node-3')).toBeUndefined();
      expect(sim.crowd.map((u) => u.id)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(sim.crowd.every((u) => u.active)).toBe(true);
      await sim.runUntil(20_000);
      const files = [...(sim.nodeFiles('node-1')?.disk.files.keys() ?? []), ...(sim.nodeFiles('node-2')?.disk.files.keys() ?? [])];
      expect(files.length).toBeGreaterThan(0);
      // Round robin over two disks: users land on the node without their file and are logged out.
      expect(loggedOut).toBeGreaterThan(0);
      expect(sim.logouts).toBe(loggedOut);
      sim.setUsers(10);
      expect(sim.crowd.filter((u) => u.active)).toHaveLength(10);
    } finally {
      sim.dispose();
    }
  });

  it('redis sessions: the session keys carry the key prefix, and a Sentinel failover hands over the promoted Redis', async () => {
    const sim = await Simulation.create(settings('redis', (s) => { s.redis.sentinel = true; s.redis.client = 'predis'; }));
    try {
      const first = sim.sessionRedis;
      expect(first).not.toBeNull();
      await sim.runUntil(10_000);
      const keys = await first!.keys(`${sim.sessionKeyPrefix}*`);
      expect(keys.length).toBeGreaterThan(0);
      expect(sim.fault({ kind: 'redis-failover' })).toBeNull();
      await sim.runUntil(60_000);
      expect(sim.sessionRedis).not.toBeNull();
      expect(sim.sessionRedis).not.toBe(first);
    } finally {
      sim.dispose();
    }
  });

  it('a shared MySQL database: its server goes down and comes back', async () => {
    const sim = await Simulation.create(settings('database', (s) => { s.session.dbConnection = 'mysql'; }));
    try {
      expect(sim.databaseUp).toBe(true);
      expect(sim.fault({ kind: 'db-down' })).toBeNull();
      expect(sim.databaseUp).toBe(false);
      expect(sim.fault({ kind: 'db-up' })).toBeNull();
      expect(sim.databaseUp).toBe(true);
    } finally {
      sim.dispose();
    }
  });
});
