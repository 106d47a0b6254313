/**
 * Which store each node uses for the configured `SESSION_DRIVER`. Every node of a run uses
 * the same driver (as every server of a real deploy reads the same .env).
 */
import type { AppNode } from '../cluster/appNode';
import type { World } from '../world';
import { arrayStore } from './arrayStore';
import { CookieSessionStore } from './cookieStore';
import { FallbackStore } from './fallbackStore';
import { LocalCacheStore } from './localCacheStore';
import { RedisSessionStore, SessionKeys } from './redisStore';
import type { SessionStore } from './store';
import type { SessionSettings } from '../types';

/**
 * The stores' own objects, kept between requests: the redis driver's store chain per node (built
 * for one PHP process lifetime: the local cache lives in its memory) and the id → key table they
 * share; the cookie driver's one store. (The payload codec remembers writes per store object, so
 * a restored run must go on with the same ones.)
 */
export interface StoreState {
  perNode: Map<AppNode, { epoch: number; store: SessionStore }>;
  keys: SessionKeys | null;
  cookie: CookieSessionStore | null;
}

export function newStoreState(): StoreState {
  return { perNode: new Map(), keys: null, cookie: null };
}

/**
 * @param state where the stores keep their state: a fresh {@link newStoreState} at the start; a
 *   checkpoint's copy of the world passes its copy, so node caches survive a restore.
 */
export function makeStores(w: World, state: StoreState): (node: AppNode) => SessionStore {
  const s = w.settings.session;
  switch (s.driver) {
    case 'file':
      return (node) => node.disk;
    case 'array':
      return () => arrayStore;
    case 'database': {
      const db = w.db;
      if (!db) throw new Error('the database driver needs a database');
      return (node) => db.tableFor(node);
    }
    case 'cookie': {
      const store = (state.cookie ??= new CookieSessionStore(s.lifetimeMin * 60, s.expireOnClose));
      return () => store;
    }
    case 'redis': {
      if (!w.redis) throw new Error('the redis driver needs a Redis');
      // Per node: each talks to Redis through its own connection (where the faults apply); the
      // fallback writes to the node's own disk; the local cache lives in its memory (gone when
      // the PHP process is restarted, hence the epoch).
      const perNode = state.perNode;
      const keys = (state.keys ??= new SessionKeys(w.names.keyPrefix));
      return (node) => {
        let entry = perNode.get(node);
        if (!entry || entry.epoch !== node.epoch) {
          const conn = w.connections.get(node.name);
          if (!conn) throw new Error(`${node.name} has no Redis connection`);
          let store: SessionStore = new RedisSessionStore(conn, keys, s.lifetimeMin);
          if (s.onRedisFailure === 'fallback-file') store = new FallbackStore(store, node.disk);
          if (s.localCache) store = new LocalCacheStore(store);
          perNode.set(node, (entry = { epoch: node.epoch, store }));
        }
        return entry.store;
      };
    }
  }
}

/** Whether each node keeps its own sessions (file, SQLite): a session's saves are compared per node. */
export function sessionsPerNode(s: Pick<SessionSettings, 'driver' | 'dbConnection'>): boolean {
  return s.driver === 'file' || (s.driver === 'database' && (s.dbConnection ?? 'sqlite') === 'sqlite');
}

/** Drivers that need the session lottery (`[2, 100]`) to delete expired sessions: file and database. */
export function hasLottery(driver: SessionSettings['driver']): boolean {
  return driver === 'file' || driver === 'database';
}

/** The lottery was won on this node: its handler's `gc()` deletes the expired sessions it can see. */
export function collectGarbage(w: World, node: AppNode): void {
  if (w.settings.session.driver === 'file') node.disk.gc(w.now);
  else if (w.settings.session.driver === 'database') w.db?.tableFor(node).gc(w.now);
}
