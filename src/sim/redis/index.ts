/** The simulated Redis server: public surface. */
export { SimRedis } from './simRedis';
export type { SimRedisOptions, RedisSnapshot } from './options';
export { RedisConnectionError, RedisTimeoutError, RedisReplyError, OOM_MESSAGE } from './errors';
export type { RedisReply, StatusReply } from './reply';
export { isStatus } from './reply';
export type { MonitorListener } from './monitor';
export { parseInfo } from './info';
export { repr } from './repr';
export { SUPPORTED_COMMANDS } from './dispatch';
export { BASELINE_USED_MEMORY, DICT_SLOT_BYTES, EXPIRE_OVERHEAD, keyCost, jemallocSize, parseMemory, bytesToHuman } from './memoryModel';
export type { EngineRedis } from './engineRedis';
