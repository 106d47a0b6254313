import { RedisConnectionError, RedisReplyError, RedisTimeoutError, type EngineRedis } from '../sim/redis';
import { splitArgs } from './cliArgs';
import { overlongLine } from './lineLimit';
import { formatError, formatRaw, formatReply } from './redisReply';

/** Where the console's redis-cli believes it is connected (only shown in messages). */
export interface RedisCliOptions {
  host?: string;
  port?: number;
  /** The console's client address for MONITOR lines. */
  client?: string;
}

/** What the console shows for one input line. */
export interface RedisCliResult {
  /** Exactly what redis-cli would print (no trailing newline). */
  output: string;
  /** A teaching note shown beside the output (not something redis-cli prints). */
  warning?: string;
  /** Set after MONITOR succeeded: the UI should now subscribe with `redis.monitor()`. */
  monitor?: true;
}

export const KEYS_WARNING = 'KEYS blocks the server while it walks every key: use SCAN in production.';
const DEFAULT_CLIENT = '127.0.0.1:52100';

/**
 * Run one redis-cli input line against the simulated server and render the reply like an
 * interactive redis-cli 7 session. Command names are case-insensitive; anything the server
 * does not model gets Redis's own `ERR unknown command` reply.
 */
export async function runRedisCli(redis: EngineRedis, line: string, opts: RedisCliOptions = {}): Promise<RedisCliResult> {
  const overlong = overlongLine(line);
  if (overlong !== null) return { output: overlong };
  const argv = splitArgs(line);
  if (argv === null) return { output: 'Invalid argument(s)' };
  const [name, ...args] = argv;
  if (name === undefined) return { output: '' };
  const lower = name.toLowerCase();
  const warning = lower === 'keys' ? { warning: KEYS_WARNING } : {};
  try {
    const reply = await redis.command(name, args, opts.client ?? DEFAULT_CLIENT);
    if (lower === 'monitor') return { output: 'OK', monitor: true };
    if (lower === 'info' && typeof reply === 'string') return { output: formatRaw(reply) };
    return { output: formatReply(reply), ...warning };
  } catch (err) {
    if (err instanceof RedisConnectionError || err instanceof RedisTimeoutError) {
      return { output: `Could not connect to Redis at ${opts.host ?? '127.0.0.1'}:${opts.port ?? 6379}: ${err.message}` };
    }
    if (err instanceof RedisReplyError) return { output: formatError(err.message), ...warning };
    throw err;
  }
}
