/** The node and Redis statecharts, read once from the machines the engine runs. */
import { nodeMachine } from '../../sim/machines/nodeMachine';
import { redisMachine } from '../../sim/machines/redisMachine';
import { chartOf } from '../../sim/machines/statechart';

export const NODE_CHART = chartOf(nodeMachine);
export const REDIS_CHART = chartOf(redisMachine);

/** Region headings. */
export const NODE_REGIONS: Record<string, string> = { process: 'process', link: 'link to Redis' };
export const REDIS_REGIONS: Record<string, string> = { server: 'server', network: 'network' };
