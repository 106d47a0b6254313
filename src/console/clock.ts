/**
 * Wall-clock formatting for the consoles, from epoch milliseconds, in UTC (the servers' zone).
 * The console core may not touch `Date` (lint: it must stay deterministic), so the calendar is
 * computed here with Howard Hinnant's `civil_from_days` algorithm.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const DAY_MS = 86_400_000;
/** GNU ls shows the year instead of the time for files more than six months (half of 365.2425 days) away. */
const SIX_MONTHS_MS = (365.2425 * DAY_MS) / 2;

/** The UTC calendar fields of an epoch-ms instant. */
export interface UtcParts {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday. */
  weekday: number;
}

export function utcParts(ms: number): UtcParts {
  const t = Math.floor(ms);
  const days = Math.floor(t / DAY_MS);
  const rest = t - days * DAY_MS;
  // civil_from_days (https://howardhinnant.github.io/date_algorithms.html)
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return {
    year, month, day,
    hour: Math.floor(rest / 3_600_000),
    minute: Math.floor((rest % 3_600_000) / 60_000),
    second: Math.floor((rest % 60_000) / 1000),
    weekday: (((days + 4) % 7) + 7) % 7, // 1970-01-01 was a Thursday
  };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** `ls -l`'s time column: `Jan  5 09:12`, or `Jan  5  2025` when more than six months from now. */
export function lsTime(mtimeMs: number, nowMs: number): string {
  const p = utcParts(mtimeMs);
  const mon = MONTHS[p.month - 1] ?? '???';
  const day = String(p.day).padStart(2, ' ');
  if (Math.abs(nowMs - mtimeMs) > SIX_MONTHS_MS) return `${mon} ${day}  ${p.year}`;
  return `${mon} ${day} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** GNU `date`'s default format: `Mon Jan  5 09:12:33 UTC 2026`. */
export function dateLine(ms: number): string {
  const p = utcParts(ms);
  const day = String(p.day).padStart(2, ' ');
  return `${WEEKDAYS[p.weekday]} ${MONTHS[p.month - 1]} ${day} ${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)} UTC ${p.year}`;
}
