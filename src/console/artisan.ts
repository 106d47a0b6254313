/**
 * `php artisan about` and `php artisan config:show session`, laid out like Laravel's console
 * components (`twoColumnDetail`: `  Label ........ value`, 2-column margins, dots filling an
 * 80-column terminal). Colours are dropped and trailing blanks trimmed. Section order and the
 * alphabetical sort of every section but Environment follow `AboutCommand::displayDetail`.
 */
import { laravelNames } from '../config/laravelNames';
import type { SimSettings } from '../sim/types';
import { lotteryOf } from '../sim/settings';
import { TERMINAL_WIDTH } from './lsFormat';
import { APP_URL, envDrivers, VERSIONS } from './nodeEnv';
import { SESSIONS_DIR } from './shellFs';

/** `twoColumnDetail(first, second)` in a terminal `width` wide (`mx-2`, dots `ml-1`, value `ml-1`). */
export function twoColumnDetail(first: string, second = '', width = TERMINAL_WIDTH): string {
  const inner = width - 4;
  const used = first.length + 1 + (second === '' ? 0 : second.length + 1);
  const dots = '.'.repeat(Math.max(0, inner - used));
  return `  ${first} ${dots}${second === '' ? '' : ` ${second}`}`.trimEnd();
}

type Section = [title: string, rows: [string, string][]];

function aboutSections(s: Readonly<SimSettings>): Section[] {
  const d = envDrivers(s);
  const byLabel = (rows: [string, string][]): [string, string][] => rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return [
    ['Environment', [
      ['Application Name', s.session.appName], ['Laravel Version', VERSIONS.laravel], ['PHP Version', VERSIONS.php],
      ['Composer Version', VERSIONS.composer], ['Environment', 'production'], ['Debug Mode', 'OFF'],
      ['URL', APP_URL.replace(/^https?:\/\//, '')], ['Maintenance Mode', 'OFF'], ['Timezone', 'UTC'], ['Locale', 'en'],
    ]],
    ['Cache', byLabel([['Config', 'NOT CACHED'], ['Events', 'NOT CACHED'], ['Routes', 'NOT CACHED'], ['Views', 'CACHED']])],
    ['Drivers', byLabel([
      ['Broadcasting', d.broadcast], ['Cache', d.cache], ['Database', d.db], ['Logs', `${d.log} / ${d.logStack}`],
      ['Mail', d.mail], ['Queue', d.queue], ['Session', s.session.driver],
    ])],
  ];
}

/** `php artisan about [--only=drivers,environment]`. */
export function artisanAbout(s: Readonly<SimSettings>, only: string[] | null): string {
  const lines: string[] = [];
  for (const [title, rows] of aboutSections(s)) {
    if (only && !only.includes(title.toLowerCase())) continue;
    lines.push('', twoColumnDetail(title));
    for (const [label, value] of rows) lines.push(twoColumnDetail(label, value));
  }
  lines.push('');
  return lines.join('\n');
}

/** config('session') after Laravel 12's `config/session.php` reads this .env (`Arr::dot` order). */
export function sessionConfig(s: Readonly<SimSettings>): [string, string | number | boolean | null][] {
  return [
    ['driver', s.session.driver], ['lifetime', s.session.lifetimeMin], ['expire_on_close', s.session.expireOnClose],
    ['encrypt', s.session.encrypt], ['files', SESSIONS_DIR], ['connection', s.session.connection], ['table', 'sessions'],
    ['store', null], ['lottery.0', lotteryOf(s.session)], ['lottery.1', 100], ['cookie', laravelNames(s.session.appName).cookie],
    ['path', '/'], ['domain', null], ['secure', null], ['http_only', true], ['same_site', 'lax'], ['partitioned', false],
  ];
}

/** `ConfigShowCommand::formatKey`: `lottery.0` → `lottery ⇁ 0`. */
const formatKey = (k: string): string => k.replace(/^(.*)\.(.*)$/, (_m, a: string, b: string) => `${a.split('.').join(' ⇁ ')} ⇁ ${b}`);
const formatValue = (v: string | number | boolean | null): string => (v === null ? 'null' : typeof v === 'boolean' ? String(v) : String(v));

/** `php artisan config:show <key>` for `session` and `session.<key>`; null when the key does not exist. */
export function artisanConfigShow(s: Readonly<SimSettings>, key: string): string | null {
  const rows = sessionConfig(s);
  if (key === 'session') {
    const lines = ['', twoColumnDetail('session')];
    for (const [k, v] of rows) lines.push(twoColumnDetail(formatKey(k), formatValue(v)));
    return [...lines, ''].join('\n');
  }
  if (key.startsWith('session.')) {
    const sub = key.slice('session.'.length);
    if (sub === 'lottery') {
      const lines = ['', twoColumnDetail(key)];
      for (const [k, v] of rows.filter(([k]) => k.startsWith('lottery.'))) lines.push(twoColumnDetail(formatKey(k.slice('lottery.'.length)), formatValue(v)));
      return [...lines, ''].join('\n');
    }
    const row = rows.find(([k]) => k === sub);
    if (row) return ['', twoColumnDetail(key, formatValue(row[1])), ''].join('\n');
  }
  return null;
}
