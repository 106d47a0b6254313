import fc from 'fast-check';
import { unserialize } from 'php-serialize';
import { describe, expect, it } from 'vitest';
import { parseEnv, hasErrors } from '../../src/config';
import { completeNodeShell, nodePrompt, runNodeShell } from '../../src/console/nodeShell';
import { defaultNode } from '../../src/sim/settings';
import { Simulation, VIRTUAL_EPOCH_MS } from '../../src/sim/simulation';
import { ALICE, ALICE_PAYLOAD, GUEST, GUEST_PAYLOAD, shellContext } from './helpers';

const run = (line: string, ctx = shellContext()) => runNodeShell(ctx, line);
const out = (line: string, ctx = shellContext()) => run(line, ctx).output;

describe('node shell: the session directory', () => {
  it('lists session files like GNU ls -la: total, . and .., .gitignore, one line per session id', () => {
    expect(out('ls -la storage/framework/sessions')).toBe([
      'total 20',
      'drwxrwxr-x 2 www-data www-data 4096 Jan  5 09:02 .',
      'drwxrwxr-x 6 www-data www-data 4096 Jan  5 08:50 ..',
      '-rw-r--r-- 1 www-data www-data   14 Jan  5 08:50 .gitignore',
      `-rw-r--r-- 1 www-data www-data  118 Jan  5 09:00 ${GUEST}`,
      `-rw-r--r-- 1 www-data www-data  246 Jan  5 09:02 ${ALICE}`,
    ].join('\n'));
  });

  it('sorts by mtime with -t, and -l without -a hides the dot files', () => {
    expect(out('ls -lt storage/framework/sessions')).toBe([
      'total 8',
      `-rw-r--r-- 1 www-data www-data 246 Jan  5 09:02 ${ALICE}`,
      `-rw-r--r-- 1 www-data www-data 118 Jan  5 09:00 ${GUEST}`,
    ].join('\n'));
  });

  it('prints the serialized payload with cat, byte for byte', () => {
    const r = run(`cat storage/framework/sessions/${ALICE}`);
    expect(r).toEqual({ output: ALICE_PAYLOAD, status: 0 });
    expect(unserialize(ALICE_PAYLOAD)).toMatchObject({ login_web_59ba36addc2b2f9401580f014c7f58ea4e30989d: 7 });
    expect(out(`cat ${`storage/framework/sessions/${GUEST}`}`)).toBe(GUEST_PAYLOAD);
  });

  it('answers a missing session file like cat, and says why under the file driver', () => {
    const id = 'Zz' + ALICE.slice(2);
    expect(run(`cat storage/framework/sessions/${id}`)).toEqual({
      output: `cat: storage/framework/sessions/${id}: No such file or directory`,
      status: 1,
      note: 'No session ZzCdEfGh… on node-1: with the file driver it exists only on the node that wrote it.',
    });
  });

  it('shows only Laravel\'s .gitignore when the driver keeps sessions elsewhere', () => {
    const ctx = shellContext({ files: [], settings: (s) => { s.session.driver = 'redis'; } });
    expect(run('ls -la storage/framework/sessions', ctx)).toEqual({
      output: [
        'total 12',
        'drwxrwxr-x 2 www-data www-data 4096 Jan  5 08:50 .',
        'drwxrwxr-x 6 www-data www-data 4096 Jan  5 08:50 ..',
        '-rw-r--r-- 1 www-data www-data   14 Jan  5 08:50 .gitignore',
      ].join('\n'),
      status: 0,
      note: 'SESSION_DRIVER=redis: sessions live in Redis, not on this disk (try KEYS * in redis-cli). Only Laravel\'s .gitignore is here.',
    });
    expect(out('cat storage/framework/sessions/.gitignore', ctx)).toBe('*\n!.gitignore');
  });

  it('lists a file operand by the name given, without a total', () => {
    expect(out(`ls -l storage/framework/sessions/${ALICE}`)).toBe(`-rw-r--r-- 1 www-data www-data 246 Jan  5 09:02 storage/framework/sessions/${ALICE}`);
  });

  it('shows the year instead of the time for a file more than six months old', () => {
    const ctx = shellContext({ files: [[ALICE, ALICE_PAYLOAD, 0]], nowMs: 200 * 86_400_000 });
    expect(out('ls -l storage/framework/sessions', ctx)).toBe(`total 4\n-rw-r--r-- 1 www-data www-data 246 Jan  5  2026 ${ALICE}`);
  });
});

describe('node shell: the app directory', () => {
  it('lays out ls in columns down then across, C-locale order (capitals first)', () => {
    expect(out('ls')).toBe([
      'README.md  bootstrap      config        phpunit.xml  routes   vendor',
      'app        composer.json  database      public       storage  vite.config.js',
      'artisan    composer.lock  package.json  resources    tests',
    ].join('\n'));
    expect(out('ls storage/framework')).toBe('cache  sessions  testing  views');
  });

  it('prints one name per line into a pipe, so wc -l counts sessions', () => {
    expect(out('ls storage/framework/sessions | wc -l')).toBe('2');
    expect(out('ls storage/framework/sessions | head -n 1')).toBe(GUEST);
    expect(out('ls -a storage/framework/sessions | grep -v .git')).toBe(`.\n..\n${GUEST}\n${ALICE}`);
  });

  it('prints .env from the settings: realistic, and the .env editor reads it back', () => {
    const env = out('cat .env', shellContext({ settings: (s) => { s.session.driver = 'redis'; s.session.appName = 'Shop'; } }));
    expect(env).toBe([
      'APP_NAME=Shop',
      'APP_ENV=production',
      'APP_KEY=base64:KXK7BE2W3yhxugNMld4ncLkCS5TdJm+4AUqT3CVutwA=',
      'APP_DEBUG=false',
      'APP_URL=http://localhost',
      '',
      'APP_LOCALE=en',
      'APP_FALLBACK_LOCALE=en',
      '',
      'LOG_CHANNEL=stack',
      'LOG_STACK=single',
      'LOG_LEVEL=error',
      '',
      'DB_CONNECTION=mysql',
      'DB_HOST=10.0.0.5',
      'DB_PORT=3306',
      'DB_DATABASE=laravel',
      'DB_USERNAME=laravel',
      'DB_PASSWORD=secret',
      '',
      'SESSION_DRIVER=redis',
      'SESSION_LIFETIME=120',
      'SESSION_ENCRYPT=false',
      'SESSION_EXPIRE_ON_CLOSE=false',
      'SESSION_CONNECTION=null',
      '',
      'BROADCAST_CONNECTION=log',
      'FILESYSTEM_DISK=local',
      'QUEUE_CONNECTION=redis',
      '',
      'CACHE_STORE=redis',
      '',
      'REDIS_CLIENT=phpredis',
      'REDIS_HOST=127.0.0.1',
      'REDIS_PASSWORD=null',
      'REDIS_PORT=6379',
      'REDIS_DB=0',
      '',
      'MAIL_MAILER=log',
    ].join('\n'));
    const parsed = parseEnv(env + '\n');
    expect(hasErrors(parsed.diagnostics)).toBe(false);
    expect(parsed.value?.session).toMatchObject({ driver: 'redis', appName: 'Shop', lifetimeMin: 120, connection: null });
    expect(parsed.value?.redis).toEqual({ client: 'phpredis', host: '127.0.0.1', password: null, port: 6379, db: 0 });
  });

  it('.env has the size ls -la reports for it', () => {
    const ctx = shellContext();
    const size = new TextEncoder().encode(out('cat .env', ctx) + '\n').length;
    expect(out('ls -la', ctx).split('\n').find((l) => l.endsWith(' .env'))).toBe(`-rw-r--r--  1 www-data www-data    ${size} Jan  5 08:50 .env`);
  });

  it('cd, pwd, relative cat and the prompt', () => {
    const ctx = shellContext();
    const r = run('cd storage/framework/sessions && pwd', ctx);
    expect(r).toEqual({ output: '/var/www/html/storage/framework/sessions', status: 0, cwd: '/var/www/html/storage/framework/sessions' });
    const inside = { ...ctx, cwd: r.cwd };
    expect(out(`cat ${GUEST}`, inside)).toBe(GUEST_PAYLOAD);
    expect(out('cat ../../../.env | head -n 1', inside)).toBe('APP_NAME=Laravel');
    expect(run('cd', inside).cwd).toBe('/var/www');
    expect(out('cd nope', inside)).toBe('bash: cd: nope: No such file or directory');
    expect(out('cd .gitignore', inside)).toBe('bash: cd: .gitignore: Not a directory');
    expect(nodePrompt('node-2')).toBe('www-data@node-2:/var/www/html$');
  });
});

describe('node shell: php artisan', () => {
  it('about: Environment, Cache and Drivers laid out like Laravel\'s twoColumnDetail at 80 columns', () => {
    expect(out('php artisan about')).toBe([
      '',
      '  Environment ................................................................',
      '  Application Name ................................................... Laravel',
      '  Laravel Version .................................................... 12.34.0',
      '  PHP Version ......................................................... 8.3.14',
      '  Composer Version ..................................................... 2.8.3',
      '  Environment ..................................................... production',
      '  Debug Mode ............................................................. OFF',
      '  URL .............................................................. localhost',
      '  Maintenance Mode ....................................................... OFF',
      '  Timezone ............................................................... UTC',
      '  Locale .................................................................. en',
      '',
      '  Cache ......................................................................',
      '  Config .......................................................... NOT CACHED',
      '  Events .......................................................... NOT CACHED',
      '  Routes .......................................................... NOT CACHED',
      '  Views ............................................................... CACHED',
      '',
      '  Drivers ....................................................................',
      '  Broadcasting ........................................................... log',
      // CACHE_STORE is where ->block() locks live: each node's file cache for the file driver (blockStoreOf).
      '  Cache ................................................................. file',
      '  Database ............................................................. mysql',
      '  Logs ........................................................ stack / single',
      '  Mail ................................................................... log',
      '  Queue ............................................................. database',
      '  Session ............................................................... file',
      '',
    ].join('\n'));
  });

  it('about --only=drivers follows the session driver', () => {
    const redis = shellContext({ settings: (s) => { s.session.driver = 'redis'; } });
    const lines = out('php artisan about --only=drivers', redis).split('\n');
    expect(lines[1]).toBe('  Drivers ....................................................................');
    expect(lines).toContain('  Session .............................................................. redis');
    expect(lines).toContain('  Cache ................................................................ redis');
    expect(lines.some((l) => l.includes('Environment'))).toBe(false);
  });

  it('config:show session: the resolved session config, cookie name from APP_NAME', () => {
    const ctx = shellContext({ settings: (s) => { s.session.appName = 'My Shop'; s.session.lifetimeMin = 30; } });
    expect(out('php artisan config:show session', ctx)).toBe([
      '',
      '  session ....................................................................',
      '  driver ................................................................ file',
      '  lifetime ................................................................ 30',
      '  expire_on_close ...................................................... false',
      '  encrypt .............................................................. false',
      '  files ............................. /var/www/html/storage/framework/sessions',
      '  connection ............................................................ null',
      '  table ............................................................. sessions',
      '  store ................................................................. null',
      '  lottery ⇁ 0 .............................................................. 2',
      '  lottery ⇁ 1 ............................................................ 100',
      '  cookie ..................................................... my_shop_session',
      '  path ..................................................................... /',
      '  domain ................................................................ null',
      '  secure ................................................................ null',
      '  http_only ............................................................. true',
      '  same_site .............................................................. lax',
      '  partitioned .......................................................... false',
      '',
    ].join('\n'));
    expect(out('php artisan config:show session.lifetime', ctx)).toBe('\n  session.lifetime ........................................................ 30\n');
  });

  it('answers unknown commands, keys and files like artisan and the PHP CLI', () => {
    expect(run('php artisan nope')).toEqual({ output: '\n   ERROR  Command "nope" is not defined.\n', status: 1 });
    expect(out('php artisan config:show nope')).toBe('\n   ERROR  Configuration file or key nope does not exist.\n');
    expect(out('php artisan --version')).toBe('Laravel Framework 12.34.0');
    expect(out('php x.php')).toBe('Could not open input file: x.php');
    expect(run('php artisan migrate')).toEqual({
      output: '', status: 0, note: 'php artisan migrate is a real command; the simulator does not run it (try about or config:show session).',
    });
  });
});

describe('node shell: builtins and errors', () => {
  it('hostname, whoami, pwd, echo, date, clear, help', () => {
    expect(out('hostname')).toBe('node-1');
    expect(out('whoami')).toBe('www-data');
    expect(out('pwd')).toBe('/var/www/html');
    expect(out('echo hello   "big  world" $HOSTNAME \'$HOME\' ~')).toBe('hello big  world node-1 $HOME /var/www');
    expect(out('echo -n x')).toBe('x');
    expect(out('date')).toBe('Mon Jan  5 09:02:10 UTC 2026');
    expect(run('clear')).toEqual({ output: '', status: 0, clear: true });
    expect(out('help')).toContain('ls -la storage/framework/sessions');
  });

  it('unknown commands answer like bash', () => {
    expect(run('foo --bar')).toEqual({ output: 'bash: foo: command not found', status: 127 });
    expect(out('foo; echo $?')).toBe('bash: foo: command not found\n0');
    expect(run('echo $?', { ...shellContext(), lastStatus: 127 }).output).toBe('127');
    expect(run('rm -rf storage')).toEqual({
      output: '', status: 127, note: 'rm is a real command on a server; this simulated shell is read-only and does not run it (type help).',
    });
  });

  it('reports coreutils errors', () => {
    expect(run('ls nope')).toEqual({ output: "ls: cannot access 'nope': No such file or directory", status: 2 });
    expect(out('ls -z')).toBe("ls: invalid option -- 'z'\nTry 'ls --help' for more information.");
    expect(out('cat storage')).toBe('cat: storage: Is a directory');
    expect(out('ls nope storage')).toBe("ls: cannot access 'nope': No such file or directory\nstorage:\napp  framework  logs");
  });

  it('lists (; && ||), pipes and syntax errors', () => {
    expect(out('false || echo recovered')).toBe('recovered');
    expect(run('false && echo never')).toEqual({ output: '', status: 1 });
    expect(out('grep -c _token storage/framework/sessions/*')).toBe(
      `storage/framework/sessions/${GUEST}:1\nstorage/framework/sessions/${ALICE}:1`,
    );
    expect(out("echo 'open")).toBe("bash: unexpected EOF while looking for matching `''");
    expect(out('| ls')).toBe("bash: syntax error near unexpected token `|'");
    expect(out('ls |')).toBe('bash: syntax error: unexpected end of file');
    expect(run('ls > x').note).toBe('This simulated shell runs commands, pipes (|) and lists (; && ||); > is not supported.');
  });

  it('never throws, whatever is typed', () => {
    const ctx = shellContext();
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (line) => {
      const r = runNodeShell(ctx, line);
      expect(typeof r.output).toBe('string');
    }), { numRuns: 400 });
  });
});

describe('node shell: tab completion', () => {
  it('completes a unique file, extends to the common prefix, else lists candidates', () => {
    const ctx = shellContext();
    expect(completeNodeShell(ctx, 'cat storage/fr')).toEqual({ line: 'cat storage/framework/', candidates: [] });
    expect(completeNodeShell(ctx, 'cat storage/framework/sessions/A')).toEqual({ line: `cat storage/framework/sessions/${ALICE} `, candidates: [] });
    expect(completeNodeShell(ctx, 'cat storage/framework/sessions/')).toEqual({ line: 'cat storage/framework/sessions/', candidates: [GUEST, ALICE] });
    expect(completeNodeShell(ctx, 'hostn')).toEqual({ line: 'hostname ', candidates: [] });
    expect(completeNodeShell(ctx, 'ls -la | hea')).toEqual({ line: 'ls -la | head ', candidates: [] });
    expect(completeNodeShell(ctx, 'cat .en')).toEqual({ line: 'cat .env', candidates: [] });
    expect(completeNodeShell(ctx, 'he')).toEqual({ line: 'he', candidates: ['head', 'help'] });
  });
});

describe('node shell on a running simulation', () => {
  it('shows exactly the files on that node\'s disk: a session of node-2 is not on node-1', async () => {
    const settings = (await import('../../src/sim/settings')).defaultSettings();
    settings.users = 6;
    settings.nodes = [defaultNode(1), defaultNode(2)];
    const sim = await Simulation.create(settings);
    await sim.runUntil(60_000);
    const ctx = (name: string) => ({ node: sim.world.nodes.get(name)!, settings: sim.settings, nowMs: sim.now, epochMs: VIRTUAL_EPOCH_MS });
    const n1 = [...sim.world.nodes.get('node-1')!.disk.files.keys()].sort();
    const n2 = [...sim.world.nodes.get('node-2')!.disk.files.keys()].sort();
    expect(n1.length).toBeGreaterThan(0);
    expect(n2.length).toBeGreaterThan(0);
    const listed = runNodeShell(ctx('node-1'), 'ls storage/framework/sessions | cat').output.split('\n');
    expect(listed).toEqual(n1);
    const first = n1[0]!;
    expect(runNodeShell(ctx('node-1'), `cat storage/framework/sessions/${first}`).output).toBe(sim.world.nodes.get('node-1')!.disk.files.get(first)!.data);
    const other = n2.find((id) => !n1.includes(id))!;
    expect(runNodeShell(ctx('node-1'), `cat storage/framework/sessions/${other}`).output).toBe(`cat: storage/framework/sessions/${other}: No such file or directory`);
    expect(runNodeShell(ctx('node-2'), 'hostname').output).toBe('node-2');
  });
});

describe('node shell: php artisan cache:clear', () => {
  it('answers as Laravel does and hands the cluster a cache-clear (the only line that changes anything)', () => {
    const r = run('php artisan cache:clear');
    expect(r.output).toBe('\n   INFO  Application cache cleared successfully.\n');
    expect(r.actions).toEqual([{ kind: 'cache-clear' }]);
    expect(r.note).toMatch(/FLUSHDB on the cache connection/);
    expect(run('php artisan about').actions).toBeUndefined();
  });
});
