/**
 * A machine's statechart as plain data for a diagram, read from the machine definition itself
 * (XState's state nodes), so the picture cannot drift from what the engine runs. One region per
 * parallel region (or one for a flat machine); transitions between the same two states merge.
 */
import type { AnyStateMachine, AnyStateNode } from 'xstate';

export interface ChartEdge {
  from: string;
  to: string;
  /** Event types that take this transition, in definition order. */
  events: string[];
  /** Named guards on any of them (e.g. `currentEpoch`). */
  guards: string[];
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
  for (const [from, node] of Object.entries(region.states)) {
    for (const [event, defs] of node.transitions) {
      for (const def of defs) {
        for (const target of def.target ?? []) {
          if (target.parent !== region) continue; // only transitions within the region are drawn
          let edge = edges.find((e) => e.from === from && e.to === target.key);
          if (!edge) edges.push(edge = { from, to: target.key, events: [], guards: [] });
          if (!edge.events.includes(event)) edge.events.push(event);
          const guard = typeof def.guard === 'string' ? def.guard : (def.guard as { type?: string } | undefined)?.type;
          if (guard && !edge.guards.includes(guard)) edge.guards.push(guard);
        }
      }
    }
  }
  const initial = region.initial?.target[0]?.key ?? states[0] ?? '';
  return { id, initial, states, edges };
}
