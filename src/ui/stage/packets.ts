/**
 * Requests in flight on screen. At 10× a request lasts a few real milliseconds, so the stage
 * animates *finished* requests (the engine's onRecord) as packets that travel user → balancer
 * → node and back over a fixed real duration, the answer coming back in the outcome's shape.
 * Typed arrays, no allocation per packet; sampled so the screen stays readable.
 */
import { cellCenter, groupCell, type CrowdGrid } from './crowd';
import { wirePoint, type Point, type StageLayout } from './layout';

/** Real ms a packet takes for the round trip: shorter when time runs fast. */
export function packetDuration(speed: number): number {
  return speed <= 1 ? 900 : speed <= 5 ? 700 : 520;
}

export class PacketPool {
  readonly start: Float64Array;
  readonly dur: Float32Array;
  readonly user: Int32Array;
  /** Node index, or -1 when no node answered (502 from the balancer). */
  readonly node: Int8Array;
  readonly outcome: Uint8Array;
  count = 0;
  /** Accept every k-th ok / failed record (adapts to the arrival rate). */
  private strideOk = 1;
  private strideFail = 1;
  private seenOk = 0;
  private seenFail = 0;
  private arrivalsOk = 0;
  private arrivalsFail = 0;

  constructor(readonly capacity = 420) {
    this.start = new Float64Array(capacity);
    this.dur = new Float32Array(capacity);
    this.user = new Int32Array(capacity);
    this.node = new Int8Array(capacity);
    this.outcome = new Uint8Array(capacity);
  }

  /** Offer a finished request; returns whether it will be drawn. `code` 1 = ok (see outcomes.ts). */
  offer(startMs: number, durMs: number, user: number, node: number, code: number): boolean {
    const ok = code === 1 || code === 7;
    if (ok) {
      this.arrivalsOk++;
      if (this.seenOk++ % this.strideOk !== 0) return false;
    } else {
      this.arrivalsFail++;
      if (this.seenFail++ % this.strideFail !== 0) return false;
    }
    if (this.count >= this.capacity) return false;
    const i = this.count++;
    this.start[i] = startMs;
    this.dur[i] = durMs;
    this.user[i] = user;
    this.node[i] = node;
    this.outcome[i] = code;
    return true;
  }

  /**
   * Once per frame: drop finished packets and re-tune the sampling so that about
   * `capacity` packets are in flight (failures get 40% of the room: they are the story).
   */
  update(now: number, frameMs: number, durMs: number): void {
    let j = 0;
    for (let i = 0; i < this.count; i++) {
      if (now - this.start[i]! >= this.dur[i]!) continue;
      if (i !== j) {
        this.start[j] = this.start[i]!;
        this.dur[j] = this.dur[i]!;
        this.user[j] = this.user[i]!;
        this.node[j] = this.node[i]!;
        this.outcome[j] = this.outcome[i]!;
      }
      j++;
    }
    this.count = j;
    if (frameMs > 0) {
      const perDur = (n: number) => (n / frameMs) * durMs; // in flight if all were drawn
      this.strideOk = stride(perDur(this.arrivalsOk), this.capacity * 0.6, this.strideOk);
      this.strideFail = stride(perDur(this.arrivalsFail), this.capacity * 0.4, this.strideFail);
    }
    this.arrivalsOk = 0;
    this.arrivalsFail = 0;
  }

  clear(): void {
    this.count = 0;
    this.strideOk = this.strideFail = 1;
  }
}

/** Smoothly adapted sampling stride: draw one in k so that about `room` are in flight. */
function stride(inFlight: number, room: number, prev: number): number {
  const want = Math.max(1, Math.ceil(inFlight / room));
  return want > prev ? want : Math.max(1, Math.round(prev * 0.9 + want * 0.1));
}

const scratch: Point = { x: 0, y: 0 };

/**
 * Where a packet is at progress t ∈ [0, 1): out along user → balancer → node in the first
 * half, back in the second. Writes into `out`; returns true on the way back.
 */
export function packetPoint(l: StageLayout, g: CrowdGrid, user: number, node: number, t: number, out: Point): boolean {
  const back = t >= 0.5;
  const u = back ? 1 - t : t; // mirror: the way back retraces the way out
  const cell = cellCenter(g, groupCell(g, user), scratch);
  const wire = node >= 0 ? l.lbToNode[node] : undefined;
  if (u < 0.25 || !wire) {
    const f = wire ? u / 0.25 : Math.min(1, u / 0.4);
    out.x = cell.x + (l.lbIn.x - cell.x) * f;
    out.y = cell.y + (l.lbIn.y - cell.y) * f;
  } else {
    wirePoint(wire, (u - 0.25) / 0.25, out);
  }
  return back;
}
