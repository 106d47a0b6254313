/**
 * The redis-cli console's state: it sends each line to the running simulation's own Redis
 * (`runRedisCli`), keeps history, and streams MONITOR until Ctrl+C. Like redis-cli, the prompt
 * turns to `not connected>` after a refused connection and every command retries it.
 */
import { completeRedisLine, keysInOutput } from '../../console/completion';
import { CommandHistory } from '../../console/history';
import { runRedisCli, type RedisCliResult } from '../../console/redisCli';
import type { Simulation } from '../../sim/simulation';
import { sessionOwners } from '../state/view';
import { Transcript } from './transcript.svelte';

/** MONITOR lines are batched to the screen this often (real ms). */
const MONITOR_FLUSH_MS = 100;

export class RedisConsole {
  readonly transcript = new Transcript(1000);
  readonly history = new CommandHistory();
  connected = $state(true);
  monitoring = $state(false);
  busy = $state(false);
  private sim: Simulation | null = null;
  /** Runs a line in the page's runner (which records it in the run); unset in isolation. */
  via: ((line: string) => Promise<RedisCliResult | null>) | null = null;
  private stopMonitor: (() => void) | null = null;
  private buffer: string[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  /** Keys SCAN or KEYS printed in this console, for Tab (most recent last, bounded). */
  private seen: string[] = [];

  /** `127.0.0.1:6379>`, `127.0.0.1:6379[1]>` for another db, or `not connected>`. */
  get prompt(): string {
    if (!this.connected) return 'not connected>';
    const r = this.sim?.settings.redis;
    const db = r && r.db !== 0 ? `[${r.db}]` : '';
    return `${this.address}${db}>`;
  }

  private get address(): string {
    const r = this.sim?.settings.redis;
    return `${r?.host ?? '127.0.0.1'}:${r?.port ?? 6379}`;
  }

  /** Point the console at a (new) simulation: a restarted cluster has a new Redis server. */
  attach(sim: Simulation | null): void {
    if (sim === this.sim) return;
    const had = this.sim !== null;
    this.seen = [];
    this.stop(had ? 'Error: Server closed the connection' : null);
    this.sim = sim;
    this.connected = !!sim?.sessionRedis;
    // A restart, a seek or an opened run: the console now reads that run's Redis (none on a file cluster: nothing to say).
    if (had && sim?.sessionRedis) this.transcript.push({ kind: 'note', text: 'A new simulation (a restart, a seek or an opened run): redis-cli now talks to its Redis.' });
  }

  async submit(line: string): Promise<void> {
    if (this.monitoring || this.busy) return;
    this.transcript.push({ kind: 'input', prompt: this.prompt, text: line });
    this.history.push(line);
    const word = line.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    if (word === 'clear') return this.transcript.clear();
    if (word === 'exit' || word === 'quit') {
      this.transcript.push({ kind: 'note', text: 'This console stays open; it is the simulator\'s redis-cli.' });
      return;
    }
    const sim = this.sim;
    const redis = sim?.sessionRedis ?? null;
    if (!sim || !redis) {
      if (line.trim() === '') return;
      this.connected = false;
      this.transcript.push({ kind: 'output', text: `Could not connect to Redis at ${this.address}: Connection refused` });
      this.transcript.push({ kind: 'note', text: `This cluster runs no Redis: SESSION_DRIVER=${sim?.settings.session.driver ?? '?'}. Set SESSION_DRIVER=redis in .env to add one.` });
      return;
    }
    this.busy = true;
    try {
      const r = sim.settings.redis;
      // Through the page's runner when there is one: between frames, and recorded in the run.
      const res = (this.via ? await this.via(line) : null) ?? await runRedisCli(redis, line, { host: r.host, port: r.port });
      if (sim !== this.sim) return;
      this.connected = !res.output.startsWith('Could not connect to Redis');
      if (res.output !== '' || line.trim() !== '') this.transcript.push({ kind: 'output', text: res.output });
      const printed = keysInOutput(res.output);
      if (printed.length) this.seen = [...this.seen.filter((k) => !printed.includes(k)), ...printed].slice(-500);
      if (res.warning) this.transcript.push({ kind: 'warning', text: res.warning });
      if (res.monitor) this.startMonitor(sim);
    } catch (e) {
      this.transcript.push({ kind: 'output', text: `(error) ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      this.busy = false;
    }
  }

  /**
   * Tab: complete the command, or a key name — from the keys this console printed and the
   * session keys the browsers hold (no command is sent: completing is not a KEYS in INFO).
   * Several matches are listed under the prompt, as a shell does.
   */
  complete(line: string): string {
    const got = completeRedisLine(line, this.knownKeys());
    if (got.candidates.length > 1) {
      const shown = got.candidates.slice(0, 8);
      const more = got.candidates.length - shown.length;
      this.transcript.push({ kind: 'note', text: `${got.candidates.length} matches: ${shown.join('  ')}${more > 0 ? `  …and ${more} more (type more letters)` : ''}` });
    }
    return got.line;
  }

  private knownKeys(): string[] {
    const sim = this.sim;
    if (!sim?.sessionRedis) return this.seen;
    const prefix = sim.sessionKeyPrefix;
    return [...this.seen, ...[...sessionOwners(sim).keys()].map((id) => `${prefix}${id}`)];
  }

  /** Ctrl+C: ends MONITOR (redis-cli itself would exit; this console stays). */
  interrupt(): void {
    if (this.monitoring) this.stop('^C');
  }

  dispose(): void {
    this.stop(null);
  }

  private startMonitor(sim: Simulation): void {
    const redis = sim.sessionRedis;
    if (!redis) return;
    this.monitoring = true;
    this.buffer = [];
    this.stopMonitor = redis.monitor((l) => {
      this.buffer.push(l);
      if (this.buffer.length > 2000) this.buffer.splice(0, this.buffer.length - 2000);
    });
    this.timer = setInterval(() => {
      this.flush();
      // The server went away under MONITOR (down, or replaced by a promoted replica after a
      // Sentinel failover): redis-cli prints this and stops.
      if (!redis.isUp || sim.sessionRedis !== redis) this.stop('Error: Server closed the connection');
    }, MONITOR_FLUSH_MS);
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const lines = this.buffer;
    this.buffer = [];
    this.transcript.push(...lines.map((text) => ({ kind: 'monitor' as const, text })));
  }

  private stop(message: string | null): void {
    if (!this.monitoring) return;
    this.stopMonitor?.();
    this.stopMonitor = null;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.flush();
    this.monitoring = false;
    if (message) this.transcript.push({ kind: 'output', text: message });
  }
}
