/**
 * The runner's commands and run log (a part of {@link SimRunner}): it builds and replaces the
 * simulation, records what is done to the run (docs/runs.md: a {@link RunSession}) and moves
 * along it — settings changes, faults, redis-cli lines, seeks, forks and their undo, opened runs.
 * Commands run between frames ({@link Pacing.whenIdle}); what they show goes through {@link RunViews}.
 */
import { Simulation } from '../../sim/simulation';
import { advance as advanceRun } from '../../run/replay';
import { faultsOf, interventionLabel, newRun } from '../../run/runLog';
import type { Intervention } from '../../run/schema';
import { MAX_CONSOLE_LINE } from '../../console/lineLimit';
import { runRedisCli, type RedisCliResult } from '../../console/redisCli';
import { RunSession } from '../../run/session';
import type { RunAt } from '../../run/link';
import { clock } from '../format';
import { span } from '../stage/machineWords';
import type { FaultAction, ScheduledFault, SimSettings, TraceRecord } from '../../sim/types';
import type { FeedItem } from '../../sim/world';
import { forkPairOf, type ForkPair } from '../lab/forkPair';
import { configOf, DEFAULT_CONFIG, describeChange, needsReset, settingsFor, withConfig, type UiConfig } from './config';
import type { MarksCopy } from './marks';
import type { Pacing } from './pacing.svelte';

export interface TimelineState {
  latestMs: number;
  marks: ReadonlyArray<{ tMs: number; label: string }>;
  logouts: readonly number[];
  seeking: number;
  canUndo: boolean;
}

/**
 * Most users created per animation frame when a cluster is built or grows: 10,000 at once block
 * the page for a few hundred ms. Adding them in steps at the same virtual time gives the same run
 * (the same random draws in the same order; tested in tests/ui/runnerBuild.test.ts).
 */
export const USERS_PER_FRAME = 1500;
/** Users added by one step of a growth; a frame takes steps until {@link GROW_BUDGET_MS} is spent. */
const GROW_STEP = 250;
/** Real ms a frame spends adding users (a slow machine adds fewer per frame, not a longer frame). */
const GROW_BUDGET_MS = 6;
/** A cluster up to this size is built at once; a bigger one starts with this many and grows. */
const BUILD_AT_ONCE = 1000;

type FaultHook = (action: FaultAction, atMs: number) => void;

/** What the commands show: the runner's views (snapshots, feed, packets and marks, the inspector). */
export interface RunViews {
  publish(force: boolean): void;
  note(kind: FeedItem['kind'], text: string, t?: number): void;
  /** Empty the views that accumulate as the run goes (before a replay rebuilds them). */
  clear(): void;
  /** A record of the simulation shown; `replaying`: it comes from a replay (marks only, no packets). */
  record(r: TraceRecord, replaying: boolean): void;
  /** The cluster's nodes are now these. */
  nodes(settings: Readonly<SimSettings>): void;
  /** A newly built simulation is shown. */
  built(sim: Simulation): void;
  /** What the views keep beside a checkpoint of the run (the crowd marks, read when it is taken). */
  keep(): MarksCopy;
  /** A checkpoint was restored: show what a replay up to its moment would have left on screen. */
  restored(kept: MarksCopy, sim: Simulation): void;
}

export class RunCommands {
  config = $state.raw<UiConfig>(DEFAULT_CONFIG);
  /** A new simulation is being built (e.g. the Redis mock is loading). */
  loading = $state(false);
  /** While building or growing the crowd: users created so far, of how many (null otherwise). */
  building = $state.raw<{ done: number; of: number } | null>(null);
  /**
   * The timeline (docs/runs.md): the latest moment reached, the marks of what was done, where
   * logouts happened, a seek's progress (0: none) and whether a fork can be undone.
   */
  timeline = $state.raw<TimelineState>({ latestMs: 0, marks: [], logouts: [], seeking: 0, canUndo: false });
  /**
   * The faults done in the run shown (buttons, lessons, an opened link), at their virtual time:
   * with the settings' scheduled events they replay the run (the compare view uses them).
   */
  faultLog = $state.raw<ScheduledFault[]>([]);
  /** The engine: commands go through this class; views outside src/ui/state read its read API (src/sim/read.ts). */
  sim: Simulation | null = null;
  /** The run being shown: its settings and interventions (plain data; links and run files hold it), and its checkpoints. */
  session: RunSession<MarksCopy> | null = null;
  /** Bumped whenever a simulation is built: work for an older one stops. */
  gen = 0;

  /** The full settings the next rebuild uses (the controls show a few of them: {@link config}). */
  private settings = $state.raw<SimSettings>(settingsFor(DEFAULT_CONFIG));
  /** Records come from a replay: marks only, no packets. */
  private replaying = false;
  // A plain collection on purpose: never rendered (no reactivity wanted).
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private faultHooks = new Set<FaultHook>();
  /** The growth in progress per simulation (see growUsers). */
  private growth = new WeakMap<Simulation, object>();

  constructor(private readonly pace: Pacing, private readonly views: RunViews) {}

  /** Build the first simulation with these controls. */
  async begin(config: UiConfig): Promise<void> {
    this.config = config;
    this.settings = settingsFor(config);
    await this.rebuild(null);
  }

  /** Stop everything the simulation shown does. */
  dispose(): void {
    this.gen++;
    this.disposeSim(this.sim);
    this.sim = null;
  }

  /** Show the run at virtual `ms` (the timeline; past the latest moment it plays forward to it). Pauses. */
  seekTo(ms: number): void {
    this.seekGoal = ms;
    if (this.seeking) return; // the loop below goes on to the latest moment asked for
    this.seeking = (async () => {
      try {
        // Seeks asked for faster than they finish (keys held, a drag) coalesce: one at a time,
        // always to the latest moment, so an older one never lands after a newer one.
        while (this.seekGoal !== null) {
          const goal = this.seekGoal;
          await this.seekImpl(goal);
          if (this.seekGoal === goal) this.seekGoal = null;
        }
      } finally {
        this.seeking = null;
      }
    })();
  }

  /** Move the timeline by `deltaMs` (the ←/→ keys: ±1 s), from the moment last asked for. */
  seekBy(deltaMs: number): void {
    this.seekTo(Math.max(0, (this.seekGoal ?? this.sim?.now ?? 0) + deltaMs));
  }

  /** The latest moment asked for while seeks are under way (null: none pending). */
  private seekGoal: number | null = null;
  private seeking: Promise<void> | null = null;

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
      this.pace.running = true;
      try {
        const r = sim.settings.redis;
        const res = await runRedisCli(redis, line, { host: r.host, port: r.port });
        if (line.trim() !== '' && !res.monitor && line.length <= MAX_CONSOLE_LINE) this.record({ kind: 'redis-cli', t: sim.now, line });
        resolve(res);
      } catch (e) {
        reject(e);
      } finally {
        this.pace.running = false;
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
    this.seekGoal = null; // the restored run is shown at the fork's moment, not at a key's
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
    this.newSession(structuredClone(r.run));
    await this.seekImpl(r.atMs, true);
    for (const n of notices) this.note('warning', n);
    this.publish(true);
  }

  /**
   * Show the run at `ms`. Forward from the moment shown, the simulation plays on to it; back (or
   * past a checkpoint), the run's latest checkpoint before `ms` is restored — or, without one, a
   * fresh simulation starts at 0 — and plays the rest of the way (in slices, the page keeps
   * drawing; `timeline.seeking` is the progress). docs/runs.md, "Checkpoints".
   */
  private async seekImpl(ms: number, fresh = false): Promise<void> {
    const session = this.session;
    if (!session) return;
    this.playing = false;
    const target = Math.max(0, Math.round(ms));
    await this.idle();
    const current = this.sim;
    const saved = session.checkpointBefore(target);
    const rebuild = fresh || !current || target < current.now || (saved !== null && saved.checkpoint.atMs > current.now);
    const gen = rebuild ? ++this.gen : this.gen;
    this.seekBusy = true;
    try {
      let sim = current;
      if (rebuild || !sim) {
        this.replaying = true;
        this.resetViews();
        if (saved) {
          sim = Simulation.restore(saved.checkpoint, this.simOptions(gen));
          this.views.restored(saved.extra, sim);
        } else sim = await Simulation.create(session.run.settings, this.simOptions(gen));
        if (gen !== this.gen) return void sim.dispose();
      } else this.replaying = target <= session.latestMs;
      const from = sim.now;
      const ok = await advanceRun(sim, session.run, target, {
        checkpoints: session.checkpoints,
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

  /**
   * Settings that rebuild the cluster changed (`words` says which). Looking at the past, the run
   * forks (docs/runs.md): the new settings from 0 s with what was done up to the moment shown,
   * replayed to it; Undo brings the old run back. Otherwise a new run starts at 0 s.
   */
  private restart(words: string): void {
    // A seek in flight: decide once the moment it goes to is shown.
    if (this.seekBusy) {
      this.pace.afterQueued(() => this.restart(words));
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

  private async rebuild(note: string | null): Promise<void> {
    const gen = ++this.gen;
    this.loading = true;
    const settings = this.settings;
    const first = settings.users <= USERS_PER_FRAME ? settings.users : BUILD_AT_ONCE;
    const sim = await Simulation.create(first === settings.users ? settings : { ...settings, users: first }, this.simOptions(gen));
    if (gen !== this.gen || !(await this.growUsers(sim, gen, settings.users))) {
      this.disposeSim(sim);
      return;
    }
    const old = this.sim;
    this.whenIdle(() => this.disposeSim(old));
    this.sim = sim;
    // Growing the users at 0 s in chunks gives the same run as creating them at once (tested).
    this.newSession(newRun(settings));
    this.publishTimeline();
    this.indexNodes(settings);
    this.resetViews();
    if (note) this.note('info', note, 0);
    this.views.built(sim);
    this.loading = false;
    this.publish(true);
  }

  /**
   * Bring `sim` to `target` users, in steps of {@link GROW_STEP} users taken for at most
   * {@link GROW_BUDGET_MS} (and {@link USERS_PER_FRAME} users) per frame; shrinking is instant.
   * Returns false if a newer build took over meanwhile.
   */
  private async growUsers(sim: Simulation, gen: number, target: number): Promise<boolean> {
    // The latest count asked for wins: an older growth of the same simulation stops.
    const token = {};
    this.growth.set(sim, token);
    let n = sim.world.users.filter((u) => u.active).length;
    const setUsers = (count: number) => {
      sim.setUsers(count);
      // A live change is part of the run (once per frame: steps at one moment are one change);
      // a cluster being built starts with its users.
      if (sim === this.sim) this.record({ kind: 'users', t: sim.now, n: count });
    };
    if (target <= n + GROW_STEP) {
      setUsers(target);
      this.building = null;
      return true;
    }
    while (n < target) {
      this.building = { done: n, of: target };
      await this.pace.nextIdleFrame();
      if (gen !== this.gen || this.growth.get(sim) !== token) {
        this.building = null;
        return false;
      }
      const t0 = performance.now();
      const most = Math.min(target, n + USERS_PER_FRAME);
      do {
        n = Math.min(most, n + GROW_STEP);
        sim.setUsers(n);
      } while (n < most && performance.now() - t0 < GROW_BUDGET_MS);
      setUsers(n);
    }
    this.building = null;
    return true;
  }

  /** Show a new run (its checkpoints keep the crowd marks beside them); the old one's checkpoints go. */
  private newSession(run: RunSession['run']): void {
    this.seekGoal = null; // a seek still pending was for the run that goes
    this.session?.dispose();
    this.session = new RunSession(run, 0, () => this.views.keep());
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

  private onRecord(r: TraceRecord): void {
    if (r.outcome === 'logged_out') this.session?.logout(r.t, this.session.latestMs);
    this.views.record(r, this.replaying);
  }

  private disposeSim(sim: Simulation | null): void {
    // Frees every Redis server's slot in the mock's shared data map and stops the actors.
    sim?.dispose();
  }

  // What seekImpl (and the commands) use of the pacing and the views, under the names they use.

  private get playing(): boolean {
    return this.pace.playing;
  }

  private set playing(v: boolean) {
    this.pace.playing = v;
  }

  private get seekBusy(): boolean {
    return this.pace.seekBusy;
  }

  private set seekBusy(v: boolean) {
    this.pace.seekBusy = v;
  }

  private whenIdle(fn: () => void | Promise<void>): void {
    this.pace.whenIdle(fn);
  }

  private idle(): Promise<void> {
    return this.pace.idle();
  }

  private drainPending(): Promise<void> {
    return this.pace.drainPending();
  }

  private publish(force: boolean): void {
    this.views.publish(force);
  }

  private note(kind: FeedItem['kind'], text: string, t?: number): void {
    this.views.note(kind, text, t);
  }

  private indexNodes(settings: Readonly<SimSettings>): void {
    this.views.nodes(settings);
  }

  /** Views that accumulate as the run goes: emptied before a replay rebuilds them. */
  private resetViews(): void {
    this.pace.resetCost();
    this.views.clear();
  }
}
