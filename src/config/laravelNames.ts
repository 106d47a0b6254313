/**
 * The names Laravel derives from `APP_NAME` (FACTS.md, Laravel section):
 *
 * - framework config (laravel/framework `config/session.php`, `database.php`, `cache.php`, 11.x–13.x):
 *   cookie `Str::slug(APP_NAME, '_').'_session'`, Redis prefix `…'_database_'`, cache prefix `…'_cache_'`.
 *   "Laravel" gives `laravel_session`, and a redis session key `laravel_database_laravel_cache_<id>`.
 * - the laravel/laravel skeleton's own config files use `Str::slug(APP_NAME)` with `-`: the key
 *   prefixes `laravel-database-`, `laravel-cache-` since 12.1.0, the cookie `laravel-session` since
 *   12.3.0 (docs/fidelity.md).
 *
 * `SESSION_COOKIE`, `REDIS_PREFIX` and `CACHE_PREFIX` override these in Laravel; the simulator
 * does not model the overrides (the .env parser says so).
 */

/** Which config files are in play: the framework's defaults, or the 12.1+ skeleton's. */
export type LaravelNameStyle = 'framework' | 'skeleton-12.1';

/** Names derived from APP_NAME. */
export interface LaravelNames {
  /** `Str::slug(APP_NAME, sep)`. */
  slug: string;
  /** The session cookie, e.g. `laravel_session`. */
  cookie: string;
  /** `database.redis.options.prefix`, e.g. `laravel_database_`. */
  redisPrefix: string;
  /** `cache.prefix`, e.g. `laravel_cache_`. */
  cachePrefix: string;
  /** What precedes the session id in Redis: `redisPrefix + cachePrefix`. */
  sessionKeyPrefix: string;
}

/** Derives the cookie name and key prefixes from APP_NAME the way Laravel's config does. */
export function laravelNames(appName: string, style: LaravelNameStyle = 'framework'): LaravelNames {
  const sep = style === 'framework' ? '_' : '-';
  const slug = laravelSlug(appName, sep);
  const redisPrefix = `${slug}${sep}database${sep}`;
  const cachePrefix = `${slug}${sep}cache${sep}`;
  return { slug, cookie: `${slug}${sep}session`, redisPrefix, cachePrefix, sessionKeyPrefix: redisPrefix + cachePrefix };
}

/** The Redis key a session lives under: `laravel_database_laravel_cache_<id>`. */
export function sessionRedisKey(names: LaravelNames, sessionId: string): string {
  return names.sessionKeyPrefix + sessionId;
}

/**
 * `Illuminate\Support\Str::slug($title, $separator)` with language 'en' and dictionary `['@' => 'at']`.
 * `Str::ascii` (voku/portable-ascii) is approximated: Latin letters lose their accents and a few
 * ligatures are spelled out; other scripts, which voku transliterates, are dropped here.
 */
export function laravelSlug(title: string, separator = '-'): string {
  let s = toAscii(title);
  const flip = separator === '-' ? '_' : '-';
  s = s.split(flip).join(separator);
  s = s.split('@').join(`${separator}at${separator}`);
  s = s.toLowerCase();
  // Keep only the separator, letters, digits and whitespace…
  let kept = '';
  for (const ch of s) {
    if (ch === separator || /[a-z0-9]/.test(ch) || /\s/.test(ch)) kept += ch;
  }
  // …then collapse runs of separators and whitespace, and trim the separator from both ends.
  const collapsed = kept.replace(/\s+/g, separator).split(separator).filter((p) => p !== '').join(separator);
  return collapsed;
}

const SPELLED: Record<string, string> = {
  ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ð: 'd', Ð: 'D',
  ł: 'l', Ł: 'L', þ: 'th', Þ: 'TH', ı: 'i', ŧ: 't', Ŧ: 'T', ħ: 'h', Ħ: 'H',
};

function toAscii(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFKD')) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out += ch;
    else if (SPELLED[ch] !== undefined) out += SPELLED[ch];
    else if (/\s/u.test(ch)) out += ' ';
    // combining marks and unsupported characters are removed (voku's $remove_unsupported_chars)
  }
  return out;
}
