/**
 * The handful of settings the controls change, how they become engine settings, and how a
 * URL query (`?driver=redis&nodes=3&speed=10`) pre-sets them. Pure functions.
 */
import { defaultBalancer, defaultNode, defaultSettings, MAX_NODES } from '../../sim/settings';
import {
  BALANCER_STRATEGIES, CLIENT_POPULATIONS, SESSION_DRIVERS,
  type BalancerStrategy, type ClientPopulation, type SessionDriver, type SimSettings,
} from '../../sim/types';

export interface UiConfig {
  seed: number;
  nodes: number;
  driver: SessionDriver;
  strategy: BalancerStrategy;
  users: number;
  clients: ClientPopulation;
}

export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 30, 60] as const;
export const USER_COUNTS = [10, 25, 50, 100, 200, 500, 1000, 2000, 5000, 10_000] as const;
export const NODE_COUNTS = Array.from({ length: MAX_NODES }, (_, i) => i + 1);

export const DEFAULT_CONFIG: Readonly<UiConfig> = Object.freeze({
  seed: 1, nodes: 2, driver: 'file', strategy: 'round-robin', users: 100, clients: 'unique',
});

/** Engine settings for a UI config (everything else at the engine's defaults). */
export function settingsFor(c: UiConfig): SimSettings {
  const s = defaultSettings();
  s.seed = c.seed;
  s.users = c.users;
  s.clients = c.clients;
  s.nodes = Array.from({ length: c.nodes }, (_, i) => defaultNode(i + 1));
  s.balancer = defaultBalancer(c.strategy);
  s.session.driver = c.driver;
  // The browser runs until the tab closes; durationSec only bounds `run()`, which the UI never calls.
  s.durationSec = 24 * 3600;
  return s;
}

/** The controls' view of full engine settings. */
export function configOf(s: SimSettings): UiConfig {
  return { seed: s.seed, nodes: s.nodes.length, driver: s.session.driver, strategy: s.balancer.strategy, users: s.users, clients: s.clients };
}

/**
 * Full settings with the controls' values applied on top, keeping everything the controls do
 * not show (node weights and addresses, cookie names, lifetime, Redis limits…) as it was.
 */
export function withConfig(base: SimSettings, c: UiConfig): SimSettings {
  const s = structuredClone(base);
  s.seed = c.seed;
  s.users = c.users;
  s.clients = c.clients;
  s.nodes = Array.from({ length: c.nodes }, (_, i) => base.nodes[i] ?? defaultNode(i + 1));
  s.events = s.events.filter((e) => !('node' in e.action) || Number(e.action.node.slice(5)) <= c.nodes);
  if (s.balancer.strategy !== c.strategy) s.balancer = { ...s.balancer, strategy: c.strategy };
  s.session = { ...s.session, driver: c.driver };
  return s;
}

/** What changed between two configs, in the words of .env and nginx ("SESSION_DRIVER=redis"). */
export function describeChange(a: UiConfig, b: UiConfig): string {
  const parts: string[] = [];
  if (a.driver !== b.driver) parts.push(`SESSION_DRIVER=${b.driver}`);
  if (a.strategy !== b.strategy) parts.push(`balancer ${b.strategy}`);
  if (a.nodes !== b.nodes) parts.push(`${b.nodes} node${b.nodes === 1 ? '' : 's'}`);
  if (a.clients !== b.clients) parts.push(`clients ${b.clients}`);
  if (a.seed !== b.seed) parts.push(`seed ${b.seed}`);
  if (a.users !== b.users) parts.push(`${b.users} users`);
  return parts.join(', ');
}

/** Whether going from a to b needs a new simulation (only the user count applies live). */
export function needsReset(a: UiConfig, b: UiConfig): boolean {
  return a.seed !== b.seed || a.nodes !== b.nodes || a.driver !== b.driver || a.strategy !== b.strategy || a.clients !== b.clients;
}

export interface QueryOptions {
  config: UiConfig;
  speed: number;
  autoplay: boolean;
  /** What in the link could not be used, and what is used instead (shown in the feed). */
  problems: string[];
}

/**
 * Read `seed, nodes, driver, balancer, users, clients, speed, paused` from a query string. A link
 * is untrusted input: a bad value is not used, and `problems` says which and what is used instead.
 */
export function fromQuery(q: URLSearchParams): QueryOptions {
  const c: UiConfig = { ...DEFAULT_CONFIG };
  const problems: string[] = [];
  const reject = (k: string, v: string, expected: string, fallback: unknown): undefined => {
    problems.push(`link: ${k}=${JSON.stringify(v).slice(1, -1).slice(0, 40)} is not ${expected}; using ${String(fallback)}`);
    return undefined;
  };
  const int = (k: string, lo: number, hi: number): number | undefined => {
    const v = q.get(k);
    if (v === null) return undefined;
    const n = Number(v);
    if (!/^\d+$/.test(v) || n < lo || n > hi) return reject(k, v, `a whole number from ${lo} to ${hi}`, (c as unknown as Record<string, unknown>)[k]);
    return n;
  };
  const oneOf = <T extends string>(k: string, list: readonly T[], current: T): T | undefined => {
    const v = q.get(k);
    if (v === null) return undefined;
    return list.includes(v as T) ? (v as T) : reject(k, v, `one of ${list.join(', ')}`, current);
  };
  c.seed = int('seed', 0, 2 ** 31 - 1) ?? c.seed;
  c.nodes = int('nodes', 1, MAX_NODES) ?? c.nodes;
  c.users = int('users', 1, 10_000) ?? c.users;
  c.driver = oneOf('driver', SESSION_DRIVERS, c.driver) ?? c.driver;
  c.strategy = oneOf('balancer', BALANCER_STRATEGIES, c.strategy) ?? c.strategy;
  c.clients = oneOf('clients', CLIENT_POPULATIONS, c.clients) ?? c.clients;
  const rawSpeed = q.get('speed');
  const sp = Number(rawSpeed);
  const speed = (SPEEDS as readonly number[]).includes(sp) ? sp : 1;
  if (rawSpeed !== null && speed !== sp) reject('speed', rawSpeed, `one of ${SPEEDS.join(', ')}`, '1');
  return { config: c, speed, autoplay: q.get('paused') === null, problems };
}
