/**
 * Which store each node uses for the configured `SESSION_DRIVER`. Every node of a run uses
 * the same driver (as every server of a real deploy reads the same .env).
 */
import type { AppNode } from '../cluster/appNode';
import type { World } from '../world';
import { arrayStore } from './arrayStore';
import { CookieSessionStore } from './cookieStore';
import { FallbackStore } from './fallbackStore';
import { RedisSessionStore } from './redisStore';
import type { SessionStore } from './store';

export function makeStores(w: World): (node: AppNode) => SessionStore {
  const s = w.settings.session;
  switch (s.driver) {
    case 'file':
      return (node) => node.disk;
    case 'array':
      return () => arrayStore;
    case 'cookie': {
      const store = new CookieSessionStore(s.lifetimeMin * 60, s.expireOnClose);
      return () => store;
    }
    case 'redis': {
      if (!w.redis) throw new Error('the redis driver needs a Redis');
      const redis = new RedisSessionStore(w.redis, w.names.keyPrefix, s.lifetimeMin);
      if (s.onRedisFailure === 'fail-closed') return () => redis;
      const perNode = new Map<AppNode, SessionStore>();
      return (node) => {
        let store = perNode.get(node);
        if (!store) perNode.set(node, (store = new FallbackStore(redis, node.disk)));
        return store;
      };
    }
  }
}
