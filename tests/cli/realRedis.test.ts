/** Real-Redis mode: the URL check (the adapter itself is checked against redis-server by `npm run oracles`). */
import { describe, expect, it } from 'vitest';
import { RemoteRedisRefused, checkRedisUrl, isLoopbackHost } from '../../src/cli/realRedis';

describe('--redis-url', () => {
  it('knows loopback hosts', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', 'LOCALHOST']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['10.0.0.5', '128.0.0.1', '127.0.0.256', 'redis', 'localhost.example.com', '::2', '']) expect(isLoopbackHost(h)).toBe(false);
  });

  it('refuses a non-loopback URL unless --allow-remote', () => {
    expect(checkRedisUrl('redis://127.0.0.1:6379')).toMatchObject({ host: '127.0.0.1', port: 6379, db: 0, tls: false });
    expect(checkRedisUrl('redis://:secret@localhost:6380/2')).toMatchObject({ host: 'localhost', port: 6380, db: 2, password: 'secret' });
    expect(checkRedisUrl('redis://[::1]')).toMatchObject({ host: '::1', port: 6379 });
    expect(() => checkRedisUrl('redis://10.0.0.5:6379')).toThrow(RemoteRedisRefused);
    expect(() => checkRedisUrl('redis://10.0.0.5:6379')).toThrow(/--allow-remote/);
    expect(checkRedisUrl('rediss://cache.example.com:6380', true)).toMatchObject({ host: 'cache.example.com', tls: true });
  });

  it('explains a malformed URL', () => {
    expect(() => checkRedisUrl('127.0.0.1:6379')).toThrow(/redis:\/\//);
    expect(() => checkRedisUrl('http://127.0.0.1:6379')).toThrow(/redis:\/\/ or rediss:\/\//);
    expect(() => checkRedisUrl('not a url')).toThrow(/not a URL/);
  });
});
