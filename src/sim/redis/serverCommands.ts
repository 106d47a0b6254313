import type { CommandSpec, ContainerSpec } from './commandSpec';
import { parseInteger } from './commandSpec';
import { compileGlob, globMatch } from '../glob';
import { configGet, configSet } from './config';
import type { RedisCore } from './core';
import { arityError, RedisReplyError, syntaxError } from './errors';
import { renderInfo, type InfoSource } from './info';
import { OK, status } from './reply';

/** The numbers behind INFO at virtual instant `now`. */
export function infoSource(core: RedisCore, now: number): InfoSource {
  const s = core.stats;
  return {
    nowMs: now,
    startedMs: core.startedMs,
    connectedClients: core.connectedClients,
    totalConnections: s.connectionsReceived,
    usedMemory: core.usedMemory,
    peakMemory: core.peakMemory,
    maxmemory: core.config.maxmemory,
    policy: core.config.policy,
    totalCommands: s.totalCommands,
    errorReplies: s.errorReplies,
    expiredKeys: s.expiredKeys,
    evictedKeys: s.evictedKeys,
    hits: s.hits,
    misses: s.misses,
    keys: core.table.map.size,
    expires: core.table.volatile.length,
    avgTtlMs: core.avgTtl(now),
    commandStats: s.sorted().map((c) => [c.name, c.calls, c.rejected, c.failed] as const),
  };
}

/** Apply CONFIG SET pairs and their side effects (new policy, immediate eviction on a lower maxmemory). */
export function applyConfigSet(core: RedisCore, pairs: readonly string[], now: number): void {
  const changed = configSet(core.config, pairs);
  if (changed.includes('maxmemory-policy')) {
    core.lfu = core.config.policy.endsWith('-lfu');
    core.evictor.reset();
  }
  core.evictor.samples = core.config.samples;
  // Redis starts evicting as soon as maxmemory drops below used memory (updateMaxmemory()).
  if (changed.includes('maxmemory') && core.config.maxmemory !== 0) core.performEvictions(now);
}

/** `SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]`, iterated by ioredis-mock. */
const scan: CommandSpec = {
  arity: -2,
  run(core, args, now) {
    const cursor = args[0] as string;
    if (!/^\d+$/.test(cursor)) throw new RedisReplyError('ERR invalid cursor');
    let match: string | null = null, count = 10, type: string | null = null;
    for (let i = 1; i < args.length; i += 2) {
      const opt = (args[i] as string).toLowerCase();
      const value = args[i + 1];
      if (value === undefined) throw syntaxError();
      if (opt === 'match') match = value;
      else if (opt === 'count') {
        count = parseInteger(value);
        if (count < 1) throw syntaxError();
      } else if (opt === 'type') type = value.toLowerCase();
      else throw syntaxError();
    }
    // The mock's own MATCH is a backtracking regular expression: page with it, filter with ours.
    const glob = match === null || match === '*' ? null : compileGlob(match, 'redis');
    const reply = core.vt.run(now, () => core.mock.scan(cursor, 'COUNT', count));
    // Every key the simulator writes is a string.
    return reply.then(([next, keys]) => [next, type !== null && type !== 'string' ? [] : glob === null ? keys : keys.filter((k) => globMatch(glob, k))]);
  },
};

/** A SCAN COUNT larger than any keyspace the simulator holds. */
const ALL_KEYS = 2 ** 31 - 1;

/** `KEYS pattern`: the mock lists the keys, the simulator's bounded matcher filters them. */
const keys: CommandSpec = {
  arity: 2,
  run(core, args, now) {
    const pattern = args[0] as string;
    // A lone `*` is "every key" in Redis before any matching (so the empty key is listed too).
    const glob = pattern === '*' ? null : compileGlob(pattern, 'redis');
    // One unfiltered SCAN page holding every key: the mock's own KEYS would match with its recursive matcher.
    return core.vt.run(now, () => core.mock.scan('0', 'COUNT', ALL_KEYS))
      .then(([, all]) => (glob === null ? all : all.filter((k) => globMatch(glob, k))));
  },
};

const flush: CommandSpec = {
  arity: -1,
  run(core, args, now) {
    if (args.length > 1 || (args.length === 1 && !/^(a?sync)$/i.test(args[0] as string))) throw syntaxError();
    core.clearKeys();
    return core.vt.run(now, () => core.mock.flushall()).then(() => OK);
  },
};

export const SERVER_COMMANDS: Record<string, CommandSpec | ContainerSpec> = {
  keys,
  scan,
  dbsize: { arity: 1, run: (core) => core.table.map.size },
  flushall: flush,
  flushdb: flush,
  info: { arity: -1, run: (core, args, now) => renderInfo(infoSource(core, now), args) },
  ping: {
    arity: -1,
    run: (_core, args) => {
      if (args.length > 1) throw arityError('ping');
      return args.length === 0 ? status('PONG') : (args[0] as string);
    },
  },
  echo: { arity: 2, run: (_core, args) => args[0] as string },
  monitor: { arity: 1, admin: true, run: () => OK },
  config: {
    subcommands: {
      get: { arity: -3, admin: true, run: (core, args) => configGet(core.config, args) },
      set: {
        arity: -4,
        admin: true,
        run: (core, args, now) => {
          if (args.length % 2 !== 0) throw arityError('config|set');
          applyConfigSet(core, args, now);
          return OK;
        },
      },
    },
  },
};
