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

/** nginx's `NGX_MAX_INT_T_VALUE` on 64-bit builds, the limit of `ngx_parse_time`. */
const NGX_MAX_INT_T = 2n ** 63n - 1n;
/** Units of `ngx_parse_time` in the order they must appear, with their scale in seconds. */
const UNITS: readonly [string, bigint][] = [
  ['y', 365n * 86400n], ['M', 30n * 86400n], ['w', 7n * 86400n], ['d', 86400n], ['h', 3600n], ['m', 60n], ['s', 1n],
];
const ST_SEC = 6;
const ST_MSEC = 7;
const ST_LAST = 8;

/**
 * `ngx_parse_time(value, is_sec)` (src/core/ngx_parse_time.c), exactly (64-bit integers as
 * BigInt): "10s", "1m30s", "1h", a bare number (seconds, also when `!isSec`). Units
 * come largest first, each once; `ms` only when `!isSec`; each unit's number must fit
 * `NGX_MAX_INT_T_VALUE / scale` and the total `NGX_MAX_INT_T_VALUE`. Returns seconds (a double),
 * or null where nginx says "invalid". Callers then apply the simulator's MAX_TIME_SEC.
 */
export function ngxParseTime(s: string, isSec: boolean): number | null {
  let total = 0n;
  let value = 0n;
  let valid = false;
  let step = isSec ? -1 : 1; // st_start, or st_month (UNITS index): without is_sec, y and M are refused
  let i = 0;
  while (i < s.length) {
    const c = s[i] ?? '';
    if (c >= '0' && c <= '9') {
      value = value * 10n + BigInt(c.charCodeAt(0) - 48);
      if (value > NGX_MAX_INT_T) return null;
      valid = true;
      i++;
      continue;
    }
    i++;
    let max: bigint;
    let scale: bigint;
    if (c === 'm' && s[i] === 's') {
      if (isSec || step >= ST_MSEC) return null;
      i++;
      step = ST_MSEC;
      [max, scale] = [NGX_MAX_INT_T, 1n];
    } else if (c === ' ') {
      if (step >= ST_SEC) return null;
      step = ST_LAST;
      [max, scale] = [NGX_MAX_INT_T, 1n];
    } else {
      const idx = UNITS.findIndex(([u]) => u === c);
      if (idx < 0 || step >= idx) return null;
      step = idx;
      scale = (UNITS[idx] as [string, bigint])[1];
      max = NGX_MAX_INT_T / scale;
    }
    if (step !== ST_MSEC && !isSec) {
      scale *= 1000n;
      max /= 1000n;
    }
    if (value > max) return null;
    value *= scale;
    if (total > NGX_MAX_INT_T - value) return null;
    total += value;
    value = 0n;
    while (s[i] === ' ') i++;
  }
  if (!valid) return null;
  if (!isSec) {
    if (value > NGX_MAX_INT_T / 1000n) return null;
    value *= 1000n;
  }
  if (total > NGX_MAX_INT_T - value) return null;
  return isSec ? Number(total + value) : Number(total + value) / 1000;
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
