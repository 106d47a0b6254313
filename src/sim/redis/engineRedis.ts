/**
 * The Redis surface the engine uses. SimRedis (ioredis-mock on the virtual clock) implements it;
 * so does the CLI's RealRedis (ioredis against a real server, for --redis-url).
 */
import type { MonitorListener } from './monitor';
import type { RedisReply } from './reply';
import type { RedisSnapshot } from './options';

/**
 * The session commands answered synchronously. A server the engine owns (SimRedis) offers
 * them, so a request costs no promise and no event-loop hop; a real server cannot.
 * They throw what the asynchronous ones reject with.
 */
export interface ImmediateRedis {
  /** Whether a MONITOR is listening (callers build a client label only then). */
  readonly monitoring: boolean;
  getNow(key: string, client?: string): string | null;
  setexNow(key: string, seconds: number, value: string, client?: string): void;
  delNow(key: string, client?: string): number;
}

/**
 * Who holds a connection: a label (`"oracle"`, `"10.0.0.11:1"`) or a number (a request's own
 * connection: numbers cost no string per request; MONITOR shows them as `node-ip:number`).
 */
export type ClientId = string | number;

/** What a simulated run calls on its Redis. */
export interface EngineRedis {
  /** Present when the session commands can be answered synchronously (SimRedis). */
  readonly immediate?: ImmediateRedis;
  readonly name: string;
  readonly isUp: boolean;
  blackhole: boolean;
  readonly latencyMs: number;
  get(key: string, client?: string): Promise<string | null>;
  setex(key: string, seconds: number, value: string, client?: string): Promise<'OK'>;
  del(key: string, client?: string): Promise<number>;
  keys(pattern: string, client?: string): Promise<string[]>;
  command(name: string, args: readonly string[], client?: string): Promise<RedisReply>;
  /** A connection opens (`connected_clients`); `label` is its address for MONITOR (default: the id). */
  connect(clientId: ClientId, label?: string): void;
  disconnect(clientId: ClientId): void;
  down(): void;
  up(): void;
  setLatency(ms: number): void;
  tick(now: number): void;
  snapshot(): RedisSnapshot;
  info(section?: string): string;
  commandCalls(): Record<string, number>;
  /**
   * Keyspace hits per command name (a TTL that found its key). Only the simulated Redis knows:
   * a real server reports `keyspace_hits` for all commands together, so it leaves this out.
   */
  commandHits?(): Record<string, number>;
  monitor(listener: MonitorListener): () => void;
  /** Release connections and shared state at the end of a run. */
  dispose(): void;
}
