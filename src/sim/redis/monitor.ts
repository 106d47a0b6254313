import { CLONE } from '../graphClone';
import { repr } from './repr';

/** Receives one MONITOR line per executed command. */
export type MonitorListener = (line: string) => void;

/** The client label used when a caller does not say who sent a command. */
export const UNKNOWN_CLIENT = '0.0.0.0:0';

/**
 * MONITOR fan-out. Lines are built only when someone listens (the hot path checks
 * {@link active} first), in Redis 7's `replicationFeedMonitors()` format:
 * `1764432000.123456 [0 10.0.0.11:51234] "SETEX" "key" "7200" "value"` — seconds.microseconds
 * of the (virtual) time, db number, the client's address, then each argument quoted by
 * `sdscatrepr`. The command name is shown as the client sent it.
 */
export class Monitor {
  private readonly listeners = new Set<MonitorListener>();
  /** True while at least one listener is subscribed. */
  active = false;

  /** A checkpoint's copy has no MONITOR clients: they watched the original. */
  [CLONE](): Monitor {
    return new Monitor();
  }

  subscribe(listener: MonitorListener): () => void {
    this.listeners.add(listener);
    this.active = true;
    return () => {
      this.listeners.delete(listener);
      this.active = this.listeners.size > 0;
    };
  }

  /** Emit one line; `nowMs` is virtual epoch ms (fractions give microseconds). */
  emit(nowMs: number, client: string | undefined, name: string, args: readonly (string | number)[]): void {
    const line = formatMonitorLine(nowMs, client ?? UNKNOWN_CLIENT, name, args);
    for (const listener of this.listeners) listener(line);
  }
}

/** One MONITOR line (db 0). */
export function formatMonitorLine(nowMs: number, client: string, name: string, args: readonly (string | number)[]): string {
  const micros = Math.round(nowMs * 1000); // round: a float ms like 1764432000123.456 is not exact
  const sec = Math.floor(micros / 1e6);
  const usec = String(micros - sec * 1e6).padStart(6, '0');
  let line = `${sec}.${usec} [0 ${client}] ${repr(name)}`;
  for (const arg of args) line += ` ${repr(String(arg))}`;
  return line;
}
