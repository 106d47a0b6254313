/**
 * The one object that drives the simulation in the page (views get it with `getRunner()`). It is
 * composed of three parts, each in its own file:
 * - {@link Pacing} (pacing.svelte.ts): the requestAnimationFrame loop (virtual ms per frame =
 *   real ms × speed, in slices within a frame budget), play/pause/step, the speed achieved;
 * - {@link RunCommands} (runCommands.svelte.ts): builds the simulation, records the run
 *   (docs/runs.md) and moves along it — settings, faults, redis-cli lines, seeks, forks, opened runs;
 * - {@link Inspector} (inspector.svelte.ts): the selection and its detail.
 * This class holds the views: plain snapshots for the DOM replaced a few times a second
 * (STYLE.md §10), the feed, and the packet pool and user marks that canvas layers subscribed
 * with {@link SimRunner.onFrame} read directly, every frame, without going through Svelte.
 */
import type { Simulation } from '../../sim/simulation';
import type { RunAt } from '../../run/link';
import type { RedisCliResult } from '../../console/redisCli';
import type { FaultAction, ScheduledFault, SimSettings, TraceRecord } from '../../sim/types';
import type { FeedItem } from '../../sim/world';
import { RunningTotals } from '../metrics/chartData';
import { outcomeCode } from '../outcomes';
import { packetDuration, PacketPool } from '../stage/packets';
import type { ForkPair } from '../lab/forkPair';
import { DEFAULT_CONFIG, type UiConfig } from './config';
import { Inspector, type Selection } from './inspector.svelte';
import { UserMarks } from './marks';
import { Pacing, type FrameHook } from './pacing.svelte';
import { preloadLazyModules } from './preload';
import type { RedisDetail } from './redisDetail';
import { RunCommands, type TimelineState } from './runCommands.svelte';
import { buildView, type NodeDetail, type UserDetail, type View } from './view';

export type { Selection } from './inspector.svelte';
export type { RedisDetail } from './redisDetail';
export { USERS_PER_FRAME, type TimelineState } from './runCommands.svelte';

export interface FeedLine {
  id: number;
  /** Virtual ms. */
  t: number;
  kind: FeedItem['kind'];
  text: string;
}

const FEED_MAX = 200;

export class SimRunner {
  /** The latest snapshot for the DOM views (null until the first simulation is built). */
  view = $state.raw<View | null>(null);
  feed = $state.raw<FeedLine[]>([]);
  reducedMotion = $state(false);
  readonly packets = new PacketPool();
  readonly marks = new UserMarks();

  private readonly pace: Pacing = new Pacing({
    sim: () => this.commands.sim,
    gen: () => this.commands.gen,
    session: () => this.commands.session,
    publish: (force, now) => this.publish(force, now),
  });
  private readonly commands: RunCommands = new RunCommands(this.pace, {
    publish: (force) => this.publish(force),
    note: (kind, text, t) => this.note(kind, text, t),
    clear: () => this.clearViews(),
    record: (r, replaying) => this.onRecord(r, replaying),
    nodes: (settings) => this.indexNodes(settings),
    built: (sim) => this.inspector.keepRedis(sim),
    keep: () => this.marks.copy(),
    restored: (kept, sim) => {
      this.marks.restore(kept);
      for (const f of sim.world.feed.slice(-FEED_MAX)) this.note(f.kind, f.text, f.t);
    },
  });
  private readonly inspector = new Inspector(() => this.commands.sim, this.marks);
  private readonly totalsSeries = new RunningTotals();
  private feedId = 0;
  // A plain collection on purpose: read for every record, never rendered (no reactivity wanted).
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private nodeIndex = new Map<string, number>();

  /** Build the first simulation and start the frame loop. */
  async start(config: UiConfig = DEFAULT_CONFIG, opts: { speed?: number; autoplay?: boolean; notices?: string[] } = {}): Promise<void> {
    this.pace.speed = opts.speed ?? 1;
    // Set before the (possibly slow) first build: a Play pressed meanwhile must not be undone.
    this.pace.playing = opts.autoplay ?? true;
    await this.commands.begin(config);
    for (const n of opts.notices ?? []) this.note('warning', n, 0);
    this.pace.start();
    preloadLazyModules();
  }

  destroy(): void {
    this.pace.stop();
    this.commands.dispose();
  }

  // Pacing (pacing.svelte.ts).

  get playing(): boolean { return this.pace.playing; }
  /** Paused, but the frame in progress has not finished yet (see {@link Pacing.stopping}). */
  get stopping(): boolean { return this.pace.stopping; }
  get speed(): number { return this.pace.speed; }
  /** The speed actually achieved: below {@link speed} when the CPU cannot keep up. */
  get achieved(): number { return this.pace.achieved; }
  /** Real ms spent in each of the last frames (simulation + drawing + snapshot), for `npm run bench:ui`. */
  get frameWork(): number[] { return this.pace.frameWork; }
  /** Animation frames so far (layers use it to do slow checks every few frames). */
  get frames(): number { return this.pace.frames; }
  /** The same frames split: engine stepping, canvas layers, DOM snapshot and its render (0 when none was taken). */
  get frameParts(): Pacing['frameParts'] { return this.pace.frameParts; }
  /** Called every animation frame with (real ms, real ms since the last frame). */
  onFrame(hook: FrameHook): () => void { return this.pace.onFrame(hook); }
  play(): void { this.pace.play(); }
  pause(): void { this.pace.pause(); }
  toggle(): void { this.pace.toggle(); }
  setSpeed(s: number): void { this.pace.setSpeed(s); }
  /** Pause and run until the next request finishes (one event at a time, as the engine steps). */
  step(): void { this.pace.step(); }

  // Commands and the run log (runCommands.svelte.ts).

  /** The engine. Views outside src/ui/state use its read API (src/sim/simulation.ts), never `world`. */
  get sim(): Simulation | null { return this.commands.sim; }
  get config(): UiConfig { return this.commands.config; }
  /** A new simulation is being built (e.g. the Redis mock is loading). */
  get loading(): boolean { return this.commands.loading; }
  /** While building or growing the crowd: users created so far, of how many (null otherwise). */
  get building(): { done: number; of: number } | null { return this.commands.building; }
  /** The timeline (docs/runs.md): see {@link TimelineState}. */
  get timeline(): TimelineState { return this.commands.timeline; }
  /** The faults done in the run shown, at their virtual time (the compare view replays them). */
  get faultLog(): ScheduledFault[] { return this.commands.faultLog; }
  /** The settings the cluster runs with, or is being restarted with. Reactive; do not mutate. */
  get targetSettings(): Readonly<SimSettings> { return this.commands.targetSettings; }
  /** Show the run at virtual `ms` (the timeline; past the latest moment it plays forward to it). Pauses. */
  seekTo(ms: number): void { this.commands.seekTo(ms); }
  /** Move the timeline by `deltaMs` (the ←/→ keys: ±1 s). */
  seekBy(deltaMs: number): void { this.commands.seekBy(deltaMs); }
  /** One second back on the timeline (the Step back button). */
  stepBack(): void { this.commands.stepBack(); }
  /** A redis-cli line against the running cluster's Redis, recorded in the run (null: no Redis). */
  redisCli(line: string): Promise<RedisCliResult | null> { return this.commands.redisCli(line); }
  /** The run at the moment shown, as a link or a run file holds it. */
  runAt(): RunAt | null { return this.commands.runAt(); }
  /** Bring back the future a fork discarded, and show the moment of the fork. */
  undoFork(): void { this.commands.undoFork(); }
  /** The run shown and the future the last fork discarded, for *Compare set-ups…* (null: no fork to undo). */
  forkPair(): ForkPair | null { return this.commands.forkPair(); }
  /** Open a run (a link, a run file, the embedding API): its settings, its interventions, paused at its moment. */
  openRun(r: RunAt, notices: readonly string[] = []): Promise<void> { return this.commands.openRun(r, notices); }
  /** Start over with the same settings and seed. */
  reset(): void { this.commands.reset(); }
  /** Change settings: the user count applies live, anything else restarts the cluster. */
  configure(patch: Partial<UiConfig>): void { this.commands.configure(patch); }
  /** Restart the cluster with whole engine settings (the config editors, the failure lab). */
  applySettings(next: SimSettings, what?: string): void { this.commands.applySettings(next, what); }
  /** Trigger a fault now (between frames). An engine refusal shows in the feed as a warning. */
  fault(action: FaultAction): void { this.commands.fault(action); }
  /** Called with every fault applied through {@link fault} (stage buttons, lessons), at its virtual time. */
  onFault(hook: (action: FaultAction, atMs: number) => void): () => void { return this.commands.onFault(hook); }

  // The inspector (inspector.svelte.ts).

  get selection(): Selection { return this.inspector.selection; }
  get detail(): UserDetail | NodeDetail | RedisDetail | null { return this.inspector.detail; }
  select(sel: Selection): void { this.inspector.select(sel); }

  // The views.

  private publish(force: boolean, now = performance.now()): void {
    const sim = this.sim;
    if (!sim) return;
    if (!force && !this.playing && this.view && this.view.now === sim.now) return;
    this.pace.lastPublish = now;
    this.view = buildView(sim, this.totalsSeries, { prev: this.view, marks: this.marks.mark });
    this.inspector.refreshIfDue(force, now);
  }

  private note(kind: FeedLine['kind'], text: string, t = this.sim?.now ?? 0): void {
    const line = { id: ++this.feedId, t, kind, text };
    this.feed = this.feed.length >= FEED_MAX ? [...this.feed.slice(1 - FEED_MAX), line] : [...this.feed, line];
  }

  private onRecord(r: TraceRecord, replaying: boolean): void {
    if (replaying) {
      this.marks.record(r, 0);
      return;
    }
    const sim = this.sim;
    if (!sim) return;
    const start = this.pace.shownAt(sim.now);
    const motion = !this.reducedMotion;
    const dur = packetDuration(this.speed);
    // The answer reaches the user halfway through the packet's round trip... at its end.
    this.marks.record(r, motion ? start + dur : start);
    if (motion) this.packets.offer(start, dur, r.user - 1, r.node === null ? -1 : (this.nodeIndex.get(r.node) ?? -1), outcomeCode(r.outcome));
  }

  /** Views that accumulate as the run goes: emptied before a replay rebuilds them. */
  private clearViews(): void {
    this.packets.clear();
    this.marks.clear();
    this.totalsSeries.reset();
    this.feed = [];
  }

  /** Packets find their node's column by name; a selected node that is gone is unselected. */
  private indexNodes(settings: Readonly<SimSettings>): void {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.nodeIndex = new Map(settings.nodes.map((n, i) => [n.name, i]));
    this.inspector.keepNodes((name) => this.nodeIndex.has(name));
  }
}
