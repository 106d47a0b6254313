/**
 * `npm run bench`: what the simulation costs, measured against the store it drives.
 * Prints simulated requests per second for the file and redis drivers (1,000 users, 10
 * virtual minutes), the raw floor of ioredis-mock (GET+SETEX pairs per second) measured in
 * the same run, and how cost grows with users × duration.
 */
import RedisMock from 'ioredis-mock';
import { Simulation } from '../sim/simulation';
import { defaultSettings } from '../sim/settings';
import type { SessionDriver } from '../sim/types';

async function rawPairsPerSec(pairs: number): Promise<number> {
  const redis = new RedisMock({ port: 16_379 });
  const value = 's:247:"' + 'x'.repeat(247) + '";';
  for (let i = 0; i < 2_000; i++) await redis.setex(`warm${i % 100}`, 7200, value); // JIT warm-up
  const t0 = performance.now();
  for (let i = 0; i < pairs; i++) {
    const key = `laravel_database_laravel_cache_${i % 1000}`;
    await redis.get(key);
    await redis.setex(key, 7200, value);
  }
  const sec = (performance.now() - t0) / 1000;
  redis.disconnect();
  return pairs / sec;
}

async function simRun(driver: SessionDriver, users: number, durationSec: number): Promise<{ requests: number; sec: number }> {
  const s = defaultSettings();
  s.session.driver = driver;
  s.users = users;
  s.durationSec = durationSec;
  const sim = await Simulation.create(s, { traceLimit: 0 });
  const t0 = performance.now();
  await sim.run();
  return { requests: sim.world.metrics.requests, sec: (performance.now() - t0) / 1000 };
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  await simRun('redis', 200, 60); // warm-up: JIT and the mock's module load
  const file = await simRun('file', 1000, 600);
  const redis = await simRun('redis', 1000, 600);
  const raw = await rawPairsPerSec(200_000);
  const fileRate = file.requests / file.sec;
  const redisRate = redis.requests / redis.sec;
  console.log(`file-driver sim: ${fmt(fileRate)} requests/s (${fmt(file.requests)} requests in ${file.sec.toFixed(2)} s)`);
  console.log(`redis-driver sim: ${fmt(redisRate)} requests/s (${fmt(redis.requests)} requests in ${redis.sec.toFixed(2)} s)`);
  console.log(`ioredis-mock raw floor: ${fmt(raw)} GET+SETEX pairs/s`);
  console.log('scaling (redis driver, µs per simulated request):');
  for (const [users, dur] of [[250, 600], [500, 600], [1000, 300], [2000, 600]] as const) {
    const r = await simRun('redis', users, dur);
    console.log(`  ${String(users).padStart(5)} users × ${dur} s: ${fmt(r.requests).padStart(8)} requests, ${(r.sec * 1e6 / r.requests).toFixed(2)} µs/request, ${r.sec.toFixed(2)} s`);
  }
  console.log(`redis-driver sim/raw ratio: ${(redisRate / raw).toFixed(2)}`);
}

await main();
