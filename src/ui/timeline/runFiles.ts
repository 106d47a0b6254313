/**
 * The browser side of run files and traces: download a text as a file, read a dropped or
 * chosen file (bounded), and the NDJSON trace of a run from 0 to a moment.
 */
import { replayTo } from '../../run/replay';
import type { RunAt } from '../../run/link';
import { MAX_RUN_FILE_BYTES } from '../../run/runFormat';
import { traceLine } from '../../sim/trace';

export function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file's text, refused past the size a run file can have. */
export async function readRunFile(file: File): Promise<{ text: string } | { error: string }> {
  if (file.size > MAX_RUN_FILE_BYTES) return { error: `${file.name}: ${file.size} bytes; a run file is at most ${MAX_RUN_FILE_BYTES}` };
  return { text: await file.text() };
}

/** Every request from 0 to the moment, one JSON line each (as `npm run sim -- --trace` writes). */
export async function traceText(r: RunAt, onProgress: (share: number) => void): Promise<string> {
  const lines: string[] = [];
  const sim = await replayTo(r.run, r.atMs, {
    traceLimit: 0,
    listeners: { onRecord: (rec) => { lines.push(traceLine(rec)); } },
    sliceMs: 10_000,
    pause: async (t) => {
      onProgress(r.atMs > 0 ? t / r.atMs : 1);
      await new Promise((done) => requestAnimationFrame(() => done(null)));
    },
  });
  sim?.dispose();
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** `session-cluster-lab-09-02-00.json`: the moment in the name. */
export function fileStamp(clockText: string): string {
  return clockText.replace(/:/g, '-');
}
