/**
 * The one object that drives the simulation in the page: it owns the engine, the
 * requestAnimationFrame loop (virtual ms per frame = real ms × speed), play/pause/step/reset,
 * faults and settings changes, and hands the views plain snapshots replaced a few times a
 * second (STYLE.md §10). Canvas layers subscribe with {@link SimRunner.onFrame} and read the
 * packet pool and user marks directly, every frame, without going through Svelte.
 */
import { Simulation } from '../../sim/simulation';
import type { FaultAction, ScheduledFault, SimSettings, TraceRecord } from '../../sim/types';
import type { FeedItem } from '../../sim/world';
import type { EngineRedis } from '../../sim/redis/engineRedis';
import { RunningTotals } from '../metrics/chartData';
import { outcomeCode } from '../outcomes';
import { packetDuration, PacketPool } from '../stage/packets';
import { configOf, DEFAULT_CONFIG, describeChange, needsReset, settingsFor, withConfig, type UiConfig } from './config';
import { UserMarks } from './marks';
import { buildView, nodeDetail, sessionOwners, userDetail, type NodeDetail, type UserDetail, type View } from './view';

export type Selection = { kind: 'user'; id: number } | { kind: 'node'; name: string } | { kind: 'redis' } | null;

export interface RedisDetail {
  kind: 'redis';
  up: boolean;
  /** Newest session keys are not ordered in Redis: these are the first few of KEYS *. */
  keys: Array<{ key: string; user: number | null }>;
  keyCount: number;
}

export interface FeedLine {
  id: number;
  /** Virtual ms. */
  t: number;
  kind: FeedItem['kind'];
  text: string;
}

/** Real ms between DOM snapshots (the canvas still draws every frame). */
const PUBLISH_MS = 200;
/** Real ms between inspector refreshes. */
const DETAIL_MS = 500;
/** Most real ms of simulation work per frame; past it the run falls behind the chosen speed. */
const FRAME_BUDGET_MS = 9;
/** Virtual ms per runUntil slice (the budget is checked between slices). */
const SLICE_MS = 200;
const FEED_MAX = 200;

type FrameHook = (now: number, dt: number) => void;
type FaultHook = (action: FaultAction, atMs: number) => void;

export class SimRunner {
  config = $state.raw<UiConfig>(DEFAULT_CONFIG);
  playing = $state(false);
  speed = $state(1);
  /** The latest snapshot for the DOM views (null until the first simulation is built). */
  view = $state.raw<View | null>(null);
  feed = $state.raw<FeedLine[]>([]);
  selection = $state.raw<Selection>(null);
  detail = $state.raw<UserDetail | NodeDetail | RedisDetail | null>(null);
  /** The speed actually achieved: below {@link speed} when the CPU cannot keep up. */
  achieved = $state(1);
  reducedMotion = $state(false);
  /** A new simulation is being built (e.g. the Redis mock is loading). */
  loading = $state(false);

  /** The engine. Views read `sim.world` only; commands go through this class. */
  sim: Simulation | null = null;
  readonly packets = new PacketPool();
  readonly marks = new UserMarks();
  private readonly totalsSeries = new RunningTotals();
  /** Real ms spent in each of the last frames (simulation + drawing), for `npm run bench:ui`. */
  readonly frameWork: number[] = [];

  /** The full settings the next rebuild uses (the controls show a few of them: {@link config}). */
  private settings = $state.raw<SimSettings>(settingsFor(DEFAULT_CONFIG));
  /**
   * Faults triggered live in this run (buttons, lessons), at their virtual time: with the
   * settings' scheduled events they replay the run (the compare view uses them).
   */
  faultLog = $state.raw<ScheduledFault[]>([]);
  /** Virtual ms when the current Redis began failing over (Sentinel), for the countdown. */
  private failoverSince: number | null = null;
  private gen = 0;
  private running = false;
  private pending: Array<() => void | Promise<void>> = [];
  private raf = 0;
  private lastFrame = 0;
  private lastPublish = -Infinity;
  private lastDetail = -Infinity;
  // Plain collections on purpose: read by the frame loop, never rendered (no reactivity wanted).
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private hooks = new Set<FrameHook>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private faultHooks = new Set<FaultHook>();
  private feedId = 0;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private nodeIndex = new Map<string, number>();
  /** Maps the virtual time of a record to the real time its packet starts (spreads a frame's records over the frame). */
  private frameReal = 0;
  private frameVirt = 0;
  private stepRecords = 0;
  private detailBusy = false;

  /** Build the first simulation and start the frame loop. */
  async start(config: UiConfig = DEFAULT_CONFIG, opts: { speed?: number; autoplay?: boolean; notices?: string[] } = {}): Promise<void> {
    this.config = config;
    this.settings = settingsFor(config);
    this.speed = opts.speed ?? 1;
    await this.rebuild(null);
    for (const n of opts.notices ?? []) this.note('warning', n, 0);
    this.playing = opts.autoplay ?? true;
    this.lastFrame = 0;
    this.raf = requestAnimationFrame(this.frame);
  }

  destroy(): void {
    cancelAnimationFrame(this.raf);
    this.gen++;
    this.disposeSim(this.sim);
    this.sim = null;
  }

  /** Called every animation frame with (real ms, real ms since the last frame). */
  onFrame(hook: FrameHook): () => void {
    this.hooks.add(hook);
    return () => this.hooks.delete(hook);
  }

  play(): void {
    this.playing = true;
  }

  pause(): void {
    this.playing = false;
  }

  toggle(): void {
    this.playing = !this.playing;
  }

  setSpeed(s: number): void {
    this.speed = s;
    this.achieved = s;
  }

  /** Pause and run until the next request finishes (one event at a time, as the engine steps). */
  step(): void {
    this.playing = false;
    this.whenIdle(async () => {
      const sim = this.sim;
      if (!sim) return;
      this.running = true;
      try {
        this.frameReal = performance.now();
        this.frameVirt = sim.now;
        this.stepRecords = 0;
        for (let i = 0; i < 2000 && this.stepRecords === 0; i++) {
          if (!(await sim.step())) break;
          this.frameVirt = sim.now; // a single step shows at once
        }
      } finally {
        this.running = false;
      }
      this.publish(true);
    });
  }

  /** Start over with the same settings and seed. */
  reset(): void {
    void this.rebuild('reset — the same settings and seed replay the same run');
  }

  /** Change settings: the user count applies live, anything else restarts the cluster. */
  configure(patch: Partial<UiConfig>): void {
    const prev = this.config;
    const next = { ...prev, ...patch };
    if (JSON.stringify(prev) === JSON.stringify(next)) return;
    this.config = next;
    this.settings = withConfig(this.settings, next);
    if (needsReset(prev, next)) {
      void this.rebuild(`settings changed: ${describeChange(prev, next)} — cluster restarted`);
      return;
    }
    this.whenIdle(() => {
      this.sim?.setUsers(next.users);
      this.note('info', `users: ${next.users} (applied live)`);
      this.publish(true);
    });
  }

  /** The settings the cluster runs with, or is being restarted with. Reactive; do not mutate. */
  get targetSettings(): Readonly<SimSettings> {
    return this.settings;
  }

  /**
   * Restart the cluster with whole engine settings (the config editors, the failure lab).
   * The run keeps going for as long as the tab is open, whatever `durationSec` says.
   * `what` says what changed, for the feed ("maxmemory 2mb"); by default the controls' words.
   */
  applySettings(next: SimSettings, what?: string): void {
    const prev = this.config;
    this.settings = { ...structuredClone(next), durationSec: Math.max(next.durationSec, 24 * 3600) };
    this.config = configOf(next);
    const words = what ?? describeChange(prev, this.config);
    void this.rebuild(`settings changed${words ? `: ${words}` : ' (config files)'} — cluster restarted`);
  }

  /** Trigger a fault now (between frames). An engine refusal shows in the feed as a warning. */
  fault(action: FaultAction): void {
    this.whenIdle(() => {
      const sim = this.sim;
      const err = sim ? sim.fault(action) : 'the cluster is still starting';
      if (err) this.note('warning', err);
      else if (sim) {
        this.faultLog = [...this.faultLog, { atSec: Math.round(sim.now) / 1000, action: structuredClone(action) }];
        for (const h of this.faultHooks) h(action, sim.now);
      }
      this.publish(true);
    });
  }

  /** Called with every fault applied through {@link fault} (stage buttons, lessons), at its virtual time. */
  onFault(hook: FaultHook): () => void {
    this.faultHooks.add(hook);
    return () => this.faultHooks.delete(hook);
  }

  select(sel: Selection): void {
    this.selection = sel;
    this.detail = null;
    this.lastDetail = -Infinity;
    this.refreshDetail();
  }

  /** Real time at which a record finished at virtual `t` shows on screen. */
  private realAt(t: number): number {
    const s = this.playing ? this.speed : 1;
    return this.frameReal + Math.max(0, Math.min(250, (t - this.frameVirt) / s));
  }

  private onRecord(r: TraceRecord): void {
    const sim = this.sim;
    if (!sim) return;
    this.stepRecords++;
    const start = this.realAt(sim.now);
    const motion = !this.reducedMotion;
    const dur = packetDuration(this.speed);
    // The answer reaches the user halfway through the packet's round trip... at its end.
    this.marks.record(r, motion ? start + dur : start);
    if (motion) this.packets.offer(start, dur, r.user - 1, r.node === null ? -1 : (this.nodeIndex.get(r.node) ?? -1), outcomeCode(r.outcome));
  }

  private note(kind: FeedLine['kind'], text: string, t = this.sim?.now ?? 0): void {
    const line = { id: ++this.feedId, t, kind, text };
    this.feed = this.feed.length >= FEED_MAX ? [...this.feed.slice(1 - FEED_MAX), line] : [...this.feed, line];
  }

  private async rebuild(note: string | null): Promise<void> {
    const gen = ++this.gen;
    this.loading = true;
    const settings = this.settings;
    const sim = await Simulation.create(settings, {
      traceLimit: 0,
      listeners: {
        onRecord: (r) => { if (gen === this.gen) this.onRecord(r); },
        onFeed: (f) => { if (gen === this.gen) this.note(f.kind, f.text, f.t); },
      },
    });
    if (gen !== this.gen) {
      this.disposeSim(sim);
      return;
    }
    const old = this.sim;
    this.whenIdle(() => this.disposeSim(old));
    this.sim = sim;
    this.faultLog = [];
    this.failoverSince = null;
    // The Sentinel countdown needs the virtual time the failover began (the engine fixes the rest).
    sim.world.redisActor.subscribe((snap) => {
      if (gen !== this.gen) return;
      this.failoverSince = snap.value === 'failingOver' ? (this.failoverSince ?? sim.now) : null;
    });
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.nodeIndex = new Map(settings.nodes.map((n, i) => [n.name, i]));
    this.packets.clear();
    this.marks.clear();
    this.totalsSeries.reset();
    this.feed = [];
    if (note) this.note('info', note, 0);
    if (this.selection?.kind === 'node' && !this.nodeIndex.has(this.selection.name)) this.selection = null;
    if (this.selection?.kind === 'redis' && !sim.world.redis) this.selection = null;
    this.loading = false;
    this.publish(true);
  }

  private disposeSim(sim: Simulation | null): void {
    // Frees every Redis server's slot in the mock's shared data map and stops the actors.
    sim?.dispose();
  }

  /** Run a command between frames, never in the middle of a runUntil. */
  private whenIdle(fn: () => void | Promise<void>): void {
    if (this.running) this.pending.push(fn);
    else void fn();
  }

  private async drainPending(): Promise<void> {
    while (this.pending.length && !this.running) await this.pending.shift()!();
  }

  private frame = async (now: number): Promise<void> => {
    this.raf = requestAnimationFrame(this.frame);
    const dt = this.lastFrame ? Math.min(now - this.lastFrame, 100) : 16;
    this.lastFrame = now;
    const t0 = performance.now();
    if (this.playing && this.sim && !this.running) await this.advance(now, dt);
    if (!this.running) await this.drainPending();
    for (const h of this.hooks) h(now, dt);
    if (now - this.lastPublish >= PUBLISH_MS) this.publish(false, now);
    this.frameWork.push(performance.now() - t0);
    if (this.frameWork.length > 4000) this.frameWork.splice(0, 2000);
  };

  /** Move virtual time by dt × speed, in slices, within the frame budget. */
  private async advance(now: number, dt: number): Promise<void> {
    const sim = this.sim!;
    const gen = this.gen;
    const from = sim.now;
    const target = from + dt * this.speed;
    const t0 = performance.now();
    this.frameReal = now;
    this.frameVirt = from;
    this.running = true;
    try {
      for (let v = from; v < target;) {
        v = Math.min(target, v + SLICE_MS);
        await sim.runUntil(v);
        if (gen !== this.gen || performance.now() - t0 > FRAME_BUDGET_MS) break;
      }
    } finally {
      this.running = false;
    }
    if (gen === this.gen && dt > 0) {
      const got = (sim.now - from) / dt;
      this.achieved = Math.round((this.achieved * 0.9 + got * 0.1) * 100) / 100;
    }
  }

  private publish(force: boolean, now = performance.now()): void {
    if (!this.sim) return;
    if (!force && !this.playing && this.view && this.view.now === this.sim.now) return;
    this.lastPublish = now;
    this.view = buildView(this.sim, this.totalsSeries, { failoverSince: this.failoverSince, prev: this.view });
    if (force || now - this.lastDetail >= DETAIL_MS) this.refreshDetail(now);
  }

  private refreshDetail(now = performance.now()): void {
    const sim = this.sim;
    const sel = this.selection;
    this.lastDetail = now;
    if (!sim || !sel) {
      this.detail = null;
      return;
    }
    if (sel.kind === 'user') this.detail = userDetail(sim, sel.id, this.marks.recent[sel.id - 1] ?? []);
    else if (sel.kind === 'node') this.detail = nodeDetail(sim, sel.name);
    else void this.refreshRedis(sim);
  }

  private async refreshRedis(sim: Simulation): Promise<void> {
    const redis = sim.world.redis;
    if (!redis || this.detailBusy) return;
    if (!redis.isUp) {
      this.detail = { kind: 'redis', up: false, keys: [], keyCount: redis.snapshot().keys };
      return;
    }
    this.detailBusy = true;
    try {
      // SCAN in batches, as lesson 3 teaches (each call counts as a command in INFO, as on a real server).
      const keys = await scanAll(redis);
      if (sim !== this.sim || this.selection?.kind !== 'redis') return;
      const prefix = sim.world.names.keyPrefix;
      const owners = sessionOwners(sim);
      keys.sort();
      this.detail = {
        kind: 'redis', up: true, keyCount: keys.length,
        keys: keys.slice(0, 40).map((key) => ({ key, user: owners.get(key.startsWith(prefix) ? key.slice(prefix.length) : key) ?? null })),
      };
    } catch {
      this.detail = { kind: 'redis', up: false, keys: [], keyCount: 0 };
    } finally {
      this.detailBusy = false;
    }
  }
}

/** Every key, walked with `SCAN cursor COUNT 1000` until the cursor is 0 again (never KEYS *). */
async function scanAll(redis: EngineRedis): Promise<string[]> {
  const all: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = (await redis.command('SCAN', [cursor, 'COUNT', '1000'])) as [string, string[]];
    all.push(...keys);
    cursor = next;
  } while (cursor !== '0');
  // SCAN may return a key twice: sorted, the duplicates are neighbours.
  return all.sort().filter((k, i) => i === 0 || k !== all[i - 1]);
}
