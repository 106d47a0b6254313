import { describe, expect, it } from 'vitest';
import { laravelNames, laravelSlug, sessionRedisKey } from '../../src/config/laravelNames';

describe('laravelNames', () => {
  it('derives the framework names for APP_NAME=Laravel (FACTS.md)', () => {
    const names = laravelNames('Laravel');
    expect(names).toEqual({
      slug: 'laravel',
      cookie: 'laravel_session',
      redisPrefix: 'laravel_database_',
      cachePrefix: 'laravel_cache_',
      sessionKeyPrefix: 'laravel_database_laravel_cache_',
    });
    expect(sessionRedisKey(names, 'a'.repeat(40))).toBe(`laravel_database_laravel_cache_${'a'.repeat(40)}`);
  });

  it("derives the 12.1+ skeleton's dashed names", () => {
    expect(laravelNames('Laravel', 'skeleton-12.1')).toEqual({
      slug: 'laravel',
      cookie: 'laravel-session',
      redisPrefix: 'laravel-database-',
      cachePrefix: 'laravel-cache-',
      sessionKeyPrefix: 'laravel-database-laravel-cache-',
    });
    expect(laravelNames('My App', 'skeleton-12.1').cookie).toBe('my-app-session');
  });

  it('slugs like Str::slug($name, "_")', () => {
    expect(laravelSlug('My App', '_')).toBe('my_app');
    expect(laravelSlug('Acme-Shop', '_')).toBe('acme_shop');
    expect(laravelSlug('Acme__Shop--X', '_')).toBe('acme_shop_x');
    expect(laravelSlug('  Tom & Jerry!  ', '_')).toBe('tom_jerry');
    expect(laravelSlug('sales@acme', '_')).toBe('sales_at_acme');
    expect(laravelSlug('Café Ünïcode Straße', '_')).toBe('cafe_unicode_strasse');
    expect(laravelSlug('Laravel 12', '_')).toBe('laravel_12');
    expect(laravelSlug('My_App Name', '-')).toBe('my-app-name');
  });

  it('gives "_session" for an empty APP_NAME, as Laravel does', () => {
    expect(laravelNames('').cookie).toBe('_session');
  });
});
