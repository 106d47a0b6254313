import type { CommandSpec, ContainerSpec } from './commandSpec';
import type { RedisCore } from './core';
import { arityError, OOM_MESSAGE, RedisReplyError, unknownCommandError } from './errors';
import { KEY_COMMANDS } from './keyCommandSpecs';
import type { RedisReply } from './reply';
import { SERVER_COMMANDS } from './serverCommands';

const COMMANDS: Record<string, CommandSpec | ContainerSpec> = { ...KEY_COMMANDS, ...SERVER_COMMANDS };

/** Lower-case names the generic path understands (the console's vocabulary). */
export const SUPPORTED_COMMANDS: readonly string[] = Object.keys(COMMANDS).sort();

/**
 * Redis 7's `processCommand()` → `call()` for one command, minus networking: look the name up
 * (unknown → `ERR unknown command`), check arity (rejected_calls), run pre-command expiry and
 * eviction, refuse `denyoom` commands with -OOM, count, echo to MONITOR, run.
 * An error thrown by the command itself counts as failed_calls. Assumes the server is reachable.
 */
export function dispatch(core: RedisCore, name: string, args: readonly string[], client: string | undefined): Promise<RedisReply> {
  const stats = core.stats;
  const lower = name.toLowerCase();
  const entry = Object.hasOwn(COMMANDS, lower) ? COMMANDS[lower] : undefined;
  if (entry === undefined) {
    stats.errorReplies++;
    return Promise.reject(unknownCommandError(name, args));
  }
  let spec: CommandSpec;
  let fullName = lower;
  let cmdArgs = args;
  if ('subcommands' in entry) {
    if (args.length === 0) return reject(core, lower, arityError(lower));
    const sub = (args[0] as string).toLowerCase();
    const subSpec = Object.hasOwn(entry.subcommands, sub) ? entry.subcommands[sub] : undefined;
    if (subSpec === undefined) {
      return reject(core, lower, new RedisReplyError(`ERR unknown subcommand '${(args[0] as string).slice(0, 128)}'. Try ${name.toUpperCase()} HELP.`));
    }
    spec = subSpec;
    fullName = `${lower}|${sub}`;
    cmdArgs = args.slice(1);
  } else spec = entry;

  const argc = args.length + 1;
  if (spec.arity > 0 ? argc !== spec.arity : argc < -spec.arity) return reject(core, fullName, arityError(fullName));
  const now = core.begin();
  if (spec.denyoom === true && core.oom) return reject(core, fullName, new RedisReplyError(OOM_MESSAGE));

  const stat = stats.stat(fullName);
  stat.calls++;
  stats.totalCommands++;
  stats.current = stat;
  if (spec.admin !== true && core.monitor.active) core.monitor.emit(core.rawNow, client, name, args);
  const fail = (err: unknown): never => {
    stat.failed++;
    stats.errorReplies++;
    throw err instanceof RedisReplyError ? err : new RedisReplyError(`ERR ${String((err as Error).message ?? err)}`);
  };
  try {
    return Promise.resolve(spec.run(core, cmdArgs, now)).catch(fail);
  } catch (err) {
    return Promise.reject(err).catch(fail);
  }
}

/** Refused before running: counts in rejected_calls and total_error_replies only. */
function reject(core: RedisCore, fullName: string, err: RedisReplyError): Promise<never> {
  core.stats.stat(fullName).rejected++;
  core.stats.errorReplies++;
  return Promise.reject(err);
}
