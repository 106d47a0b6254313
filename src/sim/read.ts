/**
 * What views read of a running simulation (the read API, docs/architecture.md): plain data or
 * narrow interfaces, so the page never reaches into the engine's `World`. {@link Simulation}
 * implements it; the lesson evaluator has its own narrow {@link SimView} for goals.
 */
import type { EngineRedis } from './redis/engineRedis';
import type { SimSettings } from './types';

/** A user of the crowd, as the stage paints it and the feed's digest counts it. */
export interface CrowdUser {
  readonly id: number;
  readonly ip: string;
  readonly kind: string;
  /** In the crowd now (a shrunk crowd keeps its users, inactive). */
  readonly active: boolean;
}

/** An app node as a shell on it sees it: its name and the session files on its disk. */
export interface NodeFiles {
  readonly name: string;
  readonly disk: { readonly files: ReadonlyMap<string, { readonly data: string; readonly mtime: number }> };
}

export interface SimRead {
  /** Virtual ms since the start. */
  readonly now: number;
  readonly settings: Readonly<SimSettings>;
  /** The Redis holding sessions (the current primary), which redis-cli talks to; null: the cluster runs none. */
  readonly sessionRedis: EngineRedis | null;
  /** The prefix of a session id's key in Redis (what `KEYS` lists before the id). */
  readonly sessionKeyPrefix: string;
  /** The app nodes' names, in the cluster's order. */
  nodeNames(): string[];
  /** A node as its shell sees it (undefined: no such node). */
  nodeFiles(name: string): NodeFiles | undefined;
  /** The shared database server is up (null: no database in this run). */
  readonly databaseUp: boolean | null;
  /** The crowd, by user id − 1 (inactive users included). */
  readonly crowd: readonly CrowdUser[];
  /** Logouts since the start. */
  readonly logouts: number;
  /** Logouts in each closed virtual second, oldest first (the metrics' per-second series). */
  readonly logoutSeconds: readonly { readonly logouts: number }[];
}
