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
  /** A named connection opens (`connected_clients`), e.g. `"oracle"`; connecting twice counts once. */
  connect(clientId: string): void;
  disconnect(clientId: string): void;
  /**
   * A request's own connection opens (`connected_clients`; the handshake's commands are counted
   * and shown to MONITOR as `label`). Returns the token {@link closeRequest} takes: a request
   * connection is counted, not kept in a set (which grew and shrank on every request).
   */
  openRequest(label?: string): number;
  /** The request's connection closes; nothing if the server dropped it since (`down`). */
  closeRequest(token: number): void;
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
