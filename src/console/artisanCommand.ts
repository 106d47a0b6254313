/**
 * `php …` in the node shell: `php artisan about`, `config:show`, `--version`, and the errors
 * artisan and the PHP CLI print for the rest. Output formats: see artisan.ts.
 */
import type { FaultAction, SimSettings } from '../sim/types';
import { artisanAbout, artisanConfigShow } from './artisan';
import { VERSIONS } from './nodeEnv';
import { fail, ok, type Run } from './textTools';

/** Laravel's console error block (`$this->components->error`): `   ERROR  message.` between blank lines. */
const artisanError = (message: string): Run => ({ out: '', err: `\n   ERROR  ${message}\n\n`, status: 1 });

/** Real artisan commands the simulator does not run: a note, not an error. */
const REAL_COMMANDS = new Set([
  'config:cache', 'config:clear', 'db', 'db:show', 'down', 'env', 'key:generate', 'migrate', 'migrate:status',
  'optimize', 'optimize:clear', 'queue:work', 'route:cache', 'route:clear', 'route:list', 'serve', 'session:table',
  'make:session-table', 'tinker', 'up', 'view:cache', 'view:clear', 'list', 'help', 'inspire', 'storage:link',
]);
const CONFIG_FILES = new Set(['app', 'auth', 'cache', 'database', 'filesystems', 'logging', 'mail', 'queue', 'services']);

const ARTISAN_LIST = [
  `Laravel Framework ${VERSIONS.laravel}`,
  '',
  'Usage:',
  '  command [options] [arguments]',
  '',
  'Available commands (those this simulator runs):',
  '  about        Display basic information about your application',
  '  cache:clear  Flush the application cache',
  '  config:show  Display all of the values for a given configuration file or key',
  '',
].join('\n');

/**
 * Run `php …`. `act` receives what a command does to the cluster (`cache:clear`); the caller
 * applies it (the shell itself changes nothing).
 */
export function runArtisan(s: Readonly<SimSettings>, args: string[], note: (text: string) => void, act: (a: FaultAction) => void = () => undefined): Run {
  const [script, command, ...rest] = args;
  if (script === undefined) {
    note('php with no file waits for a script on standard input; try php artisan about.');
    return ok('');
  }
  if (script === '-v' || script === '--version') {
    return ok(`PHP ${VERSIONS.php} (cli) (NTS)\nCopyright (c) The PHP Group\nZend Engine v4.3.14, Copyright (c) Zend Technologies\n    with Zend OPcache v${VERSIONS.php}, Copyright (c), by Zend Technologies\n`);
  }
  if (script !== 'artisan') return fail(`Could not open input file: ${script}\n`);
  if (command === undefined) return ok(ARTISAN_LIST);
  if (command === '--version' || command === '-V') return ok(`Laravel Framework ${VERSIONS.laravel}\n`);
  if (command === 'about') {
    let only: string[] | null = null;
    for (const o of rest) {
      if (o === '--json') {
        note('about --json is not modelled; showing the table.');
        continue;
      }
      const m = /^--only=(.*)$/.exec(o);
      if (!m) return artisanError(`The "${o.replace(/=.*/, '')}" option does not exist.`);
      only = (m[1] ?? '').split(',').map((x) => x.trim().toLowerCase()).filter((x) => x !== '');
    }
    return ok(artisanAbout(s, only) + '\n');
  }
  if (command === 'config:show') {
    const key = rest[0];
    if (key === undefined) return artisanError('Not enough arguments (missing: "config").');
    const shown = artisanConfigShow(s, key);
    if (shown !== null) return ok(shown + '\n');
    if (CONFIG_FILES.has(key.split('.')[0] ?? '')) {
      note(`config/${key.split('.')[0]}.php exists in a real app; the simulator shows only the session config.`);
      return ok('');
    }
    return artisanError(`Configuration file or key ${key} does not exist.`);
  }
  if (command === 'cache:clear') {
    act({ kind: 'cache-clear' });
    note('With CACHE_STORE=redis this is FLUSHDB on the cache connection (REDIS_CACHE_DB, 1): sessions on SESSION_CONNECTION=cache go with it. The feed says what was removed.');
    return ok('\n   INFO  Application cache cleared successfully.\n\n');
  }
  if (REAL_COMMANDS.has(command)) {
    note(`php artisan ${command} is a real command; the simulator does not run it (try about or config:show session).`);
    return ok('');
  }
  return artisanError(`Command "${command}" is not defined.`);
}
