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
  connect(clientId: string): void;
  disconnect(clientId: string): void;
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
