/**
 * A short wall-clock timeline for failure features: requests every `everyMs`, and backends
 * changing state at given offsets. nginx counts `fail_timeout` in whole seconds of its cached
 * clock, so requests are only sent in the middle of a second (150–800 ms past it) where a few
 * milliseconds of processing cannot move them into the next second; the simulator is given
 * the same wall-clock instant as its `now`.
 */
import type { BackendState } from './backends';
import type { LbPair, LbRequest } from './lbPair';
import { midSecond } from './lbPair';
import { sleep } from './proc';

export interface TimelineEvent {
  atMs: number;
  node: string;
  state: BackendState;
}

export interface Timeline {
  durationMs: number;
  everyMs: number;
  events: TimelineEvent[];
  /** The i-th request. */
  request: (i: number) => LbRequest;
}

export async function runTimeline(pair: LbPair, t: Timeline): Promise<number> {
  await midSecond();
  const start = Date.now();
  const events = [...t.events].sort((a, b) => a.atMs - b.atMs);
  let i = 0;
  while (Date.now() - start < t.durationMs) {
    const elapsed = Date.now() - start;
    while (events.length > 0 && events[0]!.atMs <= elapsed) {
      const e = events.shift()!;
      await pair.set(e.node, e.state);
    }
    await midSecond();
    await pair.request(t.request(i), `#${i} at +${Date.now() - start} ms`);
    i++;
    const wait = start + i * t.everyMs - Date.now();
    if (wait > 0) await sleep(wait);
  }
  return i;
}
