/**
 * The compare view: the same traffic (seed, users, faults) through several set-ups, measured.
 * Reproduces the seed lesson's File / Redis / Sticky table with numbers instead of adjectives.
 */
import { defaultBalancer } from './settings';
import { Simulation } from './simulation';
import { summarize } from './summary';
import { BALANCER_STRATEGIES, SESSION_DRIVERS, type BalancerStrategy, type DbConnection, type SessionDriver, type SimSettings } from './types';

export interface Setup {
  label: string;
  driver: SessionDriver;
  balancer: BalancerStrategy;
  /** DB_CONNECTION for the database driver (default: the run's, else sqlite). */
  dbConnection?: DbConnection;
}

/** The seed lesson's rows (File / Redis / Sticky), plus the combination the course recommends. */
export const SEED_TABLE: readonly Setup[] = [
  { label: 'File driver', driver: 'file', balancer: 'round-robin' },
  { label: 'Redis driver', driver: 'redis', balancer: 'round-robin' },
  { label: 'Sticky sessions (file)', driver: 'file', balancer: 'cookie' },
  { label: 'Redis + sticky', driver: 'redis', balancer: 'cookie' },
];

/** The seed's table plus Laravel 11/12's default driver, `database`, on the skeleton's SQLite and on a shared MySQL. */
export const LARAVEL12_TABLE: readonly Setup[] = [
  ...SEED_TABLE,
  { label: 'Database driver (SQLite)', driver: 'database', balancer: 'round-robin', dbConnection: 'sqlite' },
  { label: 'Database driver (MySQL)', driver: 'database', balancer: 'round-robin', dbConnection: 'mysql' },
];

export interface CompareRow extends Setup {
  requests: number;
  logouts: number;
  /** 419 Page Expired. */
  csrfMismatches: number;
  /** 5xx answers (500, 502, 503, 504). */
  serverErrors: number;
  lostUpdates: number;
  redisCommands: number;
  p95Ms: number;
  /** Busiest node's share of requests divided by a fair share (1.00 = perfectly even). */
  imbalance: number;
}

/** Parse `file/round-robin,redis/cookie`, `seed` or `laravel12`. Returns an error message for a bad spec. */
export function parseSetups(spec: string): Setup[] | string {
  if (spec === 'seed') return [...SEED_TABLE];
  if (spec === 'laravel12') return [...LARAVEL12_TABLE];
  const out: Setup[] = [];
  for (const part of spec.split(',')) {
    const [driver, balancer, ...rest] = part.trim().split('/');
    if (rest.length || !(SESSION_DRIVERS as readonly string[]).includes(driver ?? '') || !(BALANCER_STRATEGIES as readonly string[]).includes(balancer ?? '')) {
      return `"${part}": expected DRIVER/BALANCER, e.g. redis/cookie (drivers: ${SESSION_DRIVERS.join(', ')}; balancers: ${BALANCER_STRATEGIES.join(', ')}), "seed" or "laravel12"`;
    }
    const label = `${driver} + ${balancer}`;
    // Each set-up once: the same one twice measures nothing new, and a list of thousands would run for hours.
    if (out.some((s) => s.label === label)) return `"${part.trim()}" is given twice: each set-up runs once`;
    out.push({ label, driver: driver as SessionDriver, balancer: balancer as BalancerStrategy });
  }
  return out;
}

export async function compareSetups(base: SimSettings, setups: readonly Setup[]): Promise<CompareRow[]> {
  const rows: CompareRow[] = [];
  for (const setup of setups) {
    const settings: SimSettings = structuredClone(base);
    settings.session.driver = setup.driver;
    if (setup.dbConnection) settings.session.dbConnection = setup.dbConnection;
    settings.balancer = { ...defaultBalancer(setup.balancer), flavor: base.balancer.flavor };
    const sim = await Simulation.create(settings, { traceLimit: 0 });
    await sim.run();
    rows.push(measure(sim, setup));
    sim.dispose();
  }
  return rows;
}

/** The set-up a simulation runs (its driver and balancer), under a label of the caller's. */
export function setupOf(settings: Readonly<SimSettings>, label: string): Setup {
  const s = settings.session;
  return { label, driver: s.driver, balancer: settings.balancer.strategy, ...(s.driver === 'database' ? { dbConnection: s.dbConnection ?? 'sqlite' } : {}) };
}

/**
 * The compare table's figures for a simulation at the moment it stopped (0..now). Every row of
 * every comparison — the course's set-ups and a fork's two runs alike — is measured here.
 */
export function measure(sim: Simulation, setup: Setup): CompareRow {
  const s = summarize(sim);
  const served = Object.values(s.perNode);
  const fair = s.requests / Math.max(1, served.length);
  const fiveXX = Object.entries(s.statuses).filter(([code]) => code.startsWith('5')).reduce((n, [, v]) => n + v, 0);
  return {
    ...setup,
    requests: s.requests,
    logouts: s.logouts,
    csrfMismatches: s.statuses['419'] ?? 0,
    serverErrors: fiveXX,
    lostUpdates: s.outcomes.lost_update,
    redisCommands: s.redis?.commands ?? 0,
    p95Ms: s.latencyMs.p95,
    imbalance: fair === 0 ? 0 : Math.round((Math.max(...served) / fair) * 100) / 100,
  };
}
