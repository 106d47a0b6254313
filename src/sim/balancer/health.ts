/**
 * The balancer's health view, a plain function of its peers. The per-request decision (which
 * peer, or "no live upstreams" → 502/503) is the balancer's own algorithm in `Upstream`
 * (nginx's max_fails/fail_timeout, HAProxy's checks): this only summarises it for the stage,
 * at the moment it is asked. It was an XState machine fed once a second; that decided nothing
 * and lagged up to a second behind the peers it summarised.
 */
import type { PeerView } from './types';

export type BalancerHealth = 'allLive' | 'degraded' | 'noLiveUpstreams';

/** Every peer skipped (temporarily failed or configured `down`): no live upstreams. */
export function balancerHealth(peers: readonly Pick<PeerView, 'unavailable' | 'down'>[]): BalancerHealth {
  let skipped = 0;
  for (const p of peers) if (p.unavailable || p.down) skipped++;
  if (peers.length > 0 && skipped === peers.length) return 'noLiveUpstreams';
  return skipped > 0 ? 'degraded' : 'allLive';
}
