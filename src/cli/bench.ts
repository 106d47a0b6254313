/**
 * `npm run bench`: what the simulation costs, measured against the store it drives.
 * Prints simulated requests per second for the file and redis drivers (1,000 users, 10
 * virtual minutes), the raw floor of ioredis-mock (GET+SETEX pairs per second) measured in
 * the same run, how cost grows with users × duration, and the peak memory (RSS) of a
 * 10,000-user redis run in a child process.
 *
 * Rates are the best of {@link TRIES} runs each: on a shared machine a slow run measures the
 * neighbours, not the engine. The ratio divides the two best rates, as before; the redis runs and
 * the raw floor's runs alternate, so a slow stretch of the machine slows both sides, not one.
 *
 * Memory: by default the child runs 10,000 users for 900 virtual seconds (a quarter of the
 * issue's hour, to keep the bench near 3 minutes); `npm run bench -- --full-memory` runs the
 * whole `--users 10000 --duration 3600 --driver redis`.
 *
 * The timeline (docs/runs.md, "Checkpoints"): `seek ms`, the time to show 290 s of a 1,000-user,
 * 600 s redis run played to its end; what a checkpoint costs to take (`checkpoint ms`) and to
 * hold (`checkpoint KB`); and how much taking one every 60 s slows playing (`play overhead %`).
 * `npm run bench -- --timeline` prints only these.
 */
import { CHECKPOINT_INTERVAL_MS, RunCheckpoints } from '../run/checkpoints';
import { advance, replayTo } from '../run/replay';
import { newRun, type RunLog } from '../run/runLog';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import RedisMock from 'ioredis-mock';
import { Simulation } from '../sim/simulation';
import { defaultSettings } from '../sim/settings';
import { summarize } from '../sim/summary';
import type { SessionDriver } from '../sim/types';

const TRIES = 3;
/** Plays with and without checkpoints, alternating: their difference is small beside a loaded machine's noise. */
const PLAY_TRIES = 5;
const MEMORY_CHILD = '--memory-child';

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

interface SimRun { requests: number; sec: number }

async function simRun(driver: SessionDriver, users: number, durationSec: number): Promise<SimRun> {
  const s = defaultSettings();
  s.session.driver = driver;
  s.users = users;
  s.durationSec = durationSec;
  const sim = await Simulation.create(s, { traceLimit: 0 });
  const t0 = performance.now();
  await sim.run();
  const sec = (performance.now() - t0) / 1000;
  sim.dispose();
  return { requests: sim.world.metrics.requests, sec };
}

/** The faster of two runs. */
const faster = (best: SimRun | null, r: SimRun): SimRun => (best === null || r.requests / r.sec > best.requests / best.sec ? r : best);

/** The fastest of `TRIES` runs. */
async function bestOf(run: () => Promise<SimRun>): Promise<SimRun> {
  let best: SimRun | null = null;
  for (let i = 0; i < TRIES; i++) best = faster(best, await run());
  return best!;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Child mode: one CLI-like run (`npm run sim -- --users N --duration D --driver redis`), then its peak RSS. */
async function memoryChild(users: number, durationSec: number): Promise<void> {
  const s = defaultSettings();
  s.session.driver = 'redis';
  s.users = users;
  s.durationSec = durationSec;
  const sim = await Simulation.create(s, { traceLimit: 0 });
  const t0 = performance.now();
  await sim.run();
  const sum = summarize(sim);
  const sec = (performance.now() - t0) / 1000;
  // resourceUsage().maxRSS is in kilobytes.
  console.log(JSON.stringify({ requests: sum.requests, sec, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

function memoryRun(users: number, durationSec: number): { requests: number; sec: number; peakRssMb: number } {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [...process.execArgv, self, MEMORY_CHILD, String(users), String(durationSec)], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`memory run failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { requests: number; sec: number; peakRssMb: number };
}

async function main(args: readonly string[]): Promise<void> {
  if (args[0] === MEMORY_CHILD) return memoryChild(Number(args[1]), Number(args[2]));
  await simRun('redis', 200, 60); // warm-up: JIT and the mock's module load
  if (args.includes('--timeline')) return timeline();
  const file = await bestOf(() => simRun('file', 1000, 600));
  let fastest: SimRun | null = null;
  let raw = 0;
  for (let i = 0; i < TRIES; i++) {
    fastest = faster(fastest, await simRun('redis', 1000, 600));
    raw = Math.max(raw, await rawPairsPerSec(200_000));
  }
  const redis = fastest!;
  const fileRate = file.requests / file.sec;
  const redisRate = redis.requests / redis.sec;
  console.log(`file-driver sim: ${fmt(fileRate)} requests/s (${fmt(file.requests)} requests in ${file.sec.toFixed(2)} s, best of ${TRIES})`);
  console.log(`redis-driver sim: ${fmt(redisRate)} requests/s (${fmt(redis.requests)} requests in ${redis.sec.toFixed(2)} s, best of ${TRIES})`);
  console.log(`ioredis-mock raw floor: ${fmt(raw)} GET+SETEX pairs/s (best of ${TRIES})`);
  console.log('scaling (redis driver, µs per simulated request):');
  for (const [users, dur] of [[250, 600], [500, 600], [1000, 300], [2000, 600]] as const) {
    const r = await simRun('redis', users, dur);
    console.log(`  ${String(users).padStart(5)} users × ${dur} s: ${fmt(r.requests).padStart(8)} requests, ${(r.sec * 1e6 / r.requests).toFixed(2)} µs/request, ${r.sec.toFixed(2)} s`);
  }
  const full = args.includes('--full-memory');
  const memDuration = full ? 3600 : 900;
  const mem = memoryRun(10_000, memDuration);
  console.log(`memory (redis driver, 10,000 users × ${memDuration} s${full ? '' : ', a quarter of the 3600 s run; --full-memory for all of it'}): `
    + `peak RSS ${mem.peakRssMb.toFixed(0)} MB, ${fmt(mem.requests)} requests in ${mem.sec.toFixed(1)} s`);
  console.log(`redis-driver sim/raw ratio: ${(redisRate / raw).toFixed(2)}`);
  await timeline();
}

/** The timeline's run: 1,000 users, 600 s, redis driver. */
function timelineRun(): RunLog {
  const settings = defaultSettings();
  settings.session.driver = 'redis';
  settings.users = 1000;
  settings.durationSec = 600;
  return newRun(settings);
}

/** CPU ms this process has used (all its threads: the collector's work counts). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Play the timeline's run to its end (with checkpoints, as the page does, or without). Returns
 * the CPU ms it took (on a loaded machine wall time measures the neighbours too; CPU counts the
 * collector's helper threads as well, so it is the higher figure) and the wall ms.
 */
async function play(run: RunLog, checkpoints: RunCheckpoints | null): Promise<{ ms: number; wall: number; sim: Simulation }> {
  const sim = await Simulation.create(run.settings, { traceLimit: 0 });
  const t0 = cpuMs();
  const w0 = performance.now();
  await advance(sim, run, run.settings.durationSec * 1000, checkpoints ? { checkpoints } : {});
  return { ms: cpuMs() - t0, wall: performance.now() - w0, sim };
}

/** Show the run at `tMs` (from its latest checkpoint before, if `checkpoints`); wall ms. */
async function seekMs(run: RunLog, tMs: number, checkpoints?: RunCheckpoints): Promise<number> {
  const t0 = performance.now();
  const sim = await replayTo(run, tMs, { traceLimit: 0, checkpoints });
  const ms = performance.now() - t0;
  sim?.dispose();
  return ms;
}

/** V8's collector, to weigh checkpoints on the heap (node's --expose-gc, switched on here). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * The timeline (docs/runs.md): the state at 290 s of a 1,000-user, 600 s redis run played to its
 * end, restored from the latest checkpoint before it; what a checkpoint costs to take and to
 * hold; how much taking one every {@link CHECKPOINT_INTERVAL_MS} slows playing.
 */
async function timeline(): Promise<void> {
  const run = timelineRun();
  let plain = Infinity;
  let withCheckpoints = Infinity;
  let plainWall = Infinity;
  let withCheckpointsWall = Infinity;
  let store: RunCheckpoints | null = null;
  let end: Simulation | null = null;
  for (let i = 0; i < PLAY_TRIES; i++) {
    const a = await play(run, null);
    a.sim.dispose();
    plain = Math.min(plain, a.ms);
    plainWall = Math.min(plainWall, a.wall);
    store?.clear();
    end?.dispose();
    store = new RunCheckpoints(() => undefined);
    const b = await play(run, store);
    withCheckpoints = Math.min(withCheckpoints, b.ms);
    withCheckpointsWall = Math.min(withCheckpointsWall, b.wall);
    end = b.sim;
  }
  let seek = Infinity;
  let fromZero = Infinity;
  for (let i = 0; i < TRIES; i++) {
    seek = Math.min(seek, await seekMs(run, 290_000, store!));
    fromZero = Math.min(fromZero, await seekMs(run, 290_000));
  }
  const from = store!.before(run, 290_000)!.checkpoint.atMs / 1000;
  console.log(`seek ms: ${seek.toFixed(0)} (state at 290 s of a 1,000-user, 600 s redis run played to its end: from the checkpoint at ${from} s, best of ${TRIES}; replayed from 0: ${fromZero.toFixed(0)} ms)`);

  // Taking one, at the run's end (its largest state), and holding ten on the heap.
  const gc = collector();
  const takes: number[] = [];
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const held = [];
  for (let i = 0; i < 10; i++) {
    const t0 = performance.now();
    held.push(end!.checkpoint());
    takes.push(performance.now() - t0);
  }
  gc();
  const kb = (process.memoryUsage().heapUsed - heap0) / held.length / 1024;
  const estimated = held[0]!.bytes / 1024;
  for (const c of held) c.dispose();
  takes.sort((a, b) => a - b);
  console.log(`checkpoint ms: ${takes[0]!.toFixed(1)} (one checkpoint of the run at 600 s, best of ${takes.length}; median ${takes[takes.length >> 1]!.toFixed(1)})`);
  console.log(`checkpoint KB: ${fmt(kb)} (heap per checkpoint held, measured over ${held.length}; ${fmt(estimated)} KB by the checkpoint's own estimate)`);
  console.log(`play overhead %: ${((withCheckpoints / plain - 1) * 100).toFixed(1)} (the 600 s run played with a checkpoint every ${CHECKPOINT_INTERVAL_MS / 1000} s, ${store!.count} of them: ${(withCheckpoints / 1000).toFixed(2)} s vs ${(plain / 1000).toFixed(2)} s of CPU without, best of ${PLAY_TRIES} each, alternating; wall time +${((withCheckpointsWall / plainWall - 1) * 100).toFixed(1)} %)`);
  store!.clear();
  end!.dispose();
}

await main(process.argv.slice(2));
