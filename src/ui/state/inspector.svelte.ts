/**
 * The runner's inspector (a part of {@link SimRunner}): what is selected on the stage (a user,
 * a node, the Redis server) and its detail, refreshed with the DOM snapshots at most every
 * {@link DETAIL_MS} real ms.
 */
import type { Simulation } from '../../sim/simulation';
import type { UserMarks } from './marks';
import { redisDetail, type RedisDetail } from './redisDetail';
import { nodeDetail, userDetail, type NodeDetail, type UserDetail } from './view';

export type Selection = { kind: 'user'; id: number } | { kind: 'node'; name: string } | { kind: 'redis' } | null;

/** Real ms between inspector refreshes. */
const DETAIL_MS = 500;

export class Inspector {
  selection = $state.raw<Selection>(null);
  detail = $state.raw<UserDetail | NodeDetail | RedisDetail | null>(null);
  private lastDetail = -Infinity;
  private detailBusy = false;

  /** @param sim the simulation shown (read afresh: a seek or a restart replaces it). */
  constructor(private readonly sim: () => Simulation | null, private readonly marks: UserMarks) {}

  select(sel: Selection): void {
    this.selection = sel;
    this.detail = null;
    this.lastDetail = -Infinity;
    this.refresh();
  }

  /** With a DOM snapshot: refresh the detail if `force`d or if the last refresh is old enough. */
  refreshIfDue(force: boolean, now: number): void {
    if (force || now - this.lastDetail >= DETAIL_MS) this.refresh(now);
  }

  /** A selected node that is not in the cluster any more is unselected. */
  keepNodes(has: (name: string) => boolean): void {
    if (this.selection?.kind === 'node' && !has(this.selection.name)) this.selection = null;
  }

  /** A new cluster without Redis: a selected Redis is unselected. */
  keepRedis(sim: Simulation): void {
    if (this.selection?.kind === 'redis' && !sim.world.redis) this.selection = null;
  }

  private refresh(now = performance.now()): void {
    const sim = this.sim();
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
      if (d && sim === this.sim() && this.selection?.kind === 'redis') this.detail = d;
    } finally {
      this.detailBusy = false;
    }
  }
}
