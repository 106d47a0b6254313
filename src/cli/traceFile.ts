/**
 * `--trace FILE`: one JSON line per finished request, written as the run goes — not held in
 * memory. The file is opened before the run starts (a missing directory, a directory, a
 * read-only place fail at once); lines are collected into chunks of {@link CHUNK} characters
 * and written synchronously (the engine runs in long synchronous stretches, so an asynchronous
 * stream would queue everything in memory until the end). The first line is written at once,
 * so a device that takes nothing (`/dev/full`) fails on the first request. After a write error
 * the writer keeps the error and ignores further lines: the caller stops the run.
 */
import { closeSync, fstatSync, openSync, writeSync } from 'node:fs';

/** Characters collected before a write (64 KiB: about 300 trace lines). */
export const CHUNK = 64 * 1024;

export class TraceFile {
  private buffer: string[] = [];
  private size = 0;
  private written = 0;
  private fd: number | null;
  /** The first write error (the run should stop), or null. */
  error: string | null = null;
  /** Lines accepted so far (all on disk after {@link flush}). */
  lines = 0;

  private constructor(readonly path: string, fd: number) {
    this.fd = fd;
  }

  /** Open (create or truncate) `path` for writing; a message saying why not. */
  static open(path: string): TraceFile | string {
    let fd: number;
    try {
      fd = openSync(path, 'w');
    } catch (e) {
      return `--trace ${path}: cannot write there: ${reason(e)}`;
    }
    try {
      if (fstatSync(fd).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    } catch (e) {
      closeSync(fd);
      return `--trace ${path}: cannot write there: ${reason(e)}`;
    }
    return new TraceFile(path, fd);
  }

  /** Add one line (without its newline). */
  write(line: string): void {
    if (this.error !== null || this.fd === null) return;
    this.buffer.push(line, '\n');
    this.size += line.length + 1;
    this.lines++;
    if (this.size >= CHUNK || this.written === 0) this.flush();
  }

  /** Write what is collected. Returns false (and keeps {@link error}) if the file refused it. */
  flush(): boolean {
    if (this.error !== null || this.fd === null || this.size === 0) return this.error === null;
    const data = Buffer.from(this.buffer.join(''), 'utf8');
    this.buffer = [];
    this.size = 0;
    try {
      for (let off = 0; off < data.length;) off += writeSync(this.fd, data, off, data.length - off);
      this.written += data.length;
    } catch (e) {
      this.error = `--trace ${this.path}: writing failed: ${reason(e)}`;
      return false;
    }
    return true;
  }

  /** Flush and close. Returns the error, if any write failed. */
  close(): string | null {
    this.flush();
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch (e) {
        this.error ??= `--trace ${this.path}: closing failed: ${reason(e)}`;
      }
      this.fd = null;
    }
    return this.error;
  }
}

/** `ENOSPC: no space left on device` → `no space left on device (ENOSPC)`. */
function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const text = (err.message ?? String(e)).replace(/^[A-Z]+: /, '').replace(/, (open|write|close)( '.*')?$/, '');
  return err.code ? `${text} (${err.code})` : text;
}
