/**
 * What the right side of the side-by-side view changes: one setting (or the two a compare row
 * stands for), applied to the left side's settings exactly as the controls would apply it, and
 * the words each side is labelled with ("SESSION_DRIVER=file" | "SESSION_DRIVER=redis").
 * Seed and users are never part of a change: both sides run the same people.
 */
import type { Setup } from '../../sim/compare';
import type { BalancerStrategy, ClientPopulation, DbConnection, SessionDriver, SimSettings } from '../../sim/types';
import { CLIENTS_LABEL, STRATEGY_LABEL } from '../describe';
import { configOf, withConfig } from '../state/config';

export interface SideChange {
  driver?: SessionDriver;
  balancer?: BalancerStrategy;
  /** DB_CONNECTION, for the database driver. */
  db?: DbConnection;
  nodes?: number;
  clients?: ClientPopulation;
}

/** The keys a change may hold, in the order links and labels list them. */
export const SIDE_KEYS = ['driver', 'db', 'balancer', 'nodes', 'clients'] as const;
export type SideKey = (typeof SIDE_KEYS)[number];

/** The database connection in effect (Laravel 11/12's skeleton: sqlite). */
function dbOf(s: SimSettings): DbConnection {
  return s.session.dbConnection ?? 'sqlite';
}

/** `s` with the change applied: driver, balancer, nodes and clients as the controls apply them (withConfig). */
export function applyChange(s: SimSettings, c: SideChange): SimSettings {
  const cfg = configOf(s);
  const out = withConfig(s, {
    ...cfg,
    driver: c.driver ?? cfg.driver,
    strategy: c.balancer ?? cfg.strategy,
    nodes: c.nodes ?? cfg.nodes,
    clients: c.clients ?? cfg.clients,
  });
  if (c.db) out.session = { ...out.session, dbConnection: c.db };
  return out;
}

export interface EffectiveChange {
  /** Only what differs from the left side. */
  change: SideChange;
  /** What was asked for but changes nothing, in words ("driver:file is what the left side runs"). */
  dropped: string[];
}

/** The part of `c` that really differs from `s` (and a DB_CONNECTION only where the right side's driver is database). */
export function effectiveChange(s: SimSettings, c: SideChange): EffectiveChange {
  const change: SideChange = {};
  const dropped: string[] = [];
  const same = (k: SideKey, v: unknown) => dropped.push(`${k}:${String(v)} is what the left side runs already`);
  if (c.driver !== undefined) {
    if (c.driver !== s.session.driver) change.driver = c.driver;
    else same('driver', c.driver);
  }
  if (c.db !== undefined) {
    if ((c.driver ?? s.session.driver) !== 'database') dropped.push(`db:${c.db} only matters with driver:database`);
    else if (c.db !== dbOf(s) || change.driver) change.db = c.db;
    else same('db', c.db);
  }
  if (c.balancer !== undefined) {
    if (c.balancer !== s.balancer.strategy) change.balancer = c.balancer;
    else same('balancer', c.balancer);
  }
  if (c.nodes !== undefined) {
    if (c.nodes !== s.nodes.length) change.nodes = c.nodes;
    else same('nodes', c.nodes);
  }
  if (c.clients !== undefined) {
    if (c.clients !== s.clients) change.clients = c.clients;
    else same('clients', c.clients);
  }
  return { change, dropped };
}

/** The change a compare row stands for, against the set-up running now (empty: it is that set-up). */
export function changeForSetup(s: SimSettings, setup: Setup): SideChange {
  return effectiveChange(s, { driver: setup.driver, balancer: setup.balancer, ...(setup.dbConnection ? { db: setup.dbConnection } : {}) }).change;
}

/** The keys a change holds, in {@link SIDE_KEYS} order. */
export function changedKeys(c: SideChange): SideKey[] {
  return SIDE_KEYS.filter((k) => c[k] !== undefined);
}

/**
 * One side's label: its values of the changed keys, in the words of .env and nginx —
 * "SESSION_DRIVER=redis", "nginx: sticky cookie srv_id", "3 nodes", "clients: office NAT".
 */
export function sideWords(s: SimSettings, keys: readonly SideKey[]): string {
  const parts: string[] = [];
  for (const k of keys) {
    switch (k) {
      case 'driver': parts.push(`SESSION_DRIVER=${s.session.driver}`); break;
      case 'db': if (s.session.driver === 'database') parts.push(`DB_CONNECTION=${dbOf(s)}`); break;
      case 'balancer': parts.push(`${s.balancer.flavor === 'haproxy' ? 'HAProxy' : 'nginx'}: ${STRATEGY_LABEL[s.balancer.strategy]}`); break;
      case 'nodes': parts.push(`${s.nodes.length} node${s.nodes.length === 1 ? '' : 's'}`); break;
      case 'clients': parts.push(`clients: ${CLIENTS_LABEL[s.clients]}`); break;
    }
  }
  return parts.join(' · ');
}
