/**
 * The compare view's runs, off the page's main thread: each set-up is a whole simulation
 * (seconds at 10,000 users) that cannot be interrupted, so in the page it froze everything. The
 * worker runs the same loop (`runRequest`: the course's set-ups, or a fork's two runs) and posts
 * its progress; the page stays responsive and cancelling terminates the worker at once.
 */
import type { CompareRow } from '../../sim/compare';
import type { CompareProgress } from './compareTable';
import { runRequest, type CompareRequest } from './compareRequest';

export type { CompareRequest } from './compareRequest';

export type CompareReply =
  | { kind: 'progress'; progress: CompareProgress }
  | { kind: 'done'; rows: CompareRow[] }
  | { kind: 'error'; message: string };

// ioredis-mock's browser build reads `window.queueMicrotask` (loaded lazily, after this line): in a
// worker the global object is `self`, which has queueMicrotask too.
(self as unknown as { window?: unknown }).window ??= self;

const scope = self as unknown as { onmessage: ((e: MessageEvent<CompareRequest>) => void) | null; postMessage(m: CompareReply): void };

scope.onmessage = (e) => {
  runRequest(e.data, {
    yieldToBrowser: () => Promise.resolve(),
    cancelled: () => false,
    onProgress: (progress) => scope.postMessage({ kind: 'progress', progress }),
  }).then(
    (rows) => scope.postMessage({ kind: 'done', rows: rows ?? [] }),
    (err: unknown) => scope.postMessage({ kind: 'error', message: err instanceof Error ? err.message : String(err) }),
  );
};
