/** Node states in words and a symbol (never colour alone). */
import type { NodeState } from '../../sim/machines/nodeMachine';

export const STATE_BADGE: Readonly<Record<NodeState, { word: string; icon: string }>> = {
  up: { word: 'up', icon: '●' },
  down: { word: 'down', icon: '✕' },
  booting: { word: 'booting', icon: '◌' },
  draining: { word: 'draining', icon: '↘' },
};
