/**
 * Errors a simulated Redis client sees. Their `message` is exactly the text a
 * real client prints, so a trace or console can show it verbatim.
 */

/** The server is down: phpredis throws `RedisException: Connection refused`, redis-cli prints the same suffix. */
export class RedisConnectionError extends Error {
  override readonly name = 'RedisConnectionError';
  constructor() {
    super('Connection refused');
  }
}

/**
 * The server is black-holed: packets vanish, nothing answers. We reject at once instead of
 * returning a never-settling promise, so the caller never leaks a pending await. `afterMs` is
 * the virtual time the client waits before it gives up (its read timeout); `Infinity` means it
 * never does, and whoever waits on the client (nginx's proxy_read_timeout) gives up first.
 */
export class RedisTimeoutError extends Error {
  override readonly name = 'RedisTimeoutError';
  constructor(readonly afterMs = Infinity) {
    super('Connection timed out');
  }
}

/** A failure of the Redis call itself, as phpredis throws it (`RedisException`), not a bug. */
export function isRedisError(err: unknown): err is RedisConnectionError | RedisTimeoutError | RedisReplyError {
  return err instanceof RedisConnectionError || err instanceof RedisTimeoutError || err instanceof RedisReplyError;
}

/** An error reply from the server (`-ERR ...`, `-OOM ...`); `message` is the reply text without the `-`. */
export class RedisReplyError extends Error {
  override readonly name = 'RedisReplyError';
}

/** `shared.oomerr` in Redis's server.c. */
export const OOM_MESSAGE = "OOM command not allowed when used memory > 'maxmemory'.";

/** Redis 7 `processCommand`: `wrong number of arguments for '%s' command` with the lower-case full name (`config|get`). */
export function arityError(fullName: string): RedisReplyError {
  return new RedisReplyError(`ERR wrong number of arguments for '${fullName}' command`);
}

/**
 * Redis 7 `processCommand` for a name it does not know: the name as typed, then up to 128
 * characters of quoted arguments, each followed by a space.
 */
export function unknownCommandError(name: string, args: readonly string[]): RedisReplyError {
  let tail = '';
  for (const arg of args) {
    if (tail.length >= 128) break;
    tail += `'${arg.slice(0, 128 - tail.length)}' `;
  }
  // rejectCommandFormat() maps CR/LF to spaces so the reply stays one protocol line.
  const text = `ERR unknown command '${name.slice(0, 128)}', with args beginning with: ${tail}`;
  return new RedisReplyError(text.replace(/[\r\n]/g, ' '));
}

export const syntaxError = (): RedisReplyError => new RedisReplyError('ERR syntax error');
export const notIntegerError = (): RedisReplyError => new RedisReplyError('ERR value is not an integer or out of range');
export const invalidExpireError = (cmd: string): RedisReplyError =>
  new RedisReplyError(`ERR invalid expire time in '${cmd}' command`);
