/**
 * The Redis surface the engine uses. SimRedis (ioredis-mock on the virtual clock) implements it;
 * so does the CLI's RealRedis (ioredis against a real server, for --redis-url).
 */
import type { MonitorListener } from './monitor';
import type { RedisReply } from './reply';
import type { RedisSnapshot } from './options';

/** What a simulated run calls on its Redis. */
export interface EngineRedis {
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
  monitor(listener: MonitorListener): () => void;
  /** Release connections and shared state at the end of a run. */
  dispose(): void;
}
