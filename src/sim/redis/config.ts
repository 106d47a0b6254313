import { EVICTION_POLICIES, type EvictionPolicy } from '../types';
import { RedisReplyError } from './errors';
import { parseMemory } from './memoryModel';
import { compileGlob, globMatch } from '../glob';

/** The `CONFIG` parameters the simulated server models. */
export interface RedisConfig {
  /** `maxmemory` in bytes, 0 = unlimited. */
  maxmemory: number;
  policy: EvictionPolicy;
  /** `maxmemory-samples`, 1–64, default 5. */
  samples: number;
}

/** Redis 7's `maxmemory_policy_enum` order, which its error message lists. */
const POLICY_ENUM_ORDER: readonly EvictionPolicy[] = [
  'volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl',
  'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'noeviction',
];

interface Param {
  get(c: RedisConfig): string;
  /** Parse and apply, or return Redis's reason for refusing. */
  set(c: RedisConfig, value: string): string | null;
}

const PARAMS: Record<string, Param> = {
  maxmemory: {
    get: (c) => String(c.maxmemory),
    set: (c, value) => {
      const bytes = parseMemory(value);
      if (bytes === null) return 'argument must be a memory value';
      c.maxmemory = bytes;
      return null;
    },
  },
  'maxmemory-policy': {
    get: (c) => c.policy,
    set: (c, value) => {
      const policy = EVICTION_POLICIES.find((p) => p === value.toLowerCase());
      if (policy === undefined) return `argument(s) must be one of the following: ${POLICY_ENUM_ORDER.join(', ')}`;
      c.policy = policy;
      return null;
    },
  },
  'maxmemory-samples': {
    get: (c) => String(c.samples),
    set: (c, value) => {
      if (!/^-?\d+$/.test(value)) return "argument couldn't be parsed into an integer";
      const n = Number(value);
      if (n < 1 || n > 64) return 'argument must be between 1 and 64 inclusive';
      c.samples = n;
      return null;
    },
  },
};

/**
 * `CONFIG SET name value [name value ...]` (Redis 7: several pairs at once, all or nothing).
 * Throws {@link RedisReplyError} with Redis's text. Returns the names that changed.
 */
export function configSet(config: RedisConfig, pairs: readonly string[]): string[] {
  const draft = { ...config };
  const changed: string[] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const name = (pairs[i] as string).toLowerCase();
    const param = Object.hasOwn(PARAMS, name) ? PARAMS[name] : undefined;
    if (param === undefined) {
      throw new RedisReplyError(`ERR Unknown option or number of arguments for CONFIG SET - '${pairs[i] as string}'`);
    }
    if (changed.includes(name)) {
      throw new RedisReplyError(`ERR CONFIG SET failed (possibly related to argument '${name}') - duplicate parameter`);
    }
    const err = param.set(draft, pairs[i + 1] as string);
    if (err !== null) throw new RedisReplyError(`ERR CONFIG SET failed (possibly related to argument '${name}') - ${err}`);
    changed.push(name);
  }
  Object.assign(config, draft);
  return changed;
}

/** `CONFIG GET pattern [pattern ...]`: flat [name, value, ...] for every modelled parameter matching a glob (case-insensitive, as in Redis). */
export function configGet(config: RedisConfig, patterns: readonly string[]): string[] {
  const out: string[] = [];
  const globs = patterns.map((p) => compileGlob(p, 'redis', true));
  for (const [name, param] of Object.entries(PARAMS)) {
    if (globs.some((g) => globMatch(g, name))) out.push(name, param.get(config));
  }
  return out;
}
