/**
 * The `file` driver: `storage/framework/sessions/<id>` on one node's own disk
 * (Illuminate\Session\FileSessionHandler). Each node has its own directory, which is the
 * whole problem this simulator teaches.
 */
import type { SessionStore } from './store';

/** One session file. */
export interface SessionFile {
  data: string;
  /** Virtual ms of the last write (the file's mtime). */
  mtime: number;
}

export class FileSessionDir implements SessionStore {
  /** Ordered by mtime, oldest first (a write moves its file to the end), so the GC sweep stops at the first young file. */
  readonly files = new Map<string, SessionFile>();

  constructor(private readonly lifetimeMs: number) {}

  /** FileSessionHandler::read ignores a file last modified before now − lifetime. */
  read(id: string, req: { now: number }): string | null {
    const f = this.files.get(id);
    return f && f.mtime >= req.now - this.lifetimeMs ? f.data : null;
  }

  write(id: string, data: string, req: { now: number }): void {
    this.files.delete(id);
    this.files.set(id, { data, mtime: req.now });
  }

  destroy(id: string): void {
    this.files.delete(id);
  }

  /** The GC lottery's sweep: delete files older than the lifetime. Returns how many went. */
  gc(now: number): number {
    let n = 0;
    for (const [id, f] of this.files) {
      if (f.mtime >= now - this.lifetimeMs) break; // every later file is younger
      this.files.delete(id);
      n++;
    }
    return n;
  }

  /** The node was replaced by a fresh instance: its disk is gone. */
  wipe(): void {
    this.files.clear();
  }
}
