/** A RESP simple-string reply (`+OK`, `+PONG`, `+string` from TYPE), distinct from a bulk string. */
export interface StatusReply {
  readonly status: string;
}

/**
 * A reply as the protocol types it, which redis-cli needs to print it right:
 * bulk string → `string`, integer → `number`, nil → `null`, status → {@link StatusReply},
 * array → array. Errors are rejections with {@link RedisReplyError}.
 */
export type RedisReply = string | number | null | StatusReply | readonly RedisReply[];

export const OK: StatusReply = Object.freeze({ status: 'OK' });

export function status(text: string): StatusReply {
  return text === 'OK' ? OK : Object.freeze({ status: text });
}

export function isStatus(reply: RedisReply): reply is StatusReply {
  return typeof reply === 'object' && reply !== null && !Array.isArray(reply);
}
