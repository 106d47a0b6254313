import type { RedisCore } from './core';
import { notIntegerError } from './errors';
import type { RedisReply } from './reply';

/** One command of the generic `command()` path. */
export interface CommandSpec {
  /** Redis arity: argc including the name (and subcommand); negative = at least |arity|. */
  arity: number;
  /** Refused with -OOM when over maxmemory and nothing could be evicted (Redis's `denyoom` flag). */
  denyoom?: boolean;
  /** Not echoed to MONITOR (Redis's `admin` flag: CONFIG, MONITOR). */
  admin?: boolean;
  /** Run with the arguments after the name (and after the subcommand). Throw RedisReplyError to fail. */
  run(core: RedisCore, args: readonly string[], now: number): RedisReply | Promise<RedisReply>;
}

/** A container command (`CONFIG`): dispatches on its first argument. */
export interface ContainerSpec {
  subcommands: Record<string, CommandSpec>;
}

/** Redis's `string2ll`-strict integer, or `ERR value is not an integer or out of range`. */
export function parseInteger(text: string): number {
  if (!/^-?\d{1,19}$/.test(text)) throw notIntegerError();
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw notIntegerError();
  return n;
}
