/**
 * A machine's statechart as plain data for a diagram, read from the machine definition itself
 * (XState's state nodes), so the picture cannot drift from what the engine runs. One region per
 * parallel region (or one for a flat machine); transitions between the same two states merge.
 * A transition the region itself handles (from whichever state it is in) comes from {@link ANY}.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';

/** The source of a transition defined on the region, not on one of its states. */
export const ANY = '*';

export interface ChartEvent {
  type: string;
  /** The named guard it must pass (e.g. `currentEpoch`), or null. */
  guard: string | null;
}

export interface ChartEdge {
  /** A state, or {@link ANY}. */
  from: string;
  to: string;
  /** The events that take this transition, in definition order. */
  events: ChartEvent[];
}

export interface ChartRegion {
  /** The region's key (`process`, `link`, `server`, `network`), or the machine id for a flat machine. */
  id: string;
  initial: string;
  /** States in definition order. */
  states: string[];
  edges: ChartEdge[];
}

export function chartOf(machine: AnyStateMachine): ChartRegion[] {
  const root = machine.root;
  const regions: [string, AnyStateNode][] = root.type === 'parallel' ? Object.entries(root.states) : [[machine.id, root]];
  return regions.map(([id, region]) => regionChart(id, region));
}

function regionChart(id: string, region: AnyStateNode): ChartRegion {
  const states = Object.keys(region.states);
  const edges: ChartEdge[] = [];
  const sources: [string, AnyStateNode][] = [...Object.entries(region.states), [ANY, region]];
  for (const [from, node] of sources) {
    for (const [type, defs] of node.transitions) {
      for (const def of defs) {
        for (const target of def.target ?? []) {
          if (target.parent !== region) continue; // only transitions within the region are drawn
          let edge = edges.find((e) => e.from === from && e.to === target.key);
          if (!edge) edges.push(edge = { from, to: target.key, events: [] });
          const guard = typeof def.guard === 'string' ? def.guard : (def.guard as { type?: string } | undefined)?.type ?? null;
          if (!edge.events.some((e) => e.type === type && e.guard === guard)) edge.events.push({ type, guard });
        }
      }
    }
  }
  const initial = region.initial?.target[0]?.key ?? states[0] ?? '';
  return { id, initial, states, edges };
}
