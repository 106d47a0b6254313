import type { CommandSpec } from './commandSpec';
import { parseInteger } from './commandSpec';
import { invalidExpireError, RedisReplyError, syntaxError } from './errors';
import {
  execDel, execExists, execExpire, execGet, execPersist, execPttl, execSetex, ttlFromPttl, writeString,
  type ExpireFlags,
} from './keyCommands';
import { NO_EXPIRY } from './keyTable';
import { OK, status, type RedisReply } from './reply';

const a0 = (args: readonly string[]): string => args[0] as string;

/** `SET key value [NX|XX] [GET] [EX s|PX ms|EXAT s|PXAT ms|KEEPTTL]` (Redis 7 option rules). */
const set: CommandSpec = {
  arity: -3,
  denyoom: true,
  run(core, args, now) {
    const key = a0(args);
    const value = args[1] as string;
    let nx = false, xx = false, get = false, keep = false, at = NO_EXPIRY;
    for (let i = 2; i < args.length; i++) {
      const opt = (args[i] as string).toUpperCase();
      const hasExpire = at !== NO_EXPIRY;
      if (opt === 'NX' && !xx) nx = true;
      else if (opt === 'XX' && !nx) xx = true;
      else if (opt === 'GET') get = true;
      else if (opt === 'KEEPTTL' && !hasExpire) keep = true;
      else if (['EX', 'PX', 'EXAT', 'PXAT'].includes(opt) && !keep && !hasExpire && i + 1 < args.length) {
        const n = parseInteger(args[++i] as string);
        if (n <= 0) throw invalidExpireError('set');
        at = opt === 'EX' ? now + n * 1000 : opt === 'PX' ? now + n : opt === 'EXAT' ? n * 1000 : n;
      } else throw syntaxError();
    }
    const exists = core.table.get(key) !== undefined;
    const old: Promise<string | null> | null = get ? core.vt.run(now, () => core.mock.get(key)) : null;
    if ((nx && exists) || (xx && !exists)) return old ?? null;
    writeString(core, key, value, at, now, keep);
    return old ?? OK;
  },
};

function setexLike(name: 'setex' | 'psetex'): CommandSpec {
  return {
    arity: 4,
    denyoom: true,
    run(core, args, now) {
      const n = parseInteger(args[1] as string);
      if (n <= 0) throw invalidExpireError(name);
      if (name === 'setex') {
        execSetex(core, a0(args), n, args[2] as string, now);
        return OK;
      }
      writeString(core, a0(args), args[2] as string, now + n, now, false);
      return OK;
    },
  };
}

function parseExpireFlags(args: readonly string[]): ExpireFlags {
  const f = { nx: false, xx: false, gt: false, lt: false };
  for (const raw of args) {
    const opt = raw.toLowerCase();
    if (opt === 'nx' || opt === 'xx' || opt === 'gt' || opt === 'lt') f[opt] = true;
    else throw new RedisReplyError(`ERR Unsupported option ${raw}`);
  }
  if (f.nx && (f.xx || f.gt || f.lt)) throw new RedisReplyError('ERR NX and XX, GT or LT options at the same time are not compatible');
  if (f.gt && f.lt) throw new RedisReplyError('ERR GT and LT options at the same time are not compatible');
  return f;
}

function expireLike(unitMs: number): CommandSpec {
  return {
    arity: -3,
    run: (core, args, now) => {
      const n = parseInteger(args[1] as string);
      return execExpire(core, a0(args), n * unitMs, parseExpireFlags(args.slice(2)), now);
    },
  };
}

/** Key commands of the generic path, by lower-case name. */
export const KEY_COMMANDS: Record<string, CommandSpec> = {
  get: { arity: 2, run: (core, args, now) => execGet(core, a0(args), now) },
  set,
  setex: setexLike('setex'),
  psetex: setexLike('psetex'),
  del: { arity: -2, run: (core, args, now) => execDel(core, args, now) },
  exists: { arity: -2, run: (core, args, now) => execExists(core, args, now) },
  pttl: { arity: 2, run: (core, args, now) => execPttl(core, a0(args), now) },
  ttl: { arity: 2, run: (core, args, now) => execPttl(core, a0(args), now).then(ttlFromPttl) },
  expire: expireLike(1000),
  pexpire: expireLike(1),
  persist: { arity: 2, run: (core, args, now) => execPersist(core, a0(args), now) },
  type: {
    arity: 2,
    run: (core, args, now): Promise<RedisReply> => {
      const found = core.table.get(a0(args)) !== undefined;
      if (found) core.stats.hit();
      else core.stats.misses++;
      return core.vt.run(now, () => core.mock.type(a0(args))).then(status);
    },
  },
};
