/**
 * Faults whose effect depends on the app's client settings rather than on the servers: the
 * shared MySQL server of the `database` driver going down, and a Sentinel failover that a
 * phpredis app never follows (src/sim/redis/clientModel.ts).
 */
import { feed } from '../feed';
import { followsFailover } from '../redis/clientModel';
import type { World } from '../world';

/** `db-down` / `db-up`: the shared MySQL server stops or starts. SQLite is a file: no server to stop. */
export function databaseFault(w: World, down: boolean): string | null {
  const db = w.db;
  if (!db) return 'no database in this cluster (SESSION_DRIVER is not database)';
  if (db.connection !== 'mysql') return 'DB_CONNECTION=sqlite is a file on each server: there is no database server to stop';
  if (db.server.up === !down) return `the database server is already ${down ? 'down' : 'up'}`;
  db.server.up = !down;
  feed(w, down ? 'fault' : 'recovery', down
    ? 'The MySQL server went down: every session read fails with a QueryException (500)'
    : 'The MySQL server is back up');
  return null;
}

/**
 * Sentinel has promoted the replica. With phpredis the app was given the old primary's address
 * (REDIS_HOST) and never asks Sentinel: it keeps connecting to the dead server, and the 500s go
 * on. Returns true when the app stays there (the promoted replica serves nobody).
 */
export function staysOnDeadPrimary(w: World, lost: number): boolean {
  if (followsFailover(w.settings.redis)) return false;
  w.replica = null;
  // As the app sees it: the failover is over, and its Redis is down.
  w.redisActor.send({ type: 'PROMOTED', at: w.now, by: 'engine' });
  w.redisActor.send({ type: 'DOWN', at: w.now, by: 'engine' });
  feed(w, 'warning', `Sentinel promoted the replica (${lost} write${lost === 1 ? '' : 's'} lost), but phpredis was given REDIS_HOST: Laravel keeps connecting to the dead primary, and the 500s go on (REDIS_CLIENT=predis with 'replication' => 'sentinel' follows a failover)`);
  return true;
}
