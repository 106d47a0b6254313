/**
 * A throwaway redis-server on a free loopback port: no persistence, no protected mode, its own
 * temporary directory; and an ioredis client to it that sends nothing on its own (no ready-check
 * INFO, no CLIENT SETNAME), so the server's counters hold only what the oracle sent.
 */
import { Redis } from 'ioredis';
import { freePort, removeDir, runOnce, startDaemon, tempDir, type Daemon } from '../proc';

export interface RunningRedis {
  port: number;
  daemon: Daemon;
  /** A fresh client connection (closed by {@link stop}); `password` for a server run with `--requirepass`. */
  client(password?: string): Promise<Redis>;
  stop(): Promise<void>;
}

export async function startRedis(binary: string, extraArgs: string[] = []): Promise<RunningRedis> {
  const dir = tempDir('redis');
  const port = await freePort();
  const args = [
    '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
    '--protected-mode', 'no', '--dir', dir, '--daemonize', 'no', '--loglevel', 'warning', ...extraArgs,
  ];
  const daemon = await startDaemon(binary, args, port);
  const clients: Redis[] = [];
  return {
    port, daemon,
    async client(password?: string) {
      const c = new Redis({
        host: '127.0.0.1', port, enableReadyCheck: false, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null,
        ...(password !== undefined && { password }),
      });
      await c.connect();
      clients.push(c);
      return c;
    },
    async stop() {
      for (const c of clients) c.disconnect();
      await daemon.stop();
      removeDir(dir);
    },
  };
}

/** `redis-server --version` → `7.0.15`. */
export async function redisVersion(binary: string): Promise<string> {
  const r = await runOnce(binary, ['--version']);
  return /v=(\S+)/.exec(r.output)?.[1] ?? 'unknown';
}

/** TIME's reply → epoch ms with microseconds as the fraction. */
export function timeMs(reply: unknown): number {
  const [sec, usec] = reply as [string, string];
  return Number(sec) * 1000 + Number(usec) / 1000;
}
