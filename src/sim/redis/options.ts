import type { EvictionPolicy } from '../types';

/** Options of {@link SimRedis.create}. */
export interface SimRedisOptions {
  /** The simulation clock, virtual epoch ms. Read once per command. */
  now: () => number;
  /** A label for the instance (diagnostics). */
  name?: string;
  /** `maxmemory` in bytes; 0 (default) = unlimited. */
  maxmemoryBytes?: number;
  /** `maxmemory-policy`; default `noeviction`, as Redis. */
  policy?: EvictionPolicy;
  /** Seeded [0,1) source for random eviction, sampling and LFU coins. Never Math.random. */
  rng?: () => number;
  /**
   * Commands each new client connection sends before its own (phpredis/predis: `AUTH` when a
   * password is set, then `SELECT db`): counted and shown in MONITOR like any command.
   */
  handshake?: readonly (readonly string[])[];
}

/** Plain data for the UI. */
export interface RedisSnapshot {
  up: boolean;
  keys: number;
  usedMemory: number;
  maxmemory: number;
  policy: EvictionPolicy;
  connectedClients: number;
  /** total_commands_processed. */
  commands: number;
  expiredKeys: number;
  evictedKeys: number;
  hits: number;
  misses: number;
}
