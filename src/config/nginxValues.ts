/**
 * nginx's value parsers, as the upstream module uses them: `ngx_atoi` (digits only),
 * `ngx_parse_time` (units y M w d h m s [ms], largest first), and the `server` address
 * checks of `ngx_parse_url` that do not need DNS.
 */

/** `ngx_atoi`: a non-empty run of digits, else null. */
export function ngxAtoi(s: string): number | null {
  if (!/^\d{1,10}$/.test(s)) return null;
  const n = Number(s);
  return n <= 0x7fffffff ? n : null;
}

const UNITS: readonly [string, number][] = [
  ['y', 365 * 86400], ['M', 30 * 86400], ['w', 7 * 86400], ['d', 86400], ['h', 3600], ['m', 60], ['s', 1], ['ms', 0.001],
];

/**
 * `ngx_parse_time(value, is_sec)`: "10s", "1m30s", "1h", a bare number (seconds when `isSec`,
 * else milliseconds). Units must come largest first, each once; `ms` only when `!isSec`.
 * Returns seconds, or null for an invalid value.
 */
export function ngxParseTime(s: string, isSec: boolean): number | null {
  let total = 0;
  let value = 0;
  let digits = false;
  let step = -1;
  let i = 0;
  while (i < s.length) {
    const c = s[i] ?? '';
    if (c >= '0' && c <= '9') {
      value = value * 10 + (c.charCodeAt(0) - 48);
      digits = true;
      if (value > 0x7fffffff) return null;
      i++;
      continue;
    }
    if (c === ' ') {
      i++;
      continue;
    }
    const unit = c === 'm' && s[i + 1] === 's' ? 'ms' : c;
    const idx = UNITS.findIndex(([u]) => u === unit);
    if (idx < 0 || idx <= step || (unit === 'ms' && isSec)) return null;
    step = idx;
    total += value * (UNITS[idx]?.[1] ?? 0);
    value = 0;
    i += unit.length;
  }
  if (!digits) return null;
  total += isSec ? value : value / 1000;
  return total;
}

/**
 * The address checks `ngx_parse_url` makes for an upstream `server` (no URI part, numeric port
 * 1-65535, a host); returns nginx's error text (`invalid host`, `invalid port`, `no host`) or null.
 */
export function ngxAddressError(addr: string): string | null {
  if (addr.toLowerCase().startsWith('unix:')) return addr.length > 5 ? null : 'no path in the unix domain socket';
  let host = addr;
  let port: string | null = null;
  if (addr.startsWith('[')) {
    const close = addr.indexOf(']');
    if (close < 0) return 'invalid IPv6 address';
    host = addr.slice(1, close);
    const rest = addr.slice(close + 1);
    if (rest !== '') {
      if (!rest.startsWith(':')) return 'invalid host';
      port = rest.slice(1);
    }
  } else {
    if (addr.includes('/')) return 'invalid host';
    const colon = addr.indexOf(':');
    if (colon >= 0) {
      host = addr.slice(0, colon);
      port = addr.slice(colon + 1);
    }
  }
  if (port !== null) {
    const p = ngxAtoi(port);
    if (p === null || p < 1 || p > 65535) return 'invalid port';
  }
  if (host === '') return 'no host';
  return null;
}

/** A word nginx reads back unchanged: otherwise it is double-quoted with `"` and `\` escaped. */
export function ngxQuote(s: string): string {
  if (s !== '' && /^[^\s;{}"'\\#]+$/.test(s) && !s.includes('${')) return s;
  return `"${s.replace(/[\\"]/g, (c) => '\\' + c)}"`;
}
