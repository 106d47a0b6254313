/** Every compared feature, grouped by the program it needs. `npm run oracles` runs them in this order. */
import * as hapFail from './haproxy/failures';
import * as hap from './haproxy/routing';
import { haproxyVersion } from './haproxy/server';
import * as ngxFail from './nginx/failures';
import * as ngx from './nginx/routing';
import { nginxVersion } from './nginx/server';
import { sticky } from './nginx/sticky';
import { HAPROXY, NGINX, REDIS_SERVER, type Program } from './proc';
import { adapterChecks } from './redis/adapter';
import { evictionUnder } from './redis/eviction';
import { expiryBoundary, ttlRounding } from './redis/expiry';
import { authSelectPerConnection, cacheClearFlushdb, selectPerConnection } from './redis/laravelDbs';
import { recordSessionStream, replaySessionStream } from './redis/replay';
import { redisVersion } from './redis/server';
import type { FeatureResult } from './report';

export type Feature = (bin: string) => Promise<FeatureResult | FeatureResult[]>;

export interface Group {
  name: 'nginx' | 'haproxy' | 'redis';
  program: Program;
  version: (bin: string) => Promise<string>;
  features: Feature[];
}

/** maxmemory for the eviction comparison: room for about 2,000 sessions. */
const EVICTION_MAXMEMORY = 2 * 1024 * 1024;

export const GROUPS: Group[] = [
  {
    name: 'nginx', program: NGINX, version: nginxVersion,
    features: [
      ngx.roundRobinWeights, ngx.ipHashDown, ngx.ipHashWeights, ngx.hashConsistent, ngx.hashConsistentDash, ngx.hashPlain,
      ngx.leastConnSequential, ngxFail.leastConnHeld, ngxFail.diesAfterSend, ngxFail.stoppedServer, ngxFail.maxFailsWeights,
      ngxFail.allDown, ngxFail.backupGroup, ngxFail.ipHashStopped, ngxFail.hashStopped, sticky,
    ],
  },
  {
    name: 'haproxy', program: HAPROXY, version: haproxyVersion,
    features: [
      (b) => hap.roundRobin(b, [1, 1, 1]), (b) => hap.roundRobin(b, [5, 1, 2]), (b) => hap.roundRobin(b, [3, 7, 1, 2]),
      hap.source, hap.leastconnHeld, (b) => hap.cookieInsert(b, true), (b) => hap.cookieInsert(b, false),
      hapFail.retries, hapFail.diesAfterSend, hapFail.healthChecks,
    ],
  },
  {
    name: 'redis', program: REDIS_SERVER, version: redisVersion,
    features: [
      async (b) => {
        const stream = await recordSessionStream(3, 60, 15, 0.1);
        return (await replaySessionStream(b, stream, '60 users, 15 s, SESSION_LIFETIME 6 s')).results;
      },
      ttlRounding, expiryBoundary, adapterChecks, cacheClearFlushdb, selectPerConnection, authSelectPerConnection,
      ...(['noeviction', 'allkeys-lru', 'volatile-lru', 'volatile-ttl', 'allkeys-random', 'allkeys-lfu'] as const)
        .map((p): Feature => (b) => evictionUnder(b, p, EVICTION_MAXMEMORY)),
    ],
  },
];
