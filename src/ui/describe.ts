/**
 * The words around the picture: the header line that says what is on screen, the nginx
 * directive the load balancer card shows, and a one-line caption of what to expect.
 * Pure functions of the settings, so a student who never read the lesson still knows
 * what they are looking at.
 */
import { count } from './format';
import type { BalancerStrategy, ClientPopulation, SessionDriver, SimSettings } from '../sim/types';

/** Each strategy as an nginx upstream block spells it (round robin is the default: no directive). */
export function directive(s: Pick<SimSettings, 'balancer'>): string {
  const b = s.balancer;
  switch (b.strategy) {
    case 'round-robin':
      return '# round robin (default)';
    case 'least-conn':
      return 'least_conn;';
    case 'ip-hash':
      return 'ip_hash;';
    case 'cookie': {
      const c = b.stickyCookie;
      const exp = c.expiresSec === null ? '' : ` expires=${c.expiresSec % 3600 === 0 ? `${c.expiresSec / 3600}h` : `${c.expiresSec}s`}`;
      return `sticky cookie ${c.name}${exp};`;
    }
    case 'hash-cookie':
      return `hash $cookie_${b.hashCookie.name}${b.hashCookie.consistent ? ' consistent' : ''};`;
  }
}

export const STRATEGY_LABEL: Readonly<Record<BalancerStrategy, string>> = {
  'round-robin': 'round robin',
  'least-conn': 'least_conn',
  'ip-hash': 'ip_hash',
  cookie: 'sticky cookie srv_id',
  'hash-cookie': 'hash $cookie_laravel_session',
};

/** Shorter names for the select. */
export const STRATEGY_OPTION: Readonly<Record<BalancerStrategy, string>> = {
  ...STRATEGY_LABEL,
  'hash-cookie': 'hash $cookie_…',
};

export const DRIVER_LABEL: Readonly<Record<SessionDriver, string>> = {
  file: 'file (node’s disk)',
  redis: 'redis (shared)',
  cookie: 'cookie (browser)',
  array: 'array (none kept)',
  database: 'database (11/12 default)',
};

export const CLIENTS_LABEL: Readonly<Record<ClientPopulation, string>> = {
  unique: 'unique IPs',
  'office-nat': 'office NAT',
  mobile: 'mobile',
  mixed: 'mixed',
};

const WHERE_SESSIONS: Readonly<Record<SessionDriver, (s: SimSettings) => string>> = {
  file: (s) => (s.nodes.length === 1 ? 'sessions on the node’s disk' : 'sessions on each node’s own disk'),
  redis: (s) => (s.redis.dedicatedSessionRedis
    ? 'sessions in a Redis of their own (the cache has another)'
    : s.redis.cacheLoad !== undefined && s.redis.cacheLoad !== 'none' ? 'sessions in the same Redis as the cache' : 'sessions in one shared Redis'),
  cookie: () => 'sessions in an encrypted browser cookie',
  array: () => 'sessions kept for one request only',
  database: () => 'sessions in a database table',
};

/** "100 users → nginx (round robin) → 2 Laravel nodes · sessions on each node's own disk (SESSION_DRIVER=file)". */
export function headline(s: SimSettings): string {
  const n = s.nodes.length;
  const users = `${s.users} user${s.users === 1 ? '' : 's'}${s.clients === 'unique' ? '' : ` (${CLIENTS_LABEL[s.clients]})`}`;
  const db = s.session.driver === 'database' ? `, DB_CONNECTION=${s.session.dbConnection ?? 'sqlite'}${(s.session.dbConnection ?? 'sqlite') === 'sqlite' ? ' (a file on each node)' : ' (one shared server)'}` : '';
  return `${users} → nginx (${STRATEGY_LABEL[s.balancer.strategy]}) → ${n} Laravel node${n === 1 ? '' : 's'} · ${WHERE_SESSIONS[s.session.driver](s)} (SESSION_DRIVER=${s.session.driver}${db})`;
}

/** Whether the strategy keeps a client on one node (as long as that node lives). */
export function isSticky(strategy: BalancerStrategy): boolean {
  return strategy === 'ip-hash' || strategy === 'cookie';
}

/** What the page knows besides the settings, so the caption never contradicts the screen. */
export interface CaptionState {
  /** A lesson is open: its panel says what to do, so the caption suggests nothing. */
  inLesson?: boolean;
  /** Unexpected logouts so far in this run. */
  logouts?: number;
}

/** What to watch for, in one or two plain sentences that agree with the counters. */
export function caption(s: SimSettings, state: CaptionState = {}): string {
  const n = s.nodes.length;
  const lost = state.logouts ?? 0;
  const try_ = (words: string) => (state.inLesson ? '' : ` ${words}`);
  const logouts = `${count(lost)} logout${lost === 1 ? '' : 's'} so far`;
  switch (s.session.driver) {
    case 'redis': {
      const where = s.redis.dedicatedSessionRedis ? 'the same session Redis' : 'the same Redis';
      const base = `Every node reads and writes sessions in ${where}, so any node can answer any user`;
      if (lost > 0) return `${base} — yet ${logouts}: when Redis loses a session (down, evicted or expired), that user is logged out whichever node answers.`;
      return `${base}: nobody is logged out.${try_('Now Redis is the one thing that must not go down — try taking it down.')}`;
    }
    case 'cookie':
      return 'The session travels in an encrypted cookie that every node can read (they share APP_KEY), so any node can answer any user — as long as the cookie stays under 4 KB.';
    case 'array':
      return 'The array driver forgets the session after every request, on any number of nodes: nobody stays logged in. It exists for tests.';
    case 'database':
      if ((s.session.dbConnection ?? 'sqlite') === 'mysql') {
        return 'Every node reads and writes the sessions table on one shared MySQL server, so any node can answer any user. Now that server must not go down — and only the session lottery deletes expired rows.';
      }
      return n === 1
        ? 'A fresh Laravel 11/12 app: SESSION_DRIVER=database on DB_CONNECTION=sqlite, a database file on this node’s disk. Fine on one node — add a second one.'
        : 'DB_CONNECTION=sqlite is database/database.sqlite on each node’s own disk: a second node has its own sessions table, so users are logged out (✕) and forms get 419 (▲), exactly as with the file driver.';
    case 'file':
      if (n === 1) {
        return lost > 0
          ? `One node: every request finds its session file on that node’s disk — but ${logouts}: a crashed or replaced node loses the files on its disk.`
          : `One node: every request finds its session file on that node’s disk, so nobody is logged out.${try_('Add a second node and watch.')}`;
      }
      if (s.balancer.strategy === 'ip-hash') {
        return s.clients === 'unique'
          ? `ip_hash sends each client address to the same node, so its session file is always there — until that node goes down.${try_('Try office NAT or mobile clients, or crash a node.')}`
          : 'ip_hash pins an address, not a person: a whole office lands on one node, and a phone that changes network lands on a node without its session file.';
      }
      if (s.balancer.strategy === 'cookie') {
        return `sticky cookie srv_id pins each browser to one node, so its session file is always there — until that node dies.${try_('Crash a node and watch its users get logged out.')}`;
      }
      return `Each node only has the session files it wrote itself. When the balancer sends a user to another node, that node has never seen their session: the user is logged out (✕), and a form they post gets 419 Page Expired (▲).`;
  }
}
