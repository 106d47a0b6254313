/**
 * An app node's connection to the sessions Redis, as its PHP workers use it (phpredis,
 * non-persistent: each request connects at its first command and disconnects at its end).
 * It applies the faults in one place — Redis down, the node partitioned from Redis, a black
 * hole, added latency — and fails with typed errors:
 * - {@link RedisConnectionError}: refused (the server is down) → the request's 500;
 * - {@link RedisTimeoutError}: no answer; the client gives up after {@link timeoutMs}, or never
 *   (nginx's proxy_read_timeout then answers 504).
 * Errors the server replies with (`-OOM …`) arrive as RedisReplyError. Against the simulated
 * Redis the session commands are answered synchronously; against a real one, as promises.
 */
import type { Maybe } from '../maybe';
import type { World } from '../world';
import type { EngineRedis, ImmediateRedis } from './engineRedis';
import { RedisConnectionError, RedisTimeoutError } from './errors';
import { redisReach, type NodeLink } from './reach';
import type { RedisReply } from './reply';
import type { RedisCallPhase } from './clientModel';

/** Round trip from a node to Redis on the cluster's network, ms. */
export const REDIS_RTT_MS = 0.5;

/**
 * phpredis's read timeout by default in this simulator: none (`Infinity`) — a request whose
 * Redis call vanishes waits until nginx gives up on it.
 */
export const DEFAULT_REDIS_TIMEOUT_MS = Infinity;

export interface ConnectionOptions {
  /**
   * How long a command waits for an answer before the client gives up, ms, by whether it was
   * opening the connection or reading on an open one (phpredis / predis defaults differ:
   * src/sim/redis/clientModel.ts).
   */
  timeoutFor?: (phase: RedisCallPhase) => number;
  /** Called after every write that reached the server (Sentinel replication). */
  onWrite?: (op: 'setex' | 'del', key: string, seconds: number, value: string) => void;
}

/**
 * A request's own connection (phpredis, non-persistent): its number, which MONITOR shows as
 * `node-ip:number`; the server {@link RedisConnection.open} connected it to, if it did (a silent
 * Redis then times out a read, not a connect), and the server's token for closing it. The request
 * keeps this itself: sets of open connections, added to and deleted from on every request, were
 * a fifth of the memory a run promoted.
 */
export interface RequestLink {
  readonly id: number;
  redisAt: EngineRedis | null;
  redisToken: number;
}

/** Who sends a command: a request's own connection, or a label such as the node's address. */
export type RedisCaller = RequestLink | string;

export class RedisConnection {
  private readonly timeoutFor: (phase: RedisCallPhase) => number;
  private readonly onWrite: ConnectionOptions['onWrite'];

  /** `w` supplies the current primary (Sentinel may swap it) and its state. */
  constructor(private readonly w: Pick<World, 'redis' | 'redisActor'>, private readonly node: NodeLink, options: ConnectionOptions = {}) {
    this.timeoutFor = options.timeoutFor ?? (() => DEFAULT_REDIS_TIMEOUT_MS);
    this.onWrite = options.onWrite;
  }

  /** The client's timeout for a call opening the connection (the feed and tests read it). */
  get timeoutMs(): number {
    return this.timeoutFor('connect');
  }

  /** One command's round trip from this node, ms: the network plus any latency injected on Redis. */
  get roundTripMs(): number {
    return REDIS_RTT_MS + (this.w.redis?.latencyMs ?? 0);
  }

  /** The server, if this node can reach it now; otherwise the typed error of the fault. */
  private server(client?: RedisCaller): EngineRedis {
    switch (redisReach(this.w, this.node)) {
      case 'open':
        return this.w.redis!;
      case 'refused':
        throw new RedisConnectionError();
      case 'silent':
        throw new RedisTimeoutError(this.timeoutFor(typeof client === 'object' && client.redisAt !== null ? 'read' : 'connect'));
    }
  }

  /**
   * A request's worker connects (`connected_clients`). When Redis cannot be reached nothing
   * happens here: the refusal or the silence surfaces at the request's first command.
   */
  open(link: RequestLink): void {
    if (redisReach(this.w, this.node) !== 'open') return;
    const r = this.w.redis!;
    link.redisToken = r.openRequest(this.label(link, r.immediate));
    link.redisAt = r;
  }

  /** The request ends: its worker disconnects (from the server it connected to: Sentinel may have swapped the primary since). */
  close(link: RequestLink): void {
    link.redisAt?.closeRequest(link.redisToken);
    link.redisAt = null;
  }

  /**
   * The address MONITOR shows for `client`: a request's connection is `node-ip:number`, built
   * only while a simulated server is being monitored (a string per request cost ~10 % of a run).
   */
  private label(client: RedisCaller | undefined, immediate?: ImmediateRedis): string | undefined {
    if (typeof client !== 'object') return client;
    return immediate?.monitoring === false ? undefined : `${this.node.privateIp}:${client.id}`;
  }

  get(key: string, client?: RedisCaller): Maybe<string | null> {
    const r = this.server(client);
    const now = r.immediate;
    return now ? now.getNow(key, this.label(client, now)) : r.get(key, this.label(client));
  }

  setex(key: string, seconds: number, value: string, client?: RedisCaller): Maybe<void> {
    const r = this.server(client);
    const now = r.immediate;
    if (now) {
      now.setexNow(key, seconds, value, this.label(client, now));
      this.onWrite?.('setex', key, seconds, value);
      return;
    }
    return r.setex(key, seconds, value, this.label(client)).then(() => this.onWrite?.('setex', key, seconds, value));
  }

  del(key: string, client?: RedisCaller): Maybe<void> {
    const r = this.server(client);
    const now = r.immediate;
    if (now) {
      now.delNow(key, this.label(client, now));
      this.onWrite?.('del', key, 0, '');
      return;
    }
    return r.del(key, this.label(client)).then(() => this.onWrite?.('del', key, 0, ''));
  }

  /** Any other command (the session lock's SET NX EX, GET, DEL). */
  command(name: string, args: readonly string[], client?: RedisCaller): Promise<RedisReply> {
    try {
      return this.server(client).command(name, args, this.label(client));
    } catch (err) {
      return Promise.reject(err);
    }
  }
}
