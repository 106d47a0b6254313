import { describe, expect, it } from 'vitest';
import { completeRedisLine, keysInOutput, splitKeys } from '../../src/console/completion';

const KEYS = ['laravel_database_laravel_cache_AbC123xyz', 'laravel_database_laravel_cache_AbD999', 'laravel_database_laravel_cache_Zz000'];

describe('redis-cli Tab completion', () => {
  it('completes a command name in the case it was typed', () => {
    expect(completeRedisLine('tt', KEYS)).toEqual({ line: 'ttl ', candidates: [] });
    expect(completeRedisLine('SC', KEYS)).toEqual({ line: 'SCAN ', candidates: [] });
    expect(completeRedisLine('P', KEYS)).toEqual({ line: 'P', candidates: ['PERSIST', 'PEXPIRE', 'PING', 'PTTL'] });
    expect(completeRedisLine('FL', KEYS)).toEqual({ line: 'FLUSH', candidates: ['FLUSHALL', 'FLUSHDB'] });
    expect(completeRedisLine('xyz', KEYS)).toEqual({ line: 'xyz', candidates: [] });
  });

  it('completes a key name: the common prefix first, then a unique key with a space', () => {
    expect(completeRedisLine('TTL lar', KEYS)).toEqual({ line: 'TTL laravel_database_laravel_cache_', candidates: [...KEYS].sort() });
    expect(completeRedisLine('TTL laravel_database_laravel_cache_Ab', KEYS).line).toBe('TTL laravel_database_laravel_cache_AbC123xyz'.slice(0, -'C123xyz'.length));
    expect(completeRedisLine('TTL laravel_database_laravel_cache_Z', KEYS)).toEqual({ line: 'TTL laravel_database_laravel_cache_Zz000 ', candidates: [] });
    expect(completeRedisLine('GET nothing', KEYS)).toEqual({ line: 'GET nothing', candidates: [] });
    expect(completeRedisLine('INFO lar', KEYS)).toEqual({ line: 'INFO lar', candidates: [] });
  });

  it('finds the keys SCAN and KEYS printed, and splits a line around them for one-click copy', () => {
    const scan = '1) "0"\n2) 1) "laravel_database_laravel_cache_AbC123xyz"\n   2) "laravel_database_laravel_cache_Zz000"';
    expect(keysInOutput(scan)).toEqual(['laravel_database_laravel_cache_AbC123xyz', 'laravel_database_laravel_cache_Zz000']);
    expect(keysInOutput('1) "laravel_database_laravel_cache_AbC123xyz"')).toEqual(['laravel_database_laravel_cache_AbC123xyz']);
    expect(splitKeys('   2) "laravel_database_laravel_cache_Zz000"')).toEqual([
      { text: '   2) ' },
      { text: '"laravel_database_laravel_cache_Zz000"', key: 'laravel_database_laravel_cache_Zz000' },
    ]);
    expect(splitKeys('(integer) 7200')).toEqual([{ text: '(integer) 7200' }]);
  });
});
