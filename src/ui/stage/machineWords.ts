/**
 * Words for the machines' statecharts: a machine's last transition as a sentence a student
 * reads ("up → down: crashed by you at 09:01:12", "booting → up: booted after 5 s").
 */
import type { LastTransition } from '../../sim/machines/cause';
import { clock } from '../format';

const VERB: Record<string, string> = {
  CRASH: 'crashed', RESTART: 'restarted', REPLACE: 'replaced by a new instance', DRAIN: 'drain started',
  DRAINED: 'drained (its last request finished)', BOOTED: 'booted', PARTITION: 'cut off from Redis', HEAL: 'healed',
  DOWN: 'taken down', UP: 'brought up', FAILOVER: 'primary died', PROMOTED: 'replica promoted by Sentinel',
  BLACKHOLE: 'black-holed',
};

const BY: Record<LastTransition['by'], string> = { you: 'by you', schedule: 'by the schedule', deploy: 'by the deploy', engine: '' };

/** "12 s", "3 min 20 s", "1 h 5 min" for a virtual duration. */
export function span(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  return `${Math.floor(s / 3600)} h${Math.floor((s % 3600) / 60) ? ` ${Math.floor((s % 3600) / 60)} min` : ''}`;
}

/**
 * The transition as a sentence. Something a person did says who and when; what the engine
 * did on its own (a boot, a drain, a promotion) says how long the state it left lasted.
 */
export function describeTransition(t: LastTransition): string {
  const verb = VERB[t.event] ?? t.event.toLowerCase();
  const who = BY[t.by];
  const what = who ? `${verb} ${who} at ${clock(t.at)}` : `${verb} after ${span(t.after)} (${clock(t.at)})`;
  return `${t.from} → ${t.to}: ${what}`;
}

/** A machine guard's name in words, for the `event [guard]` labels. */
const GUARD: Record<string, string> = {
  currentEpoch: 'same epoch', notBooting: 'unless booting', notFailingOver: 'unless failing over', failingOver: 'while failing over',
};

export function guardWord(guard: string): string {
  return GUARD[guard] ?? guard;
}
