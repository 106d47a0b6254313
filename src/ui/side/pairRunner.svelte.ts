/**
 * The side-by-side view's one clock: a requestAnimationFrame loop that moves both simulations
 * (a {@link Twin}) to the same virtual time every frame, play/pause/speed/step for both, faults
 * applied to both at the same virtual moment, and each side's snapshot a few times a second.
 * The page's own runner is left alone (paused) while this runs.
 */
import { flushSync } from 'svelte';
import type { RunLog } from '../../run/runLog';
import type { FaultAction } from '../../sim/types';
import { clock } from '../format';
import type { HotkeyContext } from '../hotkeys';
import { actionWords } from '../lab/compareTable';
import { USERS_PER_FRAME, type FeedLine } from '../state/runner.svelte';
import type { View } from '../state/view';
import { SideHost, type PairClock } from './sideHost.svelte';
import { rightRun, sideLabels, type Labels, type SideRequest } from './sideRequest';
import { Twin, type Pair } from './twin';

/** Real ms between DOM snapshots (the canvas still draws every frame), as on the single page. */
const PUBLISH_MS = 200;
/**
 * Most real ms of engine work per frame for both sides together; past it the pair falls behind
 * the chosen speed (the clock shows ≈N×) rather than drop frames. The single page allows 9 ms
 * for one simulation: two share the same budget.
 */
const FRAME_BUDGET_MS = 9;
/** Longest slice, virtual ms; each slice runs the left then the right to the same moment. */
const SLICE_MS = 200;
/** Real ms one slice (both sides) should take: slices shrink as the crowds grow. */
const SLICE_WORK_MS = 1.5;
/** Virtual ms per slice while catching up to a link's moment (a frame drawn in between). */
const CATCH_UP_SLICE_MS = 5_000;

export class PairRunner implements PairClock {
  playing = $state(false);
  /** Paused, with the frame in progress not yet shown (as the page's runner: the button keeps saying Pause). */
  stopping = $state(false);
  speed = $state(1);
  /** The speed achieved: below {@link speed} when the machine cannot keep both sides up. */
  achieved = $state(1);
  reducedMotion = $state(false);
  /** Both clusters are being built (or caught up to a link's moment). */
  loading = $state(true);
  /** While building big crowds or catching up: how far (null otherwise). */
  progress = $state.raw<{ done: number; of: number; what: 'users' | 'time' } | null>(null);
  /** Why the pair could not start (the right side's settings, a failed build). */
  error = $state<string | null>(null);
  /** The virtual time both sides are at, as last published. */
  now = $state(0);
  /** The last thing done to both ("crash node-2 — applied to both sides at 09:01:10"), for a live region. */
  lastAction = $state('');
  readonly hosts: Pair<SideHost>;
  readonly labels: Labels;
  /** Real ms of JavaScript per frame and its parts, for `npm run bench:ui -- --side …`. */
  readonly frameWork: number[] = [];
  readonly frameParts = { engine: [] as number[], canvas: [] as number[], snapshot: [] as number[] };
  twin: Twin | null = null;
  private readonly runs: Pair<RunLog>;
  private raf = 0;
  private lastFrame = 0;
  private lastPublish = -Infinity;
  private busy = false;
  private destroyed = false;
  private pending: Array<() => void | Promise<void>> = [];
  /** Real ms per virtual ms for both sides (smoothed), to size the slices. */
  private engineCost = 0;
  private snapshotCost = 2;

  constructor(readonly request: SideRequest) {
    this.runs = [request.base, rightRun(request)];
    this.labels = sideLabels(request);
    this.speed = request.speed;
    this.hosts = [new SideHost(this.runs[0].settings, this.labels.left, this), new SideHost(this.runs[1].settings, this.labels.right, this)];
  }

  /** Build both clusters, catch up to the request's moment, and start the clock. */
  async start(): Promise<void> {
    this.raf = requestAnimationFrame(this.frame);
    const users = this.runs[0].settings.users;
    let twin: Twin;
    try {
      twin = await Twin.create(this.runs, [{ traceLimit: 0, listeners: this.hosts[0].listeners() }, { traceLimit: 0, listeners: this.hosts[1].listeners() }], USERS_PER_FRAME);
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.loading = false;
      return;
    }
    if (this.destroyed) return twin.dispose();
    this.twin = twin;
    this.hosts[0].sim = twin.sims[0];
    this.hosts[1].sim = twin.sims[1];
    for (const n of this.request.notices) this.noteBoth('warning', n);
    // A big crowd is built a step per frame, at 0 s (the same run as one built at once).
    for (let n = Math.min(users, USERS_PER_FRAME); n < users;) {
      this.progress = { done: n, of: users, what: 'users' };
      await nextFrame();
      if (this.destroyed) return;
      n = Math.min(users, n + USERS_PER_FRAME);
      twin.growUsers(n);
    }
    if (this.destroyed) return;
    await this.catchUp(twin, this.request.atMs);
    if (this.destroyed) return;
    this.progress = null;
    this.loading = false;
    this.playing = this.request.autoplay;
    this.publish(true);
  }

  /** A link's moment: both sides run to it in slices (marks only, no packets), a frame drawn between. */
  private async catchUp(twin: Twin, atMs: number): Promise<void> {
    for (const h of this.hosts) h.replaying = true;
    this.busy = true;
    try {
      await twin.advanceTo(0);
      while (twin.now < atMs && !this.destroyed) {
        this.progress = { done: twin.now, of: atMs, what: 'time' };
        await twin.advanceTo(Math.min(atMs, twin.now + CATCH_UP_SLICE_MS));
        await nextFrame();
      }
    } finally {
      for (const h of this.hosts) h.replaying = false;
      this.settle();
    }
  }

  destroy(): void {
    this.destroyed = true;
    cancelAnimationFrame(this.raf);
    const twin = this.twin;
    this.twin = null;
    // Never in the middle of a slice: the slice in progress finishes first (see settle).
    if (twin) this.whenIdle(() => twin.dispose());
  }

  /** The engine is free again: run what waited (after destroy, the disposal). */
  private settle(): void {
    this.busy = false;
    if (this.destroyed) void this.drainPending();
  }

  play(): void {
    if (!this.loading && !this.error) this.playing = true;
  }

  pause(): void {
    this.playing = false;
    this.stopping = true;
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

  /** Pause and run both until the next request finishes on either side. */
  step(): void {
    this.playing = false;
    this.whenIdle(async () => {
      const twin = this.twin;
      if (!twin) return;
      this.busy = true;
      try {
        for (const h of this.hosts) h.beginFrame(performance.now(), twin.now);
        await twin.step(() => this.hosts[0].records + this.hosts[1].records);
      } finally {
        this.settle();
      }
      this.publish(true);
    });
  }

  /** A fault on both sides at the same virtual moment (buttons on either stage, hotkeys). */
  fault(action: FaultAction): void {
    this.whenIdle(() => {
      const twin = this.twin;
      if (!twin) return;
      const what = actionWords(action);
      const at = clock(twin.now);
      const errs = twin.fault(action);
      if (errs[0] === null && errs[1] === null) {
        this.lastAction = `${what} — applied to both sides at ${at}`;
        this.noteBoth('fault', `you: ${what} — applied to both sides at ${at}`);
      } else if (errs[0] !== null && errs[1] !== null) {
        this.lastAction = `${what}: not applied — ${errs[0]}`;
        this.hosts.forEach((h, i) => h.note('warning', `${what} not applied: ${errs[i]}`));
      } else {
        const took = errs[0] === null ? 0 : 1;
        this.lastAction = `${what} — applied at ${at} on ${this.hosts[took].label} only (${this.hosts[1 - took]!.label}: ${errs[1 - took]})`;
        this.hosts.forEach((h, i) => h.note(errs[i] === null ? 'fault' : 'warning', errs[i] === null
          ? `you: ${what} — applied at ${at} (both sides were asked)`
          : `${what} not applied on this side: ${errs[i]}`));
      }
      this.publish(true);
    });
  }

  /** What the hotkeys need to know (node states are the same on both sides: the same faults hit both). */
  hotkeyContext(): HotkeyContext {
    const left = this.hosts[0].view;
    const redis = this.hosts.map((h) => h.view?.redis).find((r) => r);
    return { nodes: left?.nodes.map((n) => ({ name: n.name, down: n.state === 'down' })) ?? [], redisUp: redis?.up ?? true };
  }

  /** The left side's run as a run link holds it (settings, every intervention so far) and the moment shown. */
  runAt(): { run: RunLog; atMs: number } | null {
    const twin = this.twin;
    if (!twin) return null;
    return { run: { settings: this.runs[0].settings, interventions: twin.interventions(0) }, atMs: twin.now };
  }

  /** For `npm run bench:ui`: the left simulation (both are at the same moment) and its snapshot. */
  get sim() {
    return this.twin?.sims[0] ?? null;
  }

  get view(): View | null {
    return this.hosts[0].view;
  }

  private noteBoth(kind: FeedLine['kind'], text: string): void {
    for (const h of this.hosts) h.note(kind, text);
  }

  private whenIdle(fn: () => void | Promise<void>): void {
    if (this.busy) this.pending.push(fn);
    else void fn();
  }

  private async drainPending(): Promise<void> {
    while (this.pending.length && !this.busy) await this.pending.shift()!();
  }

  private frame = async (now: number): Promise<void> => {
    if (this.destroyed) return;
    this.raf = requestAnimationFrame(this.frame);
    const dt = this.lastFrame ? Math.min(now - this.lastFrame, 100) : 16;
    this.lastFrame = now;
    const t0 = performance.now();
    const snapshot = now - this.lastPublish >= PUBLISH_MS;
    const budget = Math.max(2, FRAME_BUDGET_MS - (snapshot ? this.snapshotCost : 0));
    if (this.playing && this.twin && !this.busy) await this.advance(now, dt, budget);
    if (!this.busy) await this.drainPending();
    const t1 = performance.now();
    for (const h of this.hosts) h.drawFrame(now, dt);
    const t2 = performance.now();
    if (snapshot && !this.loading) {
      this.publish(false, now);
      flushSync(); // render the new snapshots now, inside the measured frame
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

  /** Both sides forward by dt × speed, slice by slice to the same moment, within the frame budget. */
  private async advance(now: number, dt: number, budget: number): Promise<void> {
    const twin = this.twin!;
    const from = twin.now;
    const target = from + dt * this.speed;
    const t0 = performance.now();
    for (const h of this.hosts) h.beginFrame(now, from);
    this.busy = true;
    try {
      for (let v = from; v < target;) {
        const s0 = performance.now();
        const work = Math.min(SLICE_WORK_MS, budget - (s0 - t0));
        const slice = this.engineCost > 0 ? Math.max(2, Math.min(SLICE_MS, work / this.engineCost)) : 20;
        const before = v;
        v = Math.min(target, v + slice);
        await twin.advanceTo(v);
        if (this.destroyed) return;
        const s1 = performance.now();
        const cost = (s1 - s0) / (v - before);
        this.engineCost = this.engineCost > 0 ? this.engineCost * 0.8 + cost * 0.2 : cost;
        if (s1 - t0 > budget) break;
      }
    } finally {
      this.settle();
    }
    if (dt > 0) this.achieved = Math.round((this.achieved * 0.9 + ((twin.now - from) / dt) * 0.1) * 100) / 100;
  }

  private publish(force: boolean, now = performance.now()): void {
    const twin = this.twin;
    if (!twin) return;
    if (!force && !this.playing && this.now === twin.now && this.hosts[0].view) return;
    this.lastPublish = now;
    this.now = twin.now;
    for (const h of this.hosts) {
      h.publish();
      h.refreshDetail(force, now);
    }
  }
}

/** Resolves in the next animation frame. */
function nextFrame(): Promise<void> {
  return new Promise((done) => requestAnimationFrame(() => done()));
}
