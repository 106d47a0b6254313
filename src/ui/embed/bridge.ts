/**
 * The lab's side of the embedding protocol (docs/embedding.md), when the page is in an iframe:
 * `ready` once the cluster is built, then `state` through a StatePoster (at most 5 a second,
 * only on change); commands posted by the host go to the runner exactly as the buttons would.
 * Messages are data: a bad one is ignored with a console warning, never evaluated.
 */
import type { FaultAction } from '../../sim/types';
import { RUN_PARAM } from '../../run/runFormat';
import { parseEmbedMessage, SOURCE, StatePoster, type EmbedCommand, type OutgoingMessage } from './protocol';

/** What the bridge needs of the runner (SimRunner has all of it). */
export interface EmbedTarget {
  readonly playing: boolean;
  readonly view: { now: number; nodes: readonly unknown[]; totals: { logouts: number; requests: number } } | null;
  play(): void;
  pause(): void;
  seekTo(ms: number): void;
  fault(action: FaultAction): void;
  onFrame(hook: (now: number, dt: number) => void): () => void;
}

export interface EmbedWindow {
  post(m: OutgoingMessage): void;
  /** Where the page is (for `link`), and how to go somewhere else in it. */
  href(): string;
  go(pathAndQuery: string): void;
  warn(message: string): void;
}

/**
 * The page a run link opens here: this page's path with the link's query (and `embed`), or a
 * reason it is not a run link. Never another origin or path: only the query is taken.
 */
export function linkTarget(url: string, here: string): { ok: true; path: string } | { ok: false; warning: string } {
  let u: URL;
  try {
    u = new URL(url, here);
  } catch {
    return { ok: false, warning: 'link: "url" is not a URL' };
  }
  if (!u.searchParams.has(RUN_PARAM)) return { ok: false, warning: `link: not a run link (no "${RUN_PARAM}" parameter)` };
  const q = u.search.replace(/^\?/, '').split('&').filter((p) => p !== '' && p.split('=', 1)[0] !== 'embed');
  q.push('embed');
  return { ok: true, path: `${new URL(here).pathname}?${q.join('&')}` };
}

/** Start listening and posting; returns the function that stops both. */
export function startEmbedBridge(runner: EmbedTarget, win: EmbedWindow, listen: (h: (data: unknown) => void) => () => void, clock: () => number = () => performance.now()): () => void {
  const poster = new StatePoster(win.post);
  let ready = false;
  const offFrame = runner.onFrame(() => {
    const v = runner.view;
    if (!v) return;
    if (!ready) {
      ready = true;
      win.post({ source: SOURCE, type: 'ready' });
    }
    poster.offer(clock(), { t: Math.round(v.now / 100) / 10, playing: runner.playing, logouts: v.totals.logouts, requests: v.totals.requests });
  });
  const offMessage = listen((data) => {
    const parsed = parseEmbedMessage(data, runner.view?.nodes.length ?? 8);
    if (parsed === null) return;
    if (!parsed.ok) {
      win.warn(`Session Cluster Lab: ignored a message from the host page — ${parsed.warning}`);
      return;
    }
    run(parsed.command);
  });

  function run(c: EmbedCommand): void {
    switch (c.type) {
      case 'play': runner.play(); break;
      case 'pause': runner.pause(); break;
      case 'seek': runner.seekTo(c.t * 1000); break;
      case 'fault': runner.fault(c.action); break;
      case 'link': {
        const target = linkTarget(c.url, win.href());
        if (target.ok) win.go(target.path);
        else win.warn(`Session Cluster Lab: ignored a message from the host page — ${target.warning}`);
        break;
      }
    }
  }

  return () => {
    offFrame();
    offMessage();
  };
}

/** The bridge in a real iframe: posts to window.parent, listens to window messages. */
export function startInFrame(runner: EmbedTarget): () => void {
  if (window.parent === window) return () => {};
  const parent = window.parent;
  return startEmbedBridge(
    runner,
    {
      // The messages carry nothing private (docs/embedding.md): any host may read them.
      post: (m) => parent.postMessage(m, '*'),
      href: () => location.href,
      go: (path) => location.assign(path),
      warn: (m) => console.warn(m),
    },
    (h) => {
      const onMessage = (e: MessageEvent) => h(e.data);
      window.addEventListener('message', onMessage);
      return () => window.removeEventListener('message', onMessage);
    },
  );
}
