import type { Redis } from 'ioredis';
import { configGet } from './config';
import { RedisCore } from './core';
import { RedisConnectionError, RedisReplyError, RedisTimeoutError } from './errors';
import { DEFAULT_MAXMEMORY_SAMPLES } from './eviction';
import { mulberry32 } from './fallbackRng';
import { renderInfo } from './info';
import type { MonitorListener } from './monitor';
import type { RedisSnapshot, SimRedisOptions } from './options';
import { applyConfigSet, infoSource } from './serverCommands';
import type { CommandStat } from './stats';

/** Gate states: commands pass, are refused (server down), or vanish (black-holed). */
export const OPEN = 0, REFUSED = 1, BLACKHOLED = 2;

/**
 * The server side of {@link SimRedis} that is not a command: outages, clients, virtual-time
 * heartbeat, configuration, INFO, MONITOR, snapshots.
 */
export abstract class SimRedisBase {
  protected readonly core: RedisCore;
  protected gate = OPEN;
  private serverUp = true;
  private blackholed = false;
  private latency = 0;
  /** The commands a client sends on connecting, each with its counter (looked up once: this runs per request). */
  private readonly handshake: ReadonlyArray<{ name: string; args: string[]; stat: CommandStat }>;

  protected constructor(mock: Redis, protected readonly opts: SimRedisOptions, readonly name: string) {
    const config = { maxmemory: opts.maxmemoryBytes ?? 0, policy: opts.policy ?? 'noeviction', samples: DEFAULT_MAXMEMORY_SAMPLES };
    this.core = new RedisCore(mock, opts.now, opts.rng ?? mulberry32(0x5eed), config, Math.floor(opts.now()));
    this.handshake = (opts.handshake ?? []).filter((c) => c[0] !== undefined)
      .map(([name, ...args]) => ({ name: name!, args, stat: this.core.stats.stat(name!.toLowerCase()) }));
  }

  /** The server process is running (it may still be unreachable: see {@link blackhole}). */
  get isUp(): boolean {
    return this.serverUp;
  }

  /** Stop the server: commands reject with "Connection refused", open connections drop. Data is kept. */
  down(): void {
    this.serverUp = false;
    this.core.dropConnections();
    this.updateGate();
  }

  /** Start it again with its data (as if persisted); clients must reconnect. Counters are kept. */
  up(): void {
    this.serverUp = true;
    this.updateGate();
  }

  /**
   * While true nothing answers: commands reject at once with {@link RedisTimeoutError} and the
   * engine decides how much virtual time the caller waited (a never-settling promise would leak).
   */
  get blackhole(): boolean {
    return this.blackholed;
  }
  set blackhole(on: boolean) {
    this.blackholed = on;
    this.updateGate();
  }

  /** Round-trip latency for the engine to apply, virtual ms (only held here). */
  setLatency(ms: number): void {
    this.latency = ms;
  }
  get latencyMs(): number {
    return this.latency;
  }

  /** A named client opens a connection (`connected_clients`). Throws the outage error when unreachable. */
  connect(clientId: string): void {
    if (this.gate !== OPEN) throw this.gateError();
    const clients = this.core.clients;
    const before = clients.size;
    if (clients.add(clientId).size === before) return; // already connected (one hash lookup, not two)
    this.accepted(clientId);
  }

  disconnect(clientId: string): void {
    this.core.clients.delete(clientId);
  }

  /** A request's own connection opens. Throws the outage error when unreachable. */
  openRequest(label?: string): number {
    if (this.gate !== OPEN) throw this.gateError();
    this.core.requestClients++;
    this.accepted(label);
    return this.core.drops;
  }

  closeRequest(token: number): void {
    if (token === this.core.drops) this.core.requestClients--;
  }

  /** A new connection: counted, and its handshake (AUTH, SELECT) counted and shown to MONITOR. */
  private accepted(label: string | undefined): void {
    const core = this.core;
    core.stats.connectionsReceived++;
    const handshake = this.handshake;
    for (let i = 0; i < handshake.length; i++) { // indexed: this runs per request, and for-of allocated an iterator result per command
      const { name, args, stat } = handshake[i]!;
      stat.calls++;
      core.stats.totalCommands++;
      if (!core.monitor.active) continue;
      core.stamp();
      core.monitor.emit(core.rawNow, label, name, args);
    }
  }

  /** Engine heartbeat: expire keys whose TTL ran out by `now` (virtual epoch ms). Commands do this too. */
  tick(now: number): void {
    const ms = Math.floor(now);
    if (this.core.expiry.peekAt() < ms) this.core.expireDue(ms);
  }

  /** INFO text (Redis 7 layout, CRLF), computed at the current virtual time. Not counted as a command. */
  info(section?: string): string {
    const now = Math.floor(this.opts.now());
    this.tick(now);
    return renderInfo(infoSource(this.core, now), section === undefined ? [] : section.split(/\s+/));
  }

  /** CONFIG SET one parameter (maxmemory, maxmemory-policy, maxmemory-samples). Throws RedisReplyError with Redis's text. */
  configSet(param: string, value: string): void {
    applyConfigSet(this.core, [param, value], Math.floor(this.opts.now()));
  }

  /** CONFIG GET glob, as name → value. */
  configGet(pattern: string): Record<string, string> {
    const flat = configGet(this.core.config, [pattern]);
    const out: Record<string, string> = {};
    for (let i = 0; i + 1 < flat.length; i += 2) out[flat[i] as string] = flat[i + 1] as string;
    return out;
  }

  /** Subscribe to MONITOR lines; returns the unsubscribe function. */
  monitor(listener: MonitorListener): () => void {
    return this.core.monitor.subscribe(listener);
  }

  /** Executed calls per lower-case command name (INFO commandstats `calls`). */
  commandCalls(): Record<string, number> {
    return this.core.stats.callsByName();
  }

  /** Keyspace hits per lower-case command name: how many TTLs found their key, say. */
  commandHits(): Record<string, number> {
    return this.core.stats.hitsByName();
  }

  /** Plain data for the UI. Keys past their deadline stay counted until the next tick or command. */
  snapshot(): RedisSnapshot {
    const core = this.core;
    const s = core.stats;
    return {
      up: this.serverUp, keys: core.table.map.size, usedMemory: core.usedMemory,
      maxmemory: core.config.maxmemory, policy: core.config.policy, connectedClients: core.connectedClients,
      commands: s.totalCommands, expiredKeys: s.expiredKeys, evictedKeys: s.evictedKeys, hits: s.hits, misses: s.misses,
    };
  }

  /** Free the mock's data (ioredis-mock keeps a map per host:port for the life of the page). */
  dispose(): void {
    this.core.clearKeys();
    if (this.core.saved !== null) return; // a checkpoint's copy: no instance to free
    this.core.vt.run(Math.floor(this.opts.now()), () => void this.core.mock.flushall());
    this.core.mock.disconnect();
  }

  /** The error a command gets while the gate is not open. */
  protected gateError(): Error {
    return this.gate === BLACKHOLED ? new RedisTimeoutError() : new RedisConnectionError();
  }

  /** Count a command refused before it ran (e.g. OOM); returns the error to throw. */
  protected refuseCall(stat: CommandStat, message: string): RedisReplyError {
    stat.rejected++;
    this.core.stats.errorReplies++;
    return new RedisReplyError(message);
  }

  private updateGate(): void {
    this.gate = this.blackholed ? BLACKHOLED : this.serverUp ? OPEN : REFUSED;
  }
}
