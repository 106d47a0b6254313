/**
 * The `database` driver (Illuminate\Session\DatabaseSessionHandler), Laravel 11/12's default:
 * one row per session in the `sessions` table (`id`, `payload`, `last_activity`, …).
 *
 * - `read`: a row whose `last_activity` is older than the lifetime is treated as empty — but it
 *   stays in the table. Only `gc()`, run by the session lottery (2 in 100 requests), deletes
 *   expired rows, so without the lottery the table grows (no TTL does it for you, as in Redis).
 * - `DB_CONNECTION=sqlite` (the skeleton's `database/database.sqlite`) is a file on each server's
 *   own disk: in a cluster it fails exactly like the `file` driver.
 * - `DB_CONNECTION=mysql`: one server every node shares, which works — until it is down
 *   (`QueryException` → 500).
 */
import type { AppNode } from '../cluster/appNode';
import type { DbConnection } from '../types';
import type { SessionStore } from './store';

/** One row of the `sessions` table. */
export interface SessionRow {
  payload: string;
  /** Virtual ms of the last write (`last_activity`). */
  lastActivity: number;
}

/** What a query against a stopped MySQL server throws (Laravel wraps it in a QueryException). */
export class DatabaseDownError extends Error {
  constructor() {
    super('SQLSTATE[HY000] [2002] Connection refused (Connection: mysql, SQL: select * from `sessions` where `id` = ? limit 1)');
    this.name = 'QueryException';
  }
}

/** The `sessions` table of one database. */
export class SessionTable implements SessionStore {
  readonly rows = new Map<string, SessionRow>();

  constructor(private lifetimeMs: number, private readonly server: DatabaseServer | null = null) {}

  private check(): void {
    if (this.server && !this.server.up) throw new DatabaseDownError();
  }

  /** `DatabaseSessionHandler::read`: an expired row reads as empty (and is left in place). */
  read(id: string, req: { now: number }): string | null {
    this.check();
    const row = this.rows.get(id);
    if (!row || row.lastActivity < req.now - this.lifetimeMs) return null;
    return row.payload;
  }

  /** `write`: an update if the row exists, else an insert; `last_activity` = now. */
  write(id: string, data: string, req: { now: number }): void {
    this.check();
    this.rows.set(id, { payload: data, lastActivity: req.now });
  }

  destroy(id: string): void {
    this.check();
    this.rows.delete(id);
  }

  /** `gc($lifetime)`: `delete from sessions where last_activity <= now - lifetime`. Returns the rows deleted. */
  gc(now: number): number {
    if (this.server && !this.server.up) return 0;
    let n = 0;
    for (const [id, row] of this.rows) {
      if (row.lastActivity <= now - this.lifetimeMs) {
        this.rows.delete(id);
        n++;
      }
    }
    return n;
  }

  /** Rows whose session has expired but which are still in the table. */
  expiredRows(now: number): number {
    let n = 0;
    for (const row of this.rows.values()) if (row.lastActivity < now - this.lifetimeMs) n++;
    return n;
  }
}

/** The shared MySQL server (`db-down` / `db-up`). */
export interface DatabaseServer {
  up: boolean;
}

/** The database(s) of a run: one shared MySQL table, or a SQLite table per server instance. */
export class SessionDatabase {
  readonly server: DatabaseServer = { up: true };
  /** The `cache_locks` table on the shared server (`->block()` with the database cache store). */
  readonly locks = new Map<string, { owner: string; expiresAt: number }>();
  private readonly shared: SessionTable | null;
  /** SQLite: per node, per instance (a replaced node comes with a fresh disk and an empty file). */
  private readonly local = new Map<string, { generation: number; table: SessionTable }>();

  constructor(readonly connection: DbConnection, private readonly lifetimeMs: number) {
    this.shared = connection === 'mysql' ? new SessionTable(lifetimeMs, this.server) : null;
  }

  /** The table a node reads and writes. */
  tableFor(node: AppNode): SessionTable {
    if (this.shared) return this.shared;
    const generation = node.actor.getSnapshot().context.generation;
    let entry = this.local.get(node.name);
    if (!entry || entry.generation !== generation) {
      entry = { generation, table: new SessionTable(this.lifetimeMs) };
      this.local.set(node.name, entry);
    }
    return entry.table;
  }

  /** SQLite: rows in the table on `node`'s disk now (0 before its first write); null with MySQL (one shared table). */
  rowsOn(node: string): number | null {
    return this.shared ? null : this.local.get(node)?.table.rows.size ?? 0;
  }

  /** Every table (one for MySQL, one per node seen so far for SQLite). */
  tables(): SessionTable[] {
    return this.shared ? [this.shared] : [...this.local.values()].map((e) => e.table);
  }

  /** Rows in every `sessions` table. */
  rowCount(): number {
    let n = 0;
    for (const t of this.tables()) n += t.rows.size;
    return n;
  }
}
