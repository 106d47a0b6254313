/**
 * A real nginx on loopback around an `upstream` block printed by the simulator's own config
 * printer (src/config/nginxPrint.ts), pasted verbatim. One process (`master_process off`, one
 * worker's worth of state, no shared zone), so round-robin state is exactly one peer table.
 * The client address comes from X-Forwarded-For through the realip module.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printNginxUpstream } from '../../config/nginxPrint';
import type { BalancerSettings, NodeSpec } from '../../sim/types';
import { freePort, runOnce, startDaemon, tempDir, removeDir, type Daemon } from '../proc';

/** The upstream name the printer writes and proxy_pass refers to. */
export const UPSTREAM_NAME = 'laravel_cluster';

/** The whole nginx.conf around the printed upstream block. */
export function nginxConf(upstreamBlock: string, dir: string, port: number): string {
  const indented = upstreamBlock.trimEnd().split('\n').map((l) => `  ${l}`).join('\n');
  return `# Written by the oracle harness (src/oracles/nginx/server.ts). The upstream block is
# printNginxUpstream()'s output, unchanged.
daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log info;
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;

  # Each simulated client's address, as the balancer sees it.
  set_real_ip_from 127.0.0.1;
  real_ip_header X-Forwarded-For;

  proxy_connect_timeout 2s;
  proxy_read_timeout 5s;

${indented}

  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://${UPSTREAM_NAME};
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

export interface RunningNginx {
  port: number;
  dir: string;
  conf: string;
  daemon: Daemon;
  stop(): Promise<void>;
}

/** Start nginx with the printer's block for these settings and server lines. */
export async function startNginx(binary: string, balancer: BalancerSettings, nodes: NodeSpec[]): Promise<RunningNginx> {
  const dir = tempDir('nginx');
  const port = await freePort();
  const conf = nginxConf(printNginxUpstream(balancer, nodes, UPSTREAM_NAME), dir, port);
  const path = join(dir, 'nginx.conf');
  writeFileSync(path, conf);
  const daemon = await startDaemon(binary, ['-p', dir, '-c', path, '-e', join(dir, 'error.log')], port);
  return {
    port, dir, conf, daemon,
    async stop() {
      await daemon.stop();
      removeDir(dir);
    },
  };
}

/** `nginx -t` on the printer's block: whether this nginx accepts it, and what it said. */
export async function testNginxConf(binary: string, balancer: BalancerSettings, nodes: NodeSpec[]): Promise<{ ok: boolean; output: string }> {
  const dir = tempDir('nginx-t');
  const port = await freePort();
  const path = join(dir, 'nginx.conf');
  writeFileSync(path, nginxConf(printNginxUpstream(balancer, nodes, UPSTREAM_NAME), dir, port));
  const r = await runOnce(binary, ['-t', '-p', dir, '-c', path, '-e', join(dir, 'error.log')]);
  removeDir(dir);
  return { ok: r.code === 0, output: r.output.trim() };
}

/** `nginx -v` → `1.22.1`. */
export async function nginxVersion(binary: string): Promise<string> {
  const r = await runOnce(binary, ['-v']);
  return /nginx\/(\S+)/.exec(r.output)?.[1] ?? 'unknown';
}
