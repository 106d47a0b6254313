/**
 * One app server: its lifecycle actor (XState: the process and its link to Redis), its own
 * disk of session files, and what is in flight on it.
 */
import { createActor, type Actor } from 'xstate';
import { acceptsConnections, linkState, nodeMachine, nodeRefusal, processState, type NodeEvent, type NodeSnapshot, type NodeState } from '../machines/nodeMachine';
import { CLONE, type Cloner } from '../graphClone';
import { FileSessionDir } from '../session/fileStore';
import type { NodeSpec } from '../types';

/** Boot times, virtual ms: a PHP-FPM restart is quick; a replacement instance must be provisioned. */
export const RESTART_BOOT_MS = 5_000;
export const REPLACE_BOOT_MS = 15_000;

export class AppNode {
  readonly actor: Actor<typeof nodeMachine>;
  /** `storage/framework/sessions` on this instance's disk. */
  readonly disk: FileSessionDir;
  /** Requests being processed. */
  inFlight = 0;
  /** Session locks held in this node's own cache store (file/array drivers). */
  readonly locks = new Map<string, { owner: string; expiresAt: number }>();
  /** Private address (the balancer's view, redis MONITOR's client address). */
  readonly privateIp: string;

  constructor(readonly spec: NodeSpec, index: number, lifetimeMin: number) {
    this.actor = createActor(nodeMachine, { input: { name: spec.name } }).start();
    this.disk = new FileSessionDir(lifetimeMin * 60_000);
    this.privateIp = `10.0.0.${11 + index}`;
  }

  get name(): string {
    return this.spec.name;
  }

  get snapshot(): NodeSnapshot {
    return this.actor.getSnapshot();
  }

  get state(): NodeState {
    return processState(this.actor.getSnapshot());
  }

  /** Packets from this node to Redis are dropped (the machine's `link` region). */
  get partitioned(): boolean {
    return linkState(this.actor.getSnapshot()) === 'partitioned';
  }

  /** PHP-FPM process lifetime counter: a request begun in an older epoch died with it. */
  get epoch(): number {
    return this.actor.getSnapshot().context.epoch;
  }

  get accepting(): boolean {
    return acceptsConnections(this.state);
  }

  /**
   * Send a lifecycle event if the machine accepts it; otherwise return the machine's reason
   * (nothing changes). A new instance (REPLACE) comes with an empty disk.
   */
  send(event: NodeEvent): string | null {
    const before = this.actor.getSnapshot();
    const refused = nodeRefusal(before, event);
    if (refused) return refused;
    this.actor.send(event);
    if (this.actor.getSnapshot().context.generation !== before.context.generation) this.disk.wipe();
    return null;
  }

  /** A checkpoint's copy: the disk and locks copied, the machine restored from its persisted state. */
  [CLONE](c: Cloner): AppNode {
    return c.copyFields<AppNode>(this, { actor: createActor(nodeMachine, { input: { name: this.name }, snapshot: this.actor.getPersistedSnapshot() }).start() });
  }
}
