/**
 * A real HAProxy on loopback around a `backend` printed by the simulator's config printer
 * (src/config/haproxyPrint.ts), pasted verbatim. One thread (`nbthread 1`), the client address
 * taken from X-Forwarded-For (`http-request set-src`, like nginx's realip), and an admin socket
 * to put servers in maintenance and read their state (`show stat`).
 */
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { printHaproxyBackend } from '../../config/haproxyPrint';
import type { BalancerSettings, NodeSpec } from '../../sim/types';
import { freePort, removeDir, runOnce, startDaemon, tempDir, type Daemon } from '../proc';

export const BACKEND_NAME = 'laravel_cluster';

/**
 * `timeout connect`: also HAProxy's pause before retrying the same server after a refused
 * connection (min(1 s, timeout connect)), kept short so retries do not slow the run.
 */
export const CONNECT_TIMEOUT_MS = 100;

export function haproxyCfg(backend: string, dir: string, port: number): string {
  return `# Written by the oracle harness (src/oracles/haproxy/server.ts). The backend section is
# printHaproxyBackend()'s output, unchanged.
global
    nbthread 1
    stats socket ${dir}/admin.sock mode 600 level admin

defaults
    mode http
    timeout connect ${CONNECT_TIMEOUT_MS}ms
    timeout client 10s
    timeout server 10s

frontend fe
    bind 127.0.0.1:${port}
    # Each simulated client's address, as the balancer sees it (balance source hashes it).
    http-request set-src hdr(x-forwarded-for)
    default_backend ${BACKEND_NAME}

${backend.trimEnd()}
`;
}

export interface RunningHaproxy {
  port: number;
  dir: string;
  cfg: string;
  daemon: Daemon;
  /** Send one runtime API command, return its answer. */
  admin(command: string): Promise<string>;
  stop(): Promise<void>;
}

function adminCommand(sock: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = connect(sock);
    let out = '';
    c.on('data', (b: Buffer) => { out += b.toString(); });
    c.on('end', () => resolve(out));
    c.on('error', reject);
    c.write(command + '\n');
  });
}

export async function startHaproxy(binary: string, balancer: BalancerSettings, nodes: NodeSpec[]): Promise<RunningHaproxy> {
  const dir = tempDir('haproxy');
  const port = await freePort();
  const cfg = haproxyCfg(printHaproxyBackend(balancer, nodes, BACKEND_NAME), dir, port);
  const path = join(dir, 'haproxy.cfg');
  writeFileSync(path, cfg);
  const check = await runOnce(binary, ['-c', '-f', path]);
  if (check.code !== 0) {
    removeDir(dir);
    throw new Error(`haproxy -c rejected the configuration:\n${check.output}\n${cfg}`);
  }
  const daemon = await startDaemon(binary, ['-db', '-f', path], port);
  const sock = join(dir, 'admin.sock');
  return {
    port, dir, cfg, daemon,
    admin: (command) => adminCommand(sock, command),
    async stop() {
      await daemon.stop();
      removeDir(dir);
    },
  };
}

/** One server's row of `show stat`, by CSV column name. */
export type StatRow = Record<string, string>;

/** `show stat` → rows of this backend's servers, keyed by server name. */
export async function serverStats(h: RunningHaproxy): Promise<Map<string, StatRow>> {
  const text = await h.admin('show stat');
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').replace(/^# /, '').split(',');
  const out = new Map<string, StatRow>();
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const row: StatRow = {};
    header.forEach((h2, i) => { row[h2] = cells[i] ?? ''; });
    if (row.pxname === BACKEND_NAME && row.svname !== 'BACKEND') out.set(row.svname!, row);
  }
  return out;
}

/** `haproxy -v` → `2.6.12-1+deb12u4`. */
export async function haproxyVersion(binary: string): Promise<string> {
  const r = await runOnce(binary, ['-v']);
  return /version (\S+)/i.exec(r.output)?.[1] ?? 'unknown';
}
