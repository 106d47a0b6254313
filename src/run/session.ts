/**
 * The timeline's bookkeeping for one run in the page: the run log, the latest moment reached,
 * where logouts happened (a strip under the slider), forks, and the run's checkpoints. Looking
 * at the past and changing something starts a new future from there; the discarded one is kept
 * for Undo, with the checkpoints that belong to it.
 * Plain data, no UI: the runner owns the simulation, this owns what the run *is*.
 */
import type { Simulation } from '../sim/simulation';
import type { SimSettings } from '../sim/types';
import { RunCheckpoints, type Saved as SavedCheckpoint } from './checkpoints';
import { forkAt, withIntervention, type RunLog } from './runLog';
import type { Intervention } from './schema';

export interface Fork {
  /** The moment the new future starts, virtual ms. */
  atMs: number;
  /** How much of the old future was discarded, virtual ms. */
  discardedMs: number;
  /** The settings changed: the new run replays from 0 s with them (the engine builds a cluster once). */
  settings?: true;
}

interface Saved {
  run: RunLog;
  latestMs: number;
  logouts: number[];
  fork: Fork;
}

/** The run a fork discarded, and how far it had gone (what *Compare set-ups…* measures it to). */
export interface Discarded {
  fork: Fork;
  run: RunLog;
  latestMs: number;
}

export class RunSession<X = undefined> {
  private current: RunLog;
  private latest = 0;
  /** Logouts per virtual second, 0..latest. */
  private perSec: number[] = [];
  private undo: Saved | null = null;
  /** Checkpoints of this run and of the future Undo can bring back. */
  readonly checkpoints: RunCheckpoints<X>;

  /**
   * @param capture what the page keeps beside each checkpoint (read when one is taken); by
   *   default, nothing
   */
  constructor(run: RunLog, latestMs = 0, capture: () => X = () => undefined as X) {
    this.current = run;
    this.latest = latestMs;
    this.checkpoints = new RunCheckpoints(capture);
  }

  /** The simulation plays this run and is between events: take a checkpoint if one is due. */
  offerCheckpoint(sim: Simulation): boolean {
    return this.checkpoints.offer(sim, this.current);
  }

  /** The latest checkpoint of this run at or before `tMs` (null: replay from 0). */
  checkpointBefore(tMs: number): SavedCheckpoint<X> | null {
    return this.checkpoints.before(this.current, tMs);
  }

  /** The run is no longer shown: free its checkpoints. */
  dispose(): void {
    this.checkpoints.clear();
  }

  get run(): RunLog {
    return this.current;
  }

  /** The latest moment reached (the right end of the timeline), virtual ms. */
  get latestMs(): number {
    return this.latest;
  }

  /** Logouts per virtual second up to the latest moment. */
  get logoutsPerSec(): readonly number[] {
    return this.perSec;
  }

  /** The view reached `tMs` (playing forward). */
  reached(tMs: number): void {
    if (tMs > this.latest) this.latest = tMs;
  }

  /** A logout happened at `tMs` while playing past the latest moment (replays of known time are not counted twice). */
  logout(tMs: number, frontierMs: number): void {
    if (tMs < frontierMs) return;
    const s = Math.floor(tMs / 1000);
    while (this.perSec.length <= s) this.perSec.push(0);
    this.perSec[s]!++;
  }

  /**
   * Something was done at `iv.t`. If that is before the latest moment, the later future is
   * discarded (kept for {@link undoFork}) and the fork is returned.
   */
  record(iv: Intervention): Fork | null {
    let fork: Fork | null = null;
    if (this.inPast(iv.t)) {
      fork = this.save({ atMs: iv.t, discardedMs: this.latest - iv.t });
      this.current = forkAt(this.current, iv.t).run;
      this.latest = iv.t;
      this.perSec = this.perSec.slice(0, Math.floor(iv.t / 1000));
    }
    this.current = withIntervention(this.current, iv);
    this.keepCheckpoints();
    return fork;
  }

  /** Whether `tMs` is in the past of the run: before the latest moment, or before something done later. */
  inPast(tMs: number): boolean {
    return tMs < this.latest || this.current.interventions.some((x) => x.t > tMs);
  }

  /**
   * Settings that rebuild the cluster changed while looking at `atMs` in the past. The cluster
   * cannot change its driver or balancer mid-run, so the new run has the new settings from 0 s
   * and keeps what was done up to `atMs`; the old run is kept for {@link undoFork}. The user
   * count is part of what was done (its changes are interventions), so the new run starts with
   * the old one's. The caller replays the new run to `atMs` (its logouts count again: the new
   * run's past is not the old one's).
   */
  reconfigure(settings: SimSettings, atMs: number): Fork {
    const fork = this.save({ atMs, discardedMs: Math.max(0, this.latest - atMs), settings: true });
    const next = { ...structuredClone(settings), users: this.current.settings.users };
    // A fault on a node the new cluster does not have is dropped (as a link naming it would be).
    const kept = forkAt(this.current, atMs).run.interventions
      .filter((iv) => iv.kind !== 'fault' || !('node' in iv.action) || next.nodes.some((n) => 'node' in iv.action && n.name === iv.action.node));
    this.current = { settings: next, interventions: kept };
    this.latest = 0;
    this.perSec = [];
    this.keepCheckpoints();
    return fork;
  }

  /** Checkpoints after a fork (or at the very moment of a change) belong to the discarded future only; older futures' go. */
  private keepCheckpoints(): void {
    this.checkpoints.keepFor([this.current, this.undo?.run ?? null]);
  }

  private save(fork: Fork): Fork {
    this.undo = { run: this.current, latestMs: this.latest, logouts: this.perSec, fork };
    return fork;
  }

  /** Whether a discarded future can be brought back. */
  get canUndo(): boolean {
    return this.undo !== null;
  }

  /** The future a fork discarded (for *Compare set-ups…*: "before" vs "what you changed"). */
  get discarded(): RunLog | null {
    return this.undo?.run ?? null;
  }

  /** The last fork, the run it discarded and the latest moment that run had reached (null: nothing to undo). */
  get lastFork(): Discarded | null {
    const u = this.undo;
    return u ? { fork: u.fork, run: u.run, latestMs: u.latestMs } : null;
  }

  /** Bring the discarded future back (and forget the fork's). Returns false if there is none. */
  undoFork(): boolean {
    if (!this.undo) return false;
    this.current = this.undo.run;
    this.latest = this.undo.latestMs;
    this.perSec = this.undo.logouts;
    this.undo = null;
    this.keepCheckpoints();
    return true;
  }
}
