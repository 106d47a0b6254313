/**
 * The runner's pacing (a part of {@link SimRunner}): the requestAnimationFrame loop that moves
 * virtual time by real ms × speed within a frame budget, play/pause/step, the speed achieved,
 * and the gate that makes commands wait for the frame (or the seek) running the engine.
 */
import { flushSync } from 'svelte';
import type { Simulation } from '../../sim/simulation';
import { advance as advanceRun } from '../../run/replay';
import type { RunSession } from '../../run/session';
import { engineBudget, FRAME_MS, frameTarget } from './frameBudget';

/**
 * Play takes checkpoints only up to this many users: at 1,000 users one costs 4–9 ms, at 10,000
 * about 100 ms (docs/runs.md), which would stall a frame once a virtual minute.
 */
export const MAX_USERS_FOR_PLAY_CHECKPOINTS = 4000;

/** Real ms between DOM snapshots (the canvas still draws every frame). */
const PUBLISH_MS = 200;
/** Longest runUntil slice, virtual ms (the budget is checked between slices). */
const SLICE_MS = 200;
/** The first slice of a run, virtual ms, before its cost per virtual ms is known. */
const FIRST_SLICE_MS = 2;
/** Real ms one slice should take: slices shrink as the crowd grows, so a frame stops near its budget. */
const SLICE_WORK_MS = 1.5;

export type FrameHook = (now: number, dt: number) => void;

/** What the loop paces: read afresh every frame (a seek or a restart replaces them). */
export interface PacedRun {
  sim(): Simulation | null;
  /** Bumped whenever the simulation is replaced: slices of an older one stop. */
  gen(): number;
  session(): RunSession<unknown> | null;
  /** Take a DOM snapshot (`force`: even when paused and nothing moved). */
  publish(force: boolean, now?: number): void;
}

export class Pacing {
  playing = $state(false);
  /**
   * Paused, but the frame in progress has not finished yet: the clock and counters still show
   * an earlier moment. The Play/Pause button keeps saying Pause until the page shows where the
   * run stopped, so what it offers and what the page shows never disagree.
   */
  stopping = $state(false);
  speed = $state(1);
  /** The speed actually achieved: below {@link speed} when the CPU cannot keep up. */
  achieved = $state(1);
  /** Real ms spent in each of the last frames (simulation + drawing + snapshot), for `npm run bench:ui`. */
  readonly frameWork: number[] = [];
  /** Animation frames so far (layers use it to do slow checks every few frames). */
  frames = 0;
  /** The same frames split: engine stepping, canvas layers, DOM snapshot and its render (0 when none was taken). */
  readonly frameParts = { engine: [] as number[], canvas: [] as number[], snapshot: [] as number[] };
  /** A frame or a command is running the engine. */
  running = false;
  /** A seek or a replay is rebuilding the simulation: commands wait for it. */
  seekBusy = false;
  /** Real ms of the last DOM snapshot (set by whoever takes it). */
  lastPublish = -Infinity;

  private pending: Array<() => void | Promise<void>> = [];
  private raf = 0;
  private lastFrame = 0;
  // A plain collection on purpose: read by the frame loop, never rendered (no reactivity wanted).
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private hooks = new Set<FrameHook>();
  /** Maps the virtual time of a record to the real time its packet starts (spreads a frame's records over the frame). */
  private frameReal = 0;
  private frameVirt = 0;
  private stepRecords = 0;
  /** Real ms the engine needs per virtual ms (smoothed), to size the slices. */
  private engineCost = 0;
  /** Real ms a DOM snapshot takes (smoothed): a frame that takes one leaves the engine less. */
  private snapshotCost = 2;
  /** Real ms the canvas layers take per frame (smoothed). */
  private canvasCost = 0;
  /**
   * Real ms the browser spends after the frame's JavaScript, rendering it (style, layout, paint,
   * commit; smoothed): measured by a message posted at the end of the frame, which runs once the
   * frame's task is over.
   */
  private renderCost = 4;
  /** Virtual ms the previous frames could not run within their budget (frameBudget.ts). */
  private owed = 0;
  private readonly afterFrame = new MessageChannel();
  private frameEnd = 0;

  constructor(private readonly run: PacedRun) {}

  /** Start the frame loop. */
  start(): void {
    this.lastFrame = 0;
    this.afterFrame.port1.onmessage = () => {
      // A garbage collection or another tab's work can land here: one such frame moves the estimate only so far.
      const ms = Math.min(performance.now() - this.frameEnd, 3 * FRAME_MS);
      this.renderCost = this.renderCost * 0.8 + ms * 0.2;
    };
    this.raf = requestAnimationFrame(this.frame);
  }

  stop(): void {
    cancelAnimationFrame(this.raf);
    this.afterFrame.port1.onmessage = null;
  }

  /** Called every animation frame with (real ms, real ms since the last frame). */
  onFrame(hook: FrameHook): () => void {
    this.hooks.add(hook);
    return () => this.hooks.delete(hook);
  }

  play(): void {
    this.playing = true;
    this.owed = 0;
  }

  pause(): void {
    this.playing = false;
    this.stopping = true;
    // Show where the run stopped once the frame in progress (if any) has finished.
    this.whenIdle(() => {
      this.run.publish(true);
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

  /** Pause and run until the next request finishes (one event at a time, as the engine steps). */
  step(): void {
    this.playing = false;
    this.whenIdle(async () => {
      const sim = this.run.sim();
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
      this.run.publish(true);
    });
  }

  /** The run starts afresh (a replay): slices are sized again, and nothing is owed to it. */
  resetCost(): void {
    this.engineCost = 0;
    this.owed = 0;
  }

  /** Real time at which a record finished at virtual `t` shows on screen (and a Step has found its request). */
  shownAt(t: number): number {
    this.stepRecords++;
    const s = this.playing ? this.speed : 1;
    return this.frameReal + Math.max(0, Math.min(250, (t - this.frameVirt) / s));
  }

  /** Run a command between frames, never in the middle of a runUntil. */
  whenIdle(fn: () => void | Promise<void>): void {
    if (this.running || this.seekBusy) this.pending.push(fn);
    else void fn();
  }

  /** Run a command once the seek in progress and the commands queued before it are done. */
  afterQueued(fn: () => void | Promise<void>): void {
    this.pending.push(fn);
  }

  /** Resolves when no frame is running the engine. */
  idle(): Promise<void> {
    return new Promise((done) => this.whenIdle(() => done()));
  }

  /** Resolves in the next animation frame, between runUntil calls (never in the middle of one). */
  nextIdleFrame(): Promise<void> {
    return new Promise((done) => requestAnimationFrame(() => this.whenIdle(done)));
  }

  async drainPending(): Promise<void> {
    while (this.pending.length && !this.running && !this.seekBusy) await this.pending.shift()!();
  }

  private frame = async (now: number): Promise<void> => {
    this.raf = requestAnimationFrame(this.frame);
    this.frames++;
    const dt = this.lastFrame ? Math.min(now - this.lastFrame, 100) : 16;
    this.lastFrame = now;
    const t0 = performance.now();
    const snapshot = now - this.lastPublish >= PUBLISH_MS;
    if (this.playing && this.run.sim() && !this.running) await this.advance(now, dt, this.budget(snapshot));
    else this.owed = 0;
    if (!this.running) await this.drainPending();
    const t1 = performance.now();
    for (const h of this.hooks) h(now, dt);
    const t2 = performance.now();
    this.canvasCost = this.canvasCost * 0.8 + Math.min(t2 - t1, FRAME_MS) * 0.2;
    if (snapshot) {
      this.run.publish(false, now);
      flushSync(); // render the new snapshot now, inside the measured frame
      this.snapshotCost = this.snapshotCost * 0.7 + Math.min(performance.now() - t2, 3 * FRAME_MS) * 0.3;
    }
    const t3 = performance.now();
    this.frameEnd = t3;
    this.afterFrame.port2.postMessage(null);
    this.frameWork.push(t3 - t0);
    const p = this.frameParts;
    p.engine.push(t1 - t0);
    p.canvas.push(t2 - t1);
    p.snapshot.push(t3 - t2);
    if (this.frameWork.length > 4000) for (const a of [this.frameWork, p.engine, p.canvas, p.snapshot]) a.splice(0, 2000);
  };

  private budget(snapshot: boolean): number {
    const { owed, snapshotCost, canvasCost, renderCost } = this;
    return engineBudget({ owed, snapshot, snapshotCost, canvasCost, renderCost });
  }

  /** Move virtual time by dt × speed (and what earlier frames owe), in slices, within the frame budget. */
  private async advance(now: number, dt: number, budget: number): Promise<void> {
    const sim = this.run.sim()!;
    const gen = this.run.gen();
    const from = sim.now;
    this.owed = frameTarget(this.owed, dt, this.speed);
    const target = from + this.owed;
    const t0 = performance.now();
    this.frameReal = now;
    this.frameVirt = from;
    this.running = true;
    try {
      for (let v = from; v < target;) {
        const s0 = performance.now();
        const work = Math.min(SLICE_WORK_MS, budget - (s0 - t0));
        const slice = this.engineCost > 0 ? Math.max(2, Math.min(SLICE_MS, work / this.engineCost)) : FIRST_SLICE_MS;
        const before = v;
        v = Math.min(target, v + slice);
        // Playing a known future (after a seek back): its interventions happen at their times.
        const session = this.run.session();
        if (session && session.run.interventions.some((iv) => iv.t > before && iv.t <= v)) await advanceRun(sim, session.run, v);
        else await sim.runUntil(v);
        if (gen !== this.run.gen()) break;
        const s1 = performance.now();
        const cost = (s1 - s0) / (v - before);
        this.engineCost = this.engineCost > 0 ? this.engineCost * 0.8 + cost * 0.2 : cost;
        if (s1 - t0 > budget) break;
      }
    } finally {
      this.running = false;
    }
    this.owed = gen === this.run.gen() ? Math.max(0, target - sim.now) : 0;
    if (gen === this.run.gen()) this.run.session()?.reached(sim.now);
    // A checkpoint copies the whole world in one go (~10 µs a user): past a few thousand users it
    // would be a long task in the middle of play, so big crowds seek by replaying instead.
    if (gen === this.run.gen() && sim.settings.users <= MAX_USERS_FOR_PLAY_CHECKPOINTS) this.run.session()?.offerCheckpoint(sim);
    if (gen === this.run.gen() && dt > 0) {
      const got = (sim.now - from) / dt;
      this.achieved = Math.round((this.achieved * 0.9 + got * 0.1) * 100) / 100;
    }
  }
}
