/**
 * The event feed: what happened to the cluster, in words ("node-2 crashed").
 */
import type { FeedItem, World } from './world';

export function feed(w: World, kind: FeedItem['kind'], text: string): void {
  const item: FeedItem = { t: w.now, kind, text };
  w.feed.push(item);
  if (w.feed.length > 500) w.feed.shift();
  w.listeners.onFeed?.(item);
}
