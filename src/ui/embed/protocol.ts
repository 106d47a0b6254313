/**
 * The embedding protocol (docs/embedding.md): what a host page may post to the lab in an
 * iframe, checked field by field. Messages are data: nothing in one is ever evaluated, and
 * anything unexpected is ignored with a console warning (never an error).
 */
import { NODE_ACTIONS as NODE_FAULTS, PLAIN_ACTIONS as PLAIN_FAULTS } from '../../sim/settings';
import type { FaultAction } from '../../sim/types';

export const SOURCE = 'session-cluster-lab';

/** What the lab posts to its host. */
export type OutgoingMessage =
  | { source: typeof SOURCE; type: 'ready' }
  | { source: typeof SOURCE; type: 'state'; t: number; playing: boolean; logouts: number; requests: number };

export type EmbedCommand =
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'seek'; t: number }
  | { type: 'fault'; action: FaultAction }
  | { type: 'link'; url: string };

export type Parsed = { ok: true; command: EmbedCommand } | { ok: false; warning: string } | null;


function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Read a posted message. `null`: not addressed to the lab (other scripts on the host post
 * messages too; those are silently left alone).
 */
export function parseEmbedMessage(data: unknown, nodeCount: number): Parsed {
  if (!isRecord(data) || data.target !== SOURCE) return null;
  const type = data.type;
  switch (type) {
    case 'play': case 'pause':
      return { ok: true, command: { type } };
    case 'seek': {
      const t = data.t;
      if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) return { ok: false, warning: 'seek: "t" must be a number of virtual seconds ≥ 0' };
      return { ok: true, command: { type: 'seek', t } };
    }
    case 'fault': {
      const action = data.action;
      if ((NODE_FAULTS as readonly unknown[]).includes(action)) {
        const node = data.node;
        const n = typeof node === 'string' ? /^node-(\d)$/.exec(node) : null;
        if (!n || Number(n[1]) < 1 || Number(n[1]) > nodeCount) return { ok: false, warning: `fault ${String(action)}: "node" must be node-1 … node-${nodeCount}` };
        return { ok: true, command: { type: 'fault', action: { kind: action as (typeof NODE_FAULTS)[number], node: node as string } } };
      }
      if ((PLAIN_FAULTS as readonly unknown[]).includes(action)) return { ok: true, command: { type: 'fault', action: { kind: action as (typeof PLAIN_FAULTS)[number] } } };
      return { ok: false, warning: `fault: unknown action ${JSON.stringify(action)?.slice(0, 40)}; expected one of ${[...NODE_FAULTS, ...PLAIN_FAULTS].join(', ')}` };
    }
    case 'link': {
      const url = data.url;
      if (typeof url !== 'string' || url.length > 20_000) return { ok: false, warning: 'link: "url" must be a run link (a string)' };
      return { ok: true, command: { type: 'link', url } };
    }
    default:
      return { ok: false, warning: `unknown message type ${JSON.stringify(type)?.slice(0, 40) ?? 'undefined'}; expected play, pause, seek, fault or link` };
  }
}

/** Posts `state` at most `perSecond` times a second, and only when something changed. */
export class StatePoster {
  private last = '';
  private lastAt = -Infinity;
  constructor(private readonly post: (m: OutgoingMessage) => void, private readonly perSecond = 5) {}

  /** Call as often as you like with the wall-clock ms; returns whether a message was posted. */
  offer(nowMs: number, state: { t: number; playing: boolean; logouts: number; requests: number }): boolean {
    const key = `${state.t}|${state.playing}|${state.logouts}|${state.requests}`;
    if (key === this.last || nowMs - this.lastAt < 1000 / this.perSecond) return false;
    this.last = key;
    this.lastAt = nowMs;
    this.post({ source: SOURCE, type: 'state', ...state });
    return true;
  }
}
