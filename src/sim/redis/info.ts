import type { EvictionPolicy } from '../types';
import { bytesToHuman } from './memoryModel';

/** The numbers INFO reports; all computed by the simulator, none from ioredis-mock's canned text. */
export interface InfoSource {
  /** Virtual epoch ms now, and when the server started. */
  nowMs: number;
  startedMs: number;
  connectedClients: number;
  totalConnections: number;
  usedMemory: number;
  peakMemory: number;
  maxmemory: number;
  policy: EvictionPolicy;
  totalCommands: number;
  errorReplies: number;
  expiredKeys: number;
  evictedKeys: number;
  hits: number;
  misses: number;
  keys: number;
  expires: number;
  /** Mean remaining TTL of keys with one, ms. */
  avgTtlMs: number;
  /** [lower-case full name, calls, rejected_calls, failed_calls], sorted by name. */
  commandStats: readonly (readonly [string, number, number, number])[];
}

/** The version the simulated server claims to be. */
export const REDIS_VERSION = '7.2.4';
const DEFAULT_SECTIONS = ['server', 'clients', 'memory', 'stats', 'keyspace'];
const ALL_SECTIONS = [...DEFAULT_SECTIONS.slice(0, 4), 'commandstats', 'keyspace'];

type Lines = (string | number)[][];

const SECTIONS: Record<string, (s: InfoSource) => Lines> = {
  server: (s) => {
    const uptime = Math.max(0, Math.floor((s.nowMs - s.startedMs) / 1000));
    return [
      ['redis_version', REDIS_VERSION], ['redis_mode', 'standalone'], ['os', 'Linux 6.1.0 x86_64'],
      ['arch_bits', 64], ['tcp_port', 6379], ['server_time_usec', Math.floor(s.nowMs * 1000)],
      ['uptime_in_seconds', uptime], ['uptime_in_days', Math.floor(uptime / 86400)],
      ['hz', 10], ['configured_hz', 10], ['lru_clock', Math.floor(s.nowMs / 1000) & 0xffffff],
    ];
  },
  clients: (s) => [['connected_clients', s.connectedClients], ['blocked_clients', 0], ['maxclients', 10000]],
  memory: (s) => [
    ['used_memory', s.usedMemory], ['used_memory_human', bytesToHuman(s.usedMemory)],
    ['used_memory_peak', s.peakMemory], ['used_memory_peak_human', bytesToHuman(s.peakMemory)],
    ['maxmemory', s.maxmemory], ['maxmemory_human', bytesToHuman(s.maxmemory)],
    ['maxmemory_policy', s.policy], ['mem_allocator', 'jemalloc-5.3.0'],
  ],
  stats: (s) => [
    ['total_connections_received', s.totalConnections], ['total_commands_processed', s.totalCommands],
    ['rejected_connections', 0], ['expired_keys', s.expiredKeys], ['evicted_keys', s.evictedKeys],
    ['keyspace_hits', s.hits], ['keyspace_misses', s.misses], ['total_error_replies', s.errorReplies],
  ],
  commandstats: (s) => s.commandStats.map(([name, calls, rejected, failed]) => [
    `cmdstat_${name}`, `calls=${calls},usec=0,usec_per_call=0.00,rejected_calls=${rejected},failed_calls=${failed}`,
  ]),
  keyspace: (s) => (s.keys === 0 ? [] : [['db0', `keys=${s.keys},expires=${s.expires},avg_ttl=${s.avgTtlMs}`]]),
};

const TITLES: Record<string, string> = {
  server: 'Server', clients: 'Clients', memory: 'Memory', stats: 'Stats', commandstats: 'Commandstats', keyspace: 'Keyspace',
};

/**
 * Redis 7 `INFO [section ...]` text: `# Title` headers, `field:value` lines, CRLF line ends,
 * a blank line between sections. No argument or `default` gives the default sections,
 * `all`/`everything` adds commandstats; unknown sections are skipped (Redis returns nothing for them).
 * Timing fields Redis measures with a real clock (`usec` in commandstats) are 0 here.
 */
export function renderInfo(source: InfoSource, sections: readonly string[] = []): string {
  let wanted: string[] = [];
  for (const raw of sections.length === 0 ? ['default'] : sections) {
    const name = raw.toLowerCase();
    if (name === 'default') wanted.push(...DEFAULT_SECTIONS);
    else if (name === 'all' || name === 'everything') wanted.push(...ALL_SECTIONS);
    else if (Object.hasOwn(SECTIONS, name)) wanted.push(name);
  }
  wanted = ALL_SECTIONS.filter((name) => wanted.includes(name));
  return wanted
    .map((name) => {
      const body = (SECTIONS[name] as (s: InfoSource) => Lines)(source).map(([k, v]) => `${k}:${v}\r\n`).join('');
      return `# ${TITLES[name] as string}\r\n${body}`;
    })
    .join('\r\n');
}

/** `field:value` lines of an INFO text as a record (headers and blank lines skipped). */
export function parseInfo(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0 && !line.startsWith('#')) out[line.slice(0, colon)] = line.slice(colon + 1);
  }
  return out;
}
