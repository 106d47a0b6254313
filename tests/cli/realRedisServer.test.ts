/**
 * Real-Redis mode against a real redis-server on a free loopback port (issue 14, Medium 5):
 * a database the server refuses, a wrong password, a server that stops mid-run.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RealRedis, RealRedisError } from '../../src/cli/realRedis';
import { findBinary } from '../../src/oracles/proc';
import { startRedis, type RunningRedis } from '../../src/oracles/redis/server';

const binary = findBinary('redis-server');

/** `node --import tsx src/cli/sim.ts …` (one process: signals and exit codes are the CLI's own). */
function sim(args: string[], onStderr?: (text: string) => void): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
  child.stderr.on('data', (b: Buffer) => {
    stderr += b.toString();
    onStderr?.(stderr);
  });
  return new Promise((resolve) => child.once('close', (status) => resolve({ status, stdout, stderr })));
}

describe.skipIf(binary === null)('real-Redis mode against redis-server', () => {
  let plain: RunningRedis;
  let locked: RunningRedis;
  beforeAll(async () => {
    plain = await startRedis(binary!);
    locked = await startRedis(binary!, ['--requirepass', 'right-password']);
  }, 30_000);
  afterAll(async () => {
    await plain?.stop();
    await locked?.stop();
  });

  it('a database the server does not have: SELECT refused, exit 2, nothing written to db 0', async () => {
    for (const db of [16, 99]) {
      const err = await RealRedis.open({ url: `redis://127.0.0.1:${plain.port}/${db}` }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RealRedisError);
      expect((err as RealRedisError).exitCode).toBe(2);
      expect((err as Error).message).toBe(`Redis at 127.0.0.1:${plain.port} refused database ${db}: ERR DB index is out of range; this server has 16 (0–15)`);
    }
    const r = await sim(['--driver', 'redis', '--users', '3', '--duration', '2', '--redis-url', `redis://127.0.0.1:${plain.port}/99`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`sim: Redis at 127.0.0.1:${plain.port} refused database 99: ERR DB index is out of range; this server has 16 (0–15)\n`);
    const c = await plain.client();
    expect(await c.dbsize()).toBe(0);
  }, 60_000);

  it('a password given to a server that has none: refused in one line, exit 2 (no raw ioredis warning)', async () => {
    const err = await RealRedis.open({ url: `redis://:some-password@127.0.0.1:${plain.port}/0` }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RealRedisError);
    expect((err as RealRedisError).exitCode).toBe(2);
    const r = await sim(['--driver', 'redis', '--users', '3', '--duration', '2', '--redis-url', `redis://:some-password@127.0.0.1:${plain.port}`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`sim: Redis at 127.0.0.1:${plain.port} has no password set, but the URL gives one (AUTH fails there): remove it (redis://127.0.0.1:${plain.port}) or point at the server that needs it\n`);
    // The server that needs the password still takes it.
    const ok = await RealRedis.open({ url: `redis://:right-password@127.0.0.1:${locked.port}/0` });
    ok.close();
  }, 60_000);

  it('a database the server has is the one written to', async () => {
    const real = await RealRedis.open({ url: `redis://127.0.0.1:${plain.port}/7` });
    await real.setex('k', 60, 'v');
    real.close();
    const c = await plain.client();
    await c.select(7);
    expect(await c.get('k')).toBe('v');
    await c.select(0);
    expect(await c.get('k')).toBeNull();
    await c.flushall();
  });

  it('a wrong or missing password reads "authentication failed", not "cannot reach"', async () => {
    for (const url of [`redis://:wrong@127.0.0.1:${locked.port}/0`, `redis://127.0.0.1:${locked.port}`]) {
      const err = await RealRedis.open({ url }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RealRedisError);
      expect((err as RealRedisError).exitCode).toBe(2);
      expect((err as Error).message).toMatch(new RegExp(`^authentication failed at 127\\.0\\.0\\.1:${locked.port}: (WRONGPASS|NOAUTH) `));
    }
    const ok = await RealRedis.open({ url: `redis://:right-password@127.0.0.1:${locked.port}/1` });
    expect(ok.address).toBe(`redis://127.0.0.1:${locked.port}/1`); // no password in what is printed
    ok.close();
  });

  it('a Redis that stops mid-run: one line, the run ends and the process exits', async () => {
    const victim = await startRedis(binary!);
    let stopping: Promise<void> | null = null;
    const r = await sim(['--driver', 'redis', '--users', '5', '--duration', '3', '--redis-url', `redis://127.0.0.1:${victim.port}/1`], (err) => {
      if (stopping === null && err.includes('running at 1×')) stopping = victim.stop();
    });
    await stopping;
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toMatch(/\nsim: the real Redis stopped answering \([^\n]+\): its figures below are from the last INFO it gave\n$/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Session Cluster Lab — 2 nodes, SESSION_DRIVER=redis/);
  }, 60_000);
});
