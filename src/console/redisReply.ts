import { isStatus, repr, type RedisReply } from '../sim/redis';

/**
 * redis-cli's interactive (TTY) reply printer, `cliFormatReplyTTY()` in redis-cli.c:
 * `(integer) 7`, `(nil)`, bulk strings quoted by `sdscatrepr`, status replies bare (`OK`),
 * `(empty array)`, and numbered arrays whose index is right-aligned to the width of the
 * largest index, nested arrays indented under their parent's number. No trailing newline.
 */
export function formatReply(reply: RedisReply): string {
  return tty(reply, '').replace(/\n$/, '');
}

/** `(error) <message>`, as redis-cli prints an error reply. */
export function formatError(message: string): string {
  return `(error) ${message}`;
}

/** redis-cli prints INFO raw (`output_raw` for info): the text as sent, CRLFs as newlines. */
export function formatRaw(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(/\n$/, '');
}

function tty(r: RedisReply, prefix: string): string {
  if (r === null) return '(nil)\n';
  if (typeof r === 'number') return `(integer) ${r}\n`;
  if (typeof r === 'string') return `${repr(r)}\n`;
  if (isStatus(r)) return `${r.status}\n`;
  if (r.length === 0) return '(empty array)\n';
  const width = String(r.length).length;
  const childPrefix = prefix + ' '.repeat(width + 2);
  let out = '';
  r.forEach((item, i) => {
    // The first element follows the parent's number on the same line, so no prefix.
    out += `${i === 0 ? '' : prefix}${String(i + 1).padStart(width)}) ${tty(item, childPrefix)}`;
  });
  return out;
}
