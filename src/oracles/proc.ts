/**
 * Process plumbing for the oracles: find a binary (or say which Debian package has it), pick a
 * free loopback port, start a daemon in the foreground, wait until it listens, and make sure
 * every process and temporary directory is gone when the run ends, however it ends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** A program an oracle needs and the Debian package that provides it (also in .ci/apt-packages). */
export interface Program {
  binary: string;
  debianPackage: string;
}

export const NGINX: Program = { binary: 'nginx', debianPackage: 'nginx-light' };
export const HAPROXY: Program = { binary: 'haproxy', debianPackage: 'haproxy' };
export const REDIS_SERVER: Program = { binary: 'redis-server', debianPackage: 'redis-server' };

/** Daemons live in sbin, which a non-root PATH often lacks. */
const EXTRA_DIRS = ['/usr/sbin', '/usr/local/sbin', '/sbin'];

/** The absolute path of `binary` on PATH (or an sbin directory), or null. */
export function findBinary(binary: string): string | null {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), ...EXTRA_DIRS];
  for (const dir of dirs) {
    const p = join(dir, binary);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return null;
}

/** The message printed for a missing program. */
export function missingMessage(p: Program): string {
  return `${p.binary} not found: install the Debian package "${p.debianPackage}" (apt-get install -y ${p.debianPackage})`;
}

const children = new Set<ChildProcess>();
const dirs = new Set<string>();
let hooked = false;

/** Stop every daemon we started and remove our temporary directories (idempotent, synchronous). */
export function cleanupAll(): void {
  for (const c of children) {
    if (c.exitCode === null && c.signalCode === null) {
      try {
        c.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  children.clear();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs.clear();
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', cleanupAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      cleanupAll();
      process.exit(130);
    });
  }
}

/** A fresh temporary directory, removed at exit. */
export function tempDir(prefix: string): string {
  hookExit();
  const d = mkdtempSync(join(tmpdir(), `oracle-${prefix}-`));
  dirs.add(d);
  return d;
}

/** Remove a temporary directory now. */
export function removeDir(d: string): void {
  rmSync(d, { recursive: true, force: true });
  dirs.delete(d);
}

/** A port the kernel just gave out on 127.0.0.1 (random, free at the time of asking). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** `n` distinct free ports. */
export async function freePorts(n: number): Promise<number[]> {
  const out = new Set<number>();
  while (out.size < n) out.add(await freePort());
  return [...out];
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolve true once something accepts TCP connections on 127.0.0.1:port. */
function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** A daemon we started, with its captured output. */
export interface Daemon {
  proc: ChildProcess;
  /** stdout + stderr so far (for error messages). */
  output(): string;
  /** Stop it (SIGTERM, then SIGKILL after 2 s) and wait for it to exit. */
  stop(): Promise<void>;
}

/**
 * Start `path args` in the foreground and wait until `port` accepts connections (at most
 * `timeoutMs`). Rejects with the daemon's own output if it exits or never listens.
 */
export async function startDaemon(path: string, args: string[], port: number, timeoutMs = 10_000): Promise<Daemon> {
  hookExit();
  const proc = spawn(path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(proc);
  let out = '';
  proc.stdout?.on('data', (b: Buffer) => { out += b.toString(); });
  proc.stderr?.on('data', (b: Buffer) => { out += b.toString(); });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const daemon: Daemon = {
    proc,
    output: () => out,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        const t = setTimeout(() => proc.kill('SIGKILL'), 2000);
        await exited;
        clearTimeout(t);
      }
      children.delete(proc);
    },
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null) {
      children.delete(proc);
      throw new Error(`${path} exited (${proc.exitCode ?? proc.signalCode}) before listening on ${port}:\n${out}`);
    }
    if (await canConnect(port)) return daemon;
    if (Date.now() > deadline) {
      await daemon.stop();
      throw new Error(`${path} did not listen on 127.0.0.1:${port} within ${timeoutMs} ms:\n${out}`);
    }
    await sleep(20);
  }
}

/** Run a program to completion, returning its exit code and output. */
export function runOnce(path: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(path, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (b: Buffer) => { out += b.toString(); });
    p.stderr.on('data', (b: Buffer) => { out += b.toString(); });
    p.on('error', reject);
    p.on('close', (code) => resolve({ code: code ?? -1, output: out }));
  });
}
