/**
 * The one object that drives the simulation in the page: it owns the engine, the
 * requestAnimationFrame loop (virtual ms per frame = real ms × speed), play/pause/step/reset,
 * faults and settings changes, and hands the views plain snapshots replaced a few times a
 * second (STYLE.md §10). Canvas layers subscribe with {@link SimRunner.onFrame} and read the
 * packet pool and user marks directly, every frame, without going through Svelte.
 */
import { flushSync } from 'svelte';
import { Simulation } from '../../sim/simulation';
import { advance as advanceRun } from '../../run/replay';
import { faultsOf, interventionLabel, newRun } from '../../run/runLog';
import { MAX_CONSOLE_LINE, type Intervention } from '../../run/schema';
import { runRedisCli, type RedisCliResult } from '../../console/redisCli';
import { RunSession } from '../../run/session';
import type { RunAt } from '../../run/link';
import { clock } from '../format';
import { span } from '../stage/machineWords';
import type { FaultAction, ScheduledFault, SimSettings, TraceRecord } from '../../sim/types';
import type { FeedItem } from '../../sim/world';
import { RunningTotals } from '../metrics/chartData';
import { outcomeCode } from '../outcomes';
import { packetDuration, PacketPool } from '../stage/packets';
import { forkPairOf, type ForkPair } from '../lab/forkPair';
import { configOf, DEFAULT_CONFIG, describeChange, needsReset, settingsFor, withConfig, type UiConfig } from './config';
import { UserMarks } from './marks';
import { redisDetail, type RedisDetail } from './redisDetail';
import { buildView, nodeDetail, userDetail, type NodeDetail, type UserDetail, type View } from './view';

export type Selection = { kind: 'user'; id: number } | { kind: 'node'; name: string } | { kind: 'redis' } | null;

export type { RedisDetail } from './redisDetail';

export interface TimelineState {
  latestMs: number;
  marks: ReadonlyArray<{ tMs: number; label: string }>;
  logouts: readonly number[];
  seeking: number;
  canUndo: boolean;
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
/**
 * Most real ms of JavaScript per frame (simulation, and the DOM snapshot on the frames that take
 * one); past it the run falls behind the chosen speed rather than drop frames.
 */
const FRAME_BUDGET_MS = 9;
/** Longest runUntil slice, virtual ms (the budget is checked between slices). */
const SLICE_MS = 200;
/** Real ms one slice should take: slices shrink as the crowd grows, so a frame stops near its budget. */
const SLICE_WORK_MS = 1.5;
const FEED_MAX = 200;
/**
 * Users created per animation frame when a cluster is built or grows: 10,000 at once block the
 * page for a few hundred ms. Adding them in steps at the same virtual time gives the same run
 * (the same random draws in the same order; tested in tests/ui/runnerBuild.test.ts).
 */
export const USERS_PER_FRAME = 1500;



type FrameHook = (now: number, dt: number) => void;
type FaultHook = (action: FaultAction, atMs: number) => void;

export class SimRunner {
  config = $state.raw<UiConfig>(DEFAULT_CONFIG);
  playing = $state(false);
  /**
   * Paused, but the frame in progress has not finished yet: the clock and counters still show
   * an earlier moment. The Play/Pause button keeps saying Pause until the page shows where the
   * run stopped, so what it offers and what the page shows never disagree.
   */
  stopping = $state(false);
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
  /** While building or growing the crowd: users created so far, of how many (null otherwise). */
  building = $state.raw<{ done: number; of: number } | null>(null);

  /**
   * The timeline (docs/runs.md): the latest moment reached, the marks of what was done, where
   * logouts happened, a seek's progress (0: none) and whether a fork can be undone.
   */
  timeline = $state.raw<TimelineState>({ latestMs: 0, marks: [], logouts: [], seeking: 0, canUndo: false });
  /** The run being shown: its settings and interventions (plain data; links and run files hold it). */
  private session: RunSession | null = null;
  /** A seek or a replay is rebuilding the simulation: commands wait for it. */
  private seekBusy = false;
  /** Records come from a replay: marks only, no packets. */
  private replaying = false;

  /** The engine. Views read `sim.world` only; commands go through this class. */
  sim: Simulation | null = null;
  readonly packets = new PacketPool();
  readonly marks = new UserMarks();
  private readonly totalsSeries = new RunningTotals();
  /** Real ms spent in each of the last frames (simulation + drawing + snapshot), for `npm run bench:ui`. */
  readonly frameWork: number[] = [];
  /** Animation frames so far (layers use it to do slow checks every few frames). */
  frames = 0;
  /** The same frames split: engine stepping, canvas layers, DOM snapshot and its render (0 when none was taken). */
  readonly frameParts = { engine: [] as number[], canvas: [] as number[], snapshot: [] as number[] };

  /** The full settings the next rebuild uses (the controls show a few of them: {@link config}). */
  private settings = $state.raw<SimSettings>(settingsFor(DEFAULT_CONFIG));
  /**
   * The faults done in the run shown (buttons, lessons, an opened link), at their virtual time:
   * with the settings' scheduled events they replay the run (the compare view uses them).
   */
  faultLog = $state.raw<ScheduledFault[]>([]);
  /** Virtual ms when the current Redis began failing over (Sentinel), for the countdown. */
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
  /** The growth in progress per simulation (see growUsers). */
  private growth = new WeakMap<Simulation, object>();
  /** Real ms the engine needs per virtual ms (smoothed), to size the slices. */
  private engineCost = 0;
  /** Real ms a DOM snapshot takes (smoothed): a frame that takes one leaves the engine less. */
  private snapshotCost = 2;

  /** Build the first simulation and start the frame loop. */
  async start(config: UiConfig = DEFAULT_CONFIG, opts: { speed?: number; autoplay?: boolean; notices?: string[] } = {}): Promise<void> {
    this.config = config;
    this.settings = settingsFor(config);
    this.speed = opts.speed ?? 1;
    // Set before the (possibly slow) first build: a Play pressed meanwhile must not be undone.
    this.playing = opts.autoplay ?? true;
    await this.rebuild(null);
    for (const n of opts.notices ?? []) this.note('warning', n, 0);
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
    this.stopping = true;
    // Show where the run stopped once the frame in progress (if any) has finished.
    this.whenIdle(() => {
      this.publish(true);
      this.stopping = false;
    });
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  setSpeed(s: number): void {
    this.speed = s;
    this.achieved = s;
  }

  /** Show the run at virtual `ms` (the timeline; past the latest moment it plays forward to it). Pauses. */
  seekTo(ms: number): void {
    void this.seekImpl(ms);
  }

  /** Move the timeline by `deltaMs` (the ←/→ keys: ±1 s). */
  seekBy(deltaMs: number): void {
    this.seekTo(Math.max(0, (this.sim?.now ?? 0) + deltaMs));
  }

  /**
   * A redis-cli line against the running cluster's Redis, between frames (the engine does not
   * move while it runs), recorded in the run so a replay or a link does it again at its moment.
   * Null when the cluster runs no Redis.
   */
  redisCli(line: string): Promise<RedisCliResult | null> {
    return new Promise((resolve, reject) => this.whenIdle(async () => {
      const sim = this.sim;
      const redis = sim?.world.redis;
      if (!sim || !redis) return resolve(null);
      this.running = true;
      try {
        const r = sim.settings.redis;
        const res = await runRedisCli(redis, line, { host: r.host, port: r.port });
        if (line.trim() !== '' && !res.monitor && line.length <= MAX_CONSOLE_LINE) this.record({ kind: 'redis-cli', t: sim.now, line });
        resolve(res);
      } catch (e) {
        reject(e);
      } finally {
        this.running = false;
      }
      this.publish(true);
    }));
  }

  /** One second back on the timeline (the Step back button). */
  stepBack(): void {
    this.seekBy(-1000);
  }

  /** The run at the moment shown, as a link or a run file holds it. */
  runAt(): RunAt | null {
    if (!this.session || !this.sim) return null;
    return { run: this.session.run, atMs: this.sim.now };
  }

  /** Bring back the future a fork discarded, and show the moment of the fork. */
  undoFork(): void {
    const s = this.session;
    const at = this.sim?.now ?? 0;
    const settingsFork = s?.lastFork?.fork.settings === true;
    if (!s || !s.undoFork()) return;
    this.publishTimeline();
    // A settings fork ran other settings: the controls go back to the restored run's.
    if (settingsFork) this.useSettings(s.run.settings);
    // Replayed afresh: the simulation shown is the discarded future's, not the fork's state at `at`.
    void this.seekImpl(at, true).then(() => {
      if (this.session !== s) return;
      if (settingsFork) this.syncUsers();
      this.note('info', `Undo: the discarded future is back (the run reaches ${clock(s.latestMs)})`);
    });
  }

  /** The run shown and the future the last fork discarded, for *Compare set-ups…* (null: no fork to undo). */
  forkPair(): ForkPair | null {
    return this.session ? forkPairOf(this.session) : null;
  }

  /** Open a run (a link, a run file, the embedding API): its settings, its interventions, paused at its moment. */
  async openRun(r: RunAt, notices: readonly string[] = []): Promise<void> {
    this.playing = false;
    this.settings = structuredClone(r.run.settings);
    this.config = configOf(r.run.settings);
    this.indexNodes(r.run.settings);
    this.session = new RunSession(structuredClone(r.run));
    await this.seekImpl(r.atMs, true);
    for (const n of notices) this.note('warning', n);
    this.publish(true);
  }

  /**
   * Show the run at `ms`. Forward from the moment shown, the simulation plays on to it; back, a
   * fresh one replays the run to it (in slices, the page keeps drawing; `timeline.seeking` is
   * the progress).
   */
  private async seekImpl(ms: number, fresh = false): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.playing = false;
    const target = Math.max(0, Math.round(ms));
    await this.idle();
    const current = this.sim;
    // Back in time (or a run to open): a fresh simulation replays the run; forward, this one plays on.
    const rebuild = fresh || !current || target < current.now;
    const gen = rebuild ? ++this.gen : this.gen;
    this.seekBusy = true;
    try {
      let sim = current;
      if (rebuild || !sim) {
        this.replaying = true;
        this.resetViews();
        sim = await Simulation.create(session.run.settings, this.simOptions(gen));
        if (gen !== this.gen) return void sim.dispose();
      } else this.replaying = target <= session.latestMs;
      const from = sim.now;
      const ok = await advanceRun(sim, session.run, target, {
        sliceMs: 5_000,
        cancelled: () => gen !== this.gen,
        pause: async (t) => {
          this.timeline = { ...this.timeline, seeking: Math.max(0.02, (t - from) / Math.max(1, target - from)) };
          await new Promise((done) => requestAnimationFrame(() => done(null)));
        },
      });
      if (!ok || gen !== this.gen) {
        if (sim !== current) sim.dispose();
        return;
      }
      if (sim !== current) {
        this.disposeSim(current);
        this.sim = sim;
      }
      session.reached(sim.now);
      // The Users control shows the count at the moment shown (a live change may lie ahead of it).
      const users = sim.settings.users;
      if (users !== this.config.users) this.config = { ...this.config, users };
    } finally {
      this.seekBusy = false;
      this.replaying = false;
      if (gen === this.gen) this.timeline = { ...this.timeline, seeking: 0 };
    }
    this.publishTimeline();
    this.publish(true);
    void this.drainPending();
  }

  /** Resolves when no frame is running the engine. */
  private idle(): Promise<void> {
    return new Promise((done) => this.whenIdle(() => done()));
  }

  private simOptions(gen: number) {
    return {
      traceLimit: 0,
      listeners: {
        onRecord: (r: TraceRecord) => { if (gen === this.gen) this.onRecord(r); },
        onFeed: (f: FeedItem) => { if (gen === this.gen) this.note(f.kind, f.text, f.t); },
      },
    };
  }

  /** Views that accumulate as the run goes: emptied before a replay rebuilds them. */
  private resetViews(): void {
    this.packets.clear();
    this.marks.clear();
    this.engineCost = 0;
    this.totalsSeries.reset();
    this.feed = [];
  }

  /** Something was done to the run now: record it (a fork if the moment shown is in the past). */
  private record(iv: Intervention): void {
    const s = this.session;
    if (!s) return;
    const fork = s.record(iv);
    if (fork) {
      this.note('info', `forked at ${clock(fork.atMs)} — the later ${span(fork.discardedMs)} were discarded (Undo brings them back)`);
    }
    this.publishTimeline();
  }

  private publishTimeline(): void {
    const s = this.session;
    if (!s) return;
    // The faults of the run shown (a fork drops the discarded ones, Undo brings them back).
    this.faultLog = faultsOf(s.run);
    this.timeline = {
      latestMs: s.latestMs,
      marks: s.run.interventions.map((iv) => ({ tMs: iv.t, label: interventionLabel(iv) })),
      logouts: s.logoutsPerSec,
      seeking: this.timeline.seeking,
      canUndo: s.canUndo,
    };
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
      this.restart(describeChange(prev, next));
      return;
    }
    this.whenIdle(async () => {
      const sim = this.sim;
      if (!sim) return;
      const gen = this.gen;
      // Growing by thousands: a step per frame, so the page keeps answering.
      if (!(await this.growUsers(sim, gen, next.users))) return;
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
    this.restart(what ?? describeChange(prev, this.config));
  }

  /**
   * Settings that rebuild the cluster changed (`words` says which). Looking at the past, the run
   * forks (docs/runs.md): the new settings from 0 s with what was done up to the moment shown,
   * replayed to it; Undo brings the old run back. Otherwise a new run starts at 0 s.
   */
  private restart(words: string): void {
    // A seek in flight: decide once the moment it goes to is shown.
    if (this.seekBusy) {
      this.pending.push(() => this.restart(words));
      return;
    }
    const what = words ? `: ${words}` : ' (config files)';
    const s = this.session;
    const at = this.sim?.now;
    if (!s || at === undefined || this.loading || !s.inPast(at)) {
      void this.rebuild(`settings changed${what} — cluster restarted`);
      return;
    }
    const fork = s.reconfigure(this.settings, at);
    this.publishTimeline();
    this.indexNodes(s.run.settings);
    void this.seekImpl(at, true).then(() => {
      if (this.session !== s) return;
      this.syncUsers();
      this.note('info', `forked at ${clock(at)} with settings changed${what} — the run replays from 0 s with the new settings and what you did until then; the later ${span(fork.discardedMs)} were discarded (Undo brings them back)`);
    });
  }

  /** The controls show these settings (a run restored by Undo). */
  private useSettings(settings: SimSettings): void {
    this.settings = { ...structuredClone(settings), durationSec: Math.max(settings.durationSec, 24 * 3600) };
    this.config = configOf(settings);
    this.indexNodes(settings);
  }

  /** The Users control shows the count the simulation runs now (a replay may have changed it). */
  private syncUsers(): void {
    const n = this.sim?.settings.users;
    if (n === undefined || n === this.config.users) return;
    this.config = { ...this.config, users: n };
    this.settings = { ...this.settings, users: n };
  }

  /** Packets find their node's column by name; a selected node that is gone is unselected. */
  private indexNodes(settings: Readonly<SimSettings>): void {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.nodeIndex = new Map(settings.nodes.map((n, i) => [n.name, i]));
    if (this.selection?.kind === 'node' && !this.nodeIndex.has(this.selection.name)) this.selection = null;
  }

  /** Trigger a fault now (between frames). An engine refusal shows in the feed as a warning. */
  fault(action: FaultAction): void {
    this.whenIdle(() => {
      const sim = this.sim;
      const err = sim ? sim.fault(action) : 'the cluster is still starting';
      if (err) this.note('warning', err);
      else if (sim) {
        this.record({ kind: 'fault', t: sim.now, action: structuredClone(action) });
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
    if (r.outcome === 'logged_out') this.session?.logout(r.t, this.session.latestMs);
    if (this.replaying) {
      this.marks.record(r, 0);
      return;
    }
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
    const first = Math.min(settings.users, USERS_PER_FRAME);
    const sim = await Simulation.create(first === settings.users ? settings : { ...settings, users: first }, this.simOptions(gen));
    if (gen !== this.gen || !(await this.growUsers(sim, gen, settings.users))) {
      this.disposeSim(sim);
      return;
    }
    const old = this.sim;
    this.whenIdle(() => this.disposeSim(old));
    this.sim = sim;
    // Growing the users at 0 s in chunks gives the same run as creating them at once (tested).
    this.session = new RunSession(newRun(settings));
    this.publishTimeline();
    this.indexNodes(settings);
    this.resetViews();
    if (note) this.note('info', note, 0);
    if (this.selection?.kind === 'redis' && !sim.world.redis) this.selection = null;
    this.loading = false;
    this.publish(true);
  }

  /**
   * Bring `sim` to `target` users, at most {@link USERS_PER_FRAME} more per frame (shrinking is
   * instant). Returns false if a newer build took over meanwhile.
   */
  private async growUsers(sim: Simulation, gen: number, target: number): Promise<boolean> {
    // The latest count asked for wins: an older growth of the same simulation stops.
    const token = {};
    this.growth.set(sim, token);
    let n = sim.world.users.filter((u) => u.active).length;
    const setUsers = (count: number) => {
      sim.setUsers(count);
      // A live change is part of the run; a cluster being built starts with its users.
      if (sim === this.sim) this.record({ kind: 'users', t: sim.now, n: count });
    };
    if (target <= n + USERS_PER_FRAME) {
      setUsers(target);
      this.building = null;
      return true;
    }
    while (n < target) {
      this.building = { done: n, of: target };
      await this.nextIdleFrame();
      if (gen !== this.gen || this.growth.get(sim) !== token) {
        this.building = null;
        return false;
      }
      n = Math.min(target, n + USERS_PER_FRAME);
      setUsers(n);
    }
    this.building = null;
    return true;
  }

  /** Resolves in the next animation frame, between runUntil calls (never in the middle of one). */
  private nextIdleFrame(): Promise<void> {
    return new Promise((done) => requestAnimationFrame(() => this.whenIdle(done)));
  }

  private disposeSim(sim: Simulation | null): void {
    // Frees every Redis server's slot in the mock's shared data map and stops the actors.
    sim?.dispose();
  }

  /** Run a command between frames, never in the middle of a runUntil. */
  private whenIdle(fn: () => void | Promise<void>): void {
    if (this.running || this.seekBusy) this.pending.push(fn);
    else void fn();
  }

  private async drainPending(): Promise<void> {
    while (this.pending.length && !this.running && !this.seekBusy) await this.pending.shift()!();
  }

  private frame = async (now: number): Promise<void> => {
    this.raf = requestAnimationFrame(this.frame);
    this.frames++;
    const dt = this.lastFrame ? Math.min(now - this.lastFrame, 100) : 16;
    this.lastFrame = now;
    const t0 = performance.now();
    const snapshot = now - this.lastPublish >= PUBLISH_MS;
    const budget = Math.max(2, FRAME_BUDGET_MS - (snapshot ? this.snapshotCost : 0));
    if (this.playing && this.sim && !this.running) await this.advance(now, dt, budget);
    if (!this.running) await this.drainPending();
    const t1 = performance.now();
    for (const h of this.hooks) h(now, dt);
    const t2 = performance.now();
    if (snapshot) {
      this.publish(false, now);
      flushSync(); // render the new snapshot now, inside the measured frame
      this.snapshotCost = this.snapshotCost * 0.7 + (performance.now() - t2) * 0.3;
    }
    const t3 = performance.now();
    this.frameWork.push(t3 - t0);
    const p = this.frameParts;
    p.engine.push(t1 - t0);
    p.canvas.push(t2 - t1);
    p.snapshot.push(t3 - t2);
    if (this.frameWork.length > 4000) for (const a of [this.frameWork, p.engine, p.canvas, p.snapshot]) a.splice(0, 2000);
  };

  /** Move virtual time by dt × speed, in slices, within the frame budget. */
  private async advance(now: number, dt: number, budget: number): Promise<void> {
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
        const s0 = performance.now();
        const work = Math.min(SLICE_WORK_MS, budget - (s0 - t0));
        const slice = this.engineCost > 0 ? Math.max(2, Math.min(SLICE_MS, work / this.engineCost)) : 20;
        const before = v;
        v = Math.min(target, v + slice);
        // Playing a known future (after a seek back): its interventions happen at their times.
        if (this.session && this.session.run.interventions.some((iv) => iv.t > before && iv.t <= v)) await advanceRun(sim, this.session.run, v);
        else await sim.runUntil(v);
        if (gen !== this.gen) break;
        const s1 = performance.now();
        const cost = (s1 - s0) / (v - before);
        this.engineCost = this.engineCost > 0 ? this.engineCost * 0.8 + cost * 0.2 : cost;
        if (s1 - t0 > budget) break;
      }
    } finally {
      this.running = false;
    }
    if (gen === this.gen) this.session?.reached(sim.now);
    if (gen === this.gen && dt > 0) {
      const got = (sim.now - from) / dt;
      this.achieved = Math.round((this.achieved * 0.9 + got * 0.1) * 100) / 100;
    }
  }

  private publish(force: boolean, now = performance.now()): void {
    if (!this.sim) return;
    if (!force && !this.playing && this.view && this.view.now === this.sim.now) return;
    this.lastPublish = now;
    this.view = buildView(this.sim, this.totalsSeries, { prev: this.view, marks: this.marks.mark });
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
    if (this.detailBusy) return;
    this.detailBusy = true;
    try {
      const d = await redisDetail(sim);
      if (d && sim === this.sim && this.selection?.kind === 'redis') this.detail = d;
    } finally {
      this.detailBusy = false;
    }
  }
}
