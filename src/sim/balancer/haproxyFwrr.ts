/**
 * HAProxy `balance roundrobin`: the "fast weighted round robin" of src/lb_fwrr.c (2.x), not
 * nginx's smooth weighted round robin. With weights 5/1/2 the two interleave differently, and a
 * server coming back up is placed by its position arithmetic (a real haproxy 2.6 agrees with
 * this module request for request: `npm run oracles`).
 *
 * Servers sit in ordered trees (ebtrees: keyed, equal keys in insertion order): `curr`, keyed by
 * their next position `npos`, and `init` / `next`, keyed by inverted weight (heavy servers first).
 * Each pick takes the first server of `curr` if its position has come (`npos <= curr_pos`), else
 * the heaviest server of `init`; the chosen server moves forward by `next_weight / eweight`
 * positions. When `curr` and `init` are both exhausted the trees switch. Plain data (STYLE.md §5).
 */
import type { Peer } from './peer';

/** BE_WEIGHT_SCALE: eweight = uweight × 16. */
const BE_WEIGHT_SCALE = 16;
/** SRV_UWGHT_RANGE. */
const SRV_UWGHT_RANGE = 256;
/** SRV_EWGHT_MAX = SRV_UWGHT_MAX × BE_WEIGHT_SCALE. */
const SRV_EWGHT_MAX = 256 * BE_WEIGHT_SCALE;

type TreeName = 'curr' | 't0' | 't1';

/** One server's fwrr fields (`struct server`: npos, lpos, rweight, lb_node, lb_tree). */
export interface FwrrServer {
  npos: number;
  lpos: number;
  rweight: number;
  tree: TreeName | null;
  key: number;
  /** Insertion order, the tie-break among equal keys. */
  seq: number;
}

/** `struct fwrr_group` for the active servers, plus every server's fields by peer index. */
export interface FwrrState {
  currPos: number;
  currWeight: number;
  nextWeight: number;
  init: 't0' | 't1';
  next: 't0' | 't1';
  /** Peer indices in tree order. */
  trees: Record<TreeName, number[]>;
  srv: FwrrServer[];
  seq: number;
}

const eweight = (p: Peer): number => p.weight * BE_WEIGHT_SCALE;

function insert(st: FwrrState, tree: TreeName, index: number, key: number): void {
  const s = st.srv[index]!;
  s.key = key;
  s.seq = ++st.seq;
  s.tree = tree;
  const t = st.trees[tree];
  let i = t.length;
  while (i > 0 && st.srv[t[i - 1]!]!.key > key) i--; // after every equal key: insertion order
  t.splice(i, 0, index);
}

/** fwrr_dequeue_srv. */
function dequeue(st: FwrrState, index: number): void {
  const s = st.srv[index]!;
  if (s.tree === null) return;
  const t = st.trees[s.tree];
  const at = t.indexOf(index);
  if (at >= 0) t.splice(at, 1);
}

/** fwrr_queue_by_weight. */
function queueByWeight(st: FwrrState, tree: TreeName, p: Peer): void {
  insert(st, tree, p.index, SRV_EWGHT_MAX - eweight(p));
}

/** fwrr_queue_srv (for a usable server). */
function queueSrv(st: FwrrState, p: Peer): void {
  const s = st.srv[p.index]!;
  const ew = eweight(p);
  if (ew <= 0 || s.npos >= 2 * st.currWeight || s.npos >= st.currWeight + st.nextWeight) {
    s.npos -= st.currWeight;
    queueByWeight(st, st.next, p);
  } else {
    insert(st, 'curr', p.index, SRV_UWGHT_RANGE * s.npos + Math.trunc((SRV_EWGHT_MAX + s.rweight - ew) / BE_WEIGHT_SCALE));
  }
}

/** fwrr_get_srv: prepare a server taken out of its tree. */
function getSrv(st: FwrrState, index: number): void {
  const s = st.srv[index]!;
  if (s.tree === st.init) {
    s.npos = 0;
    s.rweight = 0;
  } else if (s.tree === st.next) {
    s.npos += st.currWeight;
  } else if (s.tree === null) {
    s.npos = st.currPos;
  }
}

/** fwrr_init_server_groups for the active group: every usable active server in `init`, heaviest first. */
export function createFwrr(all: Peer[], usable: (p: Peer) => boolean): FwrrState {
  const act = all.filter((p) => !p.backup && usable(p));
  const tot = act.reduce((n, p) => n + eweight(p), 0);
  const st: FwrrState = {
    currPos: tot, currWeight: tot, nextWeight: tot, init: 't0', next: 't1',
    trees: { curr: [], t0: [], t1: [] },
    srv: all.map(() => ({ npos: 0, lpos: 0, rweight: 0, tree: null, key: 0, seq: 0 })),
    seq: 0,
  };
  for (const p of act) queueByWeight(st, st.init, p);
  return st;
}

/** fwrr_set_server_status_down / _up for an active server whose usability changed. */
export function fwrrServerChanged(st: FwrrState, p: Peer, nowUsable: boolean): void {
  if (p.backup) return; // backups are used one at a time (first usable backup): no fwrr group
  const s = st.srv[p.index]!;
  if (!nowUsable) {
    st.nextWeight -= eweight(p);
    dequeue(st, p.index);
    s.tree = null;
    return;
  }
  st.nextWeight += eweight(p);
  getSrv(st, p.index);
  dequeue(st, p.index);
  s.npos = st.currPos + Math.trunc((st.nextWeight + st.currWeight - st.currPos) / eweight(p));
  s.tree = null;
  queueSrv(st, p);
}

/** fwrr_get_server_from_group. */
function serverFromGroup(st: FwrrState, all: Peer[]): Peer | null {
  const i1 = st.trees.curr[0];
  const s1 = i1 === undefined ? null : all[i1]!;
  if (s1 !== null && st.srv[s1.index]!.npos <= st.currPos) return s1;
  const i2 = st.trees[st.init][0];
  if (i2 !== undefined) {
    const s = st.srv[i2]!;
    s.npos = 0;
    s.rweight = 0;
    return all[i2]!;
  }
  return s1;
}

/** fwrr_update_position. */
function updatePosition(st: FwrrState, p: Peer): void {
  const s = st.srv[p.index]!;
  const ew = eweight(p);
  if (s.npos === 0) s.npos = st.currPos; // "first time ever for this server"
  s.lpos = s.npos;
  s.npos += Math.trunc(st.nextWeight / ew);
  s.rweight += st.nextWeight % ew;
  if (s.rweight >= ew) {
    s.rweight -= ew;
    s.npos++;
  }
}

/**
 * fwrr_get_next_server over the active group (the caller handles "no active server": first
 * usable backup). `avoid` is skipped once if anything else can be had (a redispatch).
 */
export function fwrrNext(st: FwrrState, all: Peer[], avoid: Peer | null): Peer | null {
  let switched = false;
  let avoided: Peer | null = null;
  const full: Peer[] = []; // srv->next_full chain, most recent first
  let srv: Peer | null = null;
  let take = false;
  outer: for (;;) {
    if (st.currWeight === 0) st.currPos = st.currWeight = st.nextWeight;
    for (;;) {
      srv = serverFromGroup(st, all);
      if (srv !== null) break;
      if (switched) {
        if (avoided !== null) {
          srv = avoided;
          take = true;
          break outer;
        }
        break outer; // requeue_servers with srv = NULL
      }
      switched = true;
      const swap = st.init;
      st.init = st.next;
      st.next = swap;
      st.currWeight = st.nextWeight;
      st.currPos = st.currWeight;
    }
    updatePosition(st, srv);
    dequeue(st, srv.index);
    st.srv[srv.index]!.tree = null;
    st.currPos++;
    if (srv !== avoid || avoided !== null) {
      take = true;
      break;
    }
    avoided = srv;
    full.unshift(srv);
  }
  if (take && srv !== null) queueSrv(st, srv);
  for (const f of full) {
    if (f === srv) continue;
    if (switched) queueByWeight(st, st.init, f);
    else queueSrv(st, f);
  }
  return take ? srv : null;
}
