/**
 * One side of the side-by-side view, as the stage sees it (StageHost): its simulation, the
 * crowd's marks and the packets in flight, the snapshot the cards render, the selection and
 * its detail, and a small feed. It never moves time: the pair (pairRunner.svelte.ts) runs
 * both simulations on one clock and tells each side when a frame starts and ends.
 */
import type { Simulation } from '../../sim/simulation';
import type { FaultAction, SimSettings, TraceRecord } from '../../sim/types';
import type { FeedItem } from '../../sim/world';
import { RunningTotals } from '../metrics/chartData';
import { outcomeCode } from '../outcomes';
import { packetDuration, PacketPool } from '../stage/packets';
import type { StageHost } from '../stage/stageHost';
import { configOf, type UiConfig } from '../state/config';
import { UserMarks } from '../state/marks';
import { Inspector } from '../state/inspector.svelte';
import type { RedisDetail } from '../state/redisDetail';
import type { FeedLine, Selection } from '../state/runner.svelte';
import { buildView, type NodeDetail, type UserDetail, type View } from '../state/view';

type FrameHook = (now: number, dt: number) => void;

/** What a side needs from the pair: the shared clock's speed and motion, and the one way faults go (to both). */
export interface PairClock {
  readonly speed: number;
  readonly reducedMotion: boolean;
  fault(action: FaultAction): void;
}

/** Lines kept per side (the view shows the newest few). */
const FEED_MAX = 50;

export class SideHost implements StageHost {
  view = $state.raw<View | null>(null);
  /** This side's events (the engine's lines and what was done to both), oldest first. */
  feed = $state.raw<FeedLine[]>([]);
  sim: Simulation | null = null;
  readonly packets = new PacketPool();
  readonly marks = new UserMarks();
  /** What is selected on this side's stage and its detail: the page's own inspector, on this side's simulation. */
  private readonly inspector = new Inspector(() => this.sim, this.marks);
  readonly config: UiConfig;
  frames = 0;
  /** Requests finished so far (Step runs until this moves). */
  records = 0;
  /** Records come from catching up to a link's moment: marks only, no packets. */
  replaying = false;
  private readonly totals = new RunningTotals();
  // Plain collections on purpose: read by the frame loop, never rendered.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private readonly hooks = new Set<FrameHook>();
  private readonly nodeIndex: ReadonlyMap<string, number>;
  private feedId = 0;
  /** The frame being drawn: real ms at its start and the virtual ms it started from (packets start in between). */
  private frameReal = 0;
  private frameVirt = 0;

  constructor(readonly settings: SimSettings, readonly label: string, private readonly pair: PairClock) {
    this.config = configOf(settings);
    // A lookup for the frame loop, never rendered.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.nodeIndex = new Map(settings.nodes.map((n, i) => [n.name, i]));
  }

  get speed(): number {
    return this.pair.speed;
  }

  get reducedMotion(): boolean {
    return this.pair.reducedMotion;
  }

  /** The engine's listeners for this side. */
  listeners() {
    return {
      onRecord: (r: TraceRecord) => this.onRecord(r),
      onFeed: (f: FeedItem) => this.note(f.kind, f.text, f.t),
    };
  }

  onFrame(hook: FrameHook): () => void {
    this.hooks.add(hook);
    return () => this.hooks.delete(hook);
  }

  /** A frame starts at real `now`, the engine at virtual `virt`. */
  beginFrame(now: number, virt: number): void {
    this.frameReal = now;
    this.frameVirt = virt;
  }

  /** Draw the canvas layers. */
  drawFrame(now: number, dt: number): void {
    this.frames++;
    for (const h of this.hooks) h(now, dt);
  }

  /** A node's or Redis's button, on either side, acts on both. */
  fault(action: FaultAction): void {
    this.pair.fault(action);
  }

  get selection(): Selection {
    return this.inspector.selection;
  }

  get detail(): UserDetail | NodeDetail | RedisDetail | null {
    return this.inspector.detail;
  }

  select(sel: Selection): void {
    this.inspector.select(sel);
  }

  note(kind: FeedLine['kind'], text: string, t = this.sim?.now ?? 0): void {
    const line = { id: ++this.feedId, t, kind, text };
    this.feed = this.feed.length >= FEED_MAX ? [...this.feed.slice(1 - FEED_MAX), line] : [...this.feed, line];
  }

  /** A new snapshot for the cards and counters. */
  publish(): void {
    if (!this.sim) return;
    this.view = buildView(this.sim, this.totals, { prev: this.view, marks: this.marks.mark });
  }

  /** With a snapshot: the detail, if forced or last refreshed long enough ago. */
  refreshDetail(force: boolean, now: number): void {
    this.inspector.refreshIfDue(force, now);
  }

  private onRecord(r: TraceRecord): void {
    this.records++;
    if (this.replaying || !this.sim) {
      this.marks.record(r, 0);
      return;
    }
    // Packets start where their record falls between this frame's virtual start and now (as the single runner does).
    const start = this.frameReal + Math.max(0, Math.min(250, (this.sim.now - this.frameVirt) / (this.pair.speed || 1)));
    const motion = !this.pair.reducedMotion;
    const dur = packetDuration(this.pair.speed);
    this.marks.record(r, motion ? start + dur : start);
    if (motion) this.packets.offer(start, dur, r.user - 1, r.node === null ? -1 : (this.nodeIndex.get(r.node) ?? -1), outcomeCode(r.outcome));
  }
}
