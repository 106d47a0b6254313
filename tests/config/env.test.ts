import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env';
import { printEnv, updateEnvText } from '../../src/config/envPrint';
import { covered, lines, text } from './helpers';

describe('.env: real-world files', () => {
  it('reads a Laravel 12 style .env with comments, blank lines and many unrelated keys', () => {
    const src = text(
      'APP_NAME=Laravel',
      'APP_ENV=local',
      'APP_KEY=base64:2fl+Ktvkfl+Fuz4Qp/A75G2RTiWVA/ZoKZvp6fiiM10=',
      'APP_DEBUG=true',
      'APP_URL=http://localhost',
      '',
      '# Sessions live in Redis so every node can read them',
      'SESSION_DRIVER=redis',
      'SESSION_LIFETIME=120',
      'SESSION_ENCRYPT=false',
      'SESSION_PATH=/',
      'SESSION_DOMAIN=null',
      '',
      'DB_CONNECTION=mysql',
      'MAIL_MAILER=log',
      'REDIS_CLIENT=phpredis',
      'REDIS_HOST=127.0.0.1',
      'REDIS_PASSWORD=null',
      'REDIS_PORT=6379',
      '',
    );
    const r = parseEnv(src);
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toEqual({
      session: { appName: 'Laravel', driver: 'redis', lifetimeMin: 120, encrypt: false },
      redis: { client: 'phpredis', host: '127.0.0.1', password: null, port: 6379 },
    });
  });

  it('handles quotes, export, inline comments, CRLF and escapes', () => {
    const src = [
      'APP_NAME="Acme Shop"',
      "REDIS_PASSWORD='p@ss#word $HOME'",
      'SESSION_CONNECTION="default" # the default connection',
      'export REDIS_HOST=redis.internal # inline comment',
      'REDIS_DB=2',
      'SESSION_EXPIRE_ON_CLOSE=(true)',
      'SESSION_ENCRYPT=TRUE\r',
    ].join('\r\n');
    const r = parseEnv(src);
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toEqual({
      session: { appName: 'Acme Shop', connection: 'default', expireOnClose: true, encrypt: true },
      redis: { password: 'p@ss#word $HOME', host: 'redis.internal', db: 2 },
    });
    expect(parseEnv('APP_NAME="Tab\\there \\"quoted\\" \\$5"').value?.session.appName).toBe('Tab\there "quoted" $5');
    expect(parseEnv('APP_NAME="two\nlines"\nSESSION_DRIVER=file').value).toEqual({ session: { appName: 'two\nlines', driver: 'file' }, redis: {} });
  });

  it('interpolates ${VAR} from earlier lines and says when it cannot', () => {
    const r = parseEnv('DB_HOST=10.0.0.5\nREDIS_HOST=${DB_HOST}\nAPP_NAME="${COMPANY} App"');
    expect(r.value?.redis.host).toBe('10.0.0.5');
    expect(r.value?.session.appName).toBe('${COMPANY} App');
    expect(lines(r.diagnostics)).toEqual(['3:11 info: ${COMPANY} is not set above in this file: phpdotenv would read it from the real environment']);
  });

  it('applies env() conversions: null, empty, PHP truthiness', () => {
    const r = parseEnv('SESSION_CONNECTION=null\nREDIS_PASSWORD=\nSESSION_ENCRYPT=1\nSESSION_EXPIRE_ON_CLOSE=0');
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toEqual({ session: { connection: null, encrypt: true, expireOnClose: false }, redis: { password: null } });
  });
});

describe('.env: diagnostics at their line:col', () => {
  it('suggests the session/redis key a typo was meant to be', () => {
    const src = 'SESION_DRIVER=redis\nREDIS_HOTS=10.0.0.1\nsession_lifetime=30\nMAIL_HOST=smtp';
    const r = parseEnv(src);
    expect(lines(r.diagnostics)).toEqual([
      '1:1 warning: SESION_DRIVER: did you mean SESSION_DRIVER?',
      '2:1 warning: REDIS_HOTS: did you mean REDIS_HOST?',
      '3:1 warning: session_lifetime: did you mean SESSION_LIFETIME? (.env names are case-sensitive)',
    ]);
    expect(covered(src, r.diagnostics[0])).toBe('SESION_DRIVER');
    expect(r.value).toEqual({ session: {}, redis: {} });
  });

  it('names the drivers it models when the driver is real but not simulated', () => {
    const r = parseEnv('APP_NAME=Laravel\nSESSION_DRIVER=memcached');
    expect(lines(r.diagnostics)).toEqual([
      '2:16 error: SESSION_DRIVER=memcached is a real Laravel driver, but the simulator models file, redis, cookie, array and database',
    ]);
    expect(lines(parseEnv('SESSION_DRIVER=redsi').diagnostics)).toEqual([
      '1:16 error: Driver [redsi] not supported. Did you mean "redis"? (the simulator models file, redis, cookie, array and database)',
    ]);
    expect(lines(parseEnv('SESSION_DRIVER=null').diagnostics)).toEqual([
      '1:16 error: Unable to resolve NULL driver for [Illuminate\\Session\\SessionManager].',
    ]);
  });

  it('puts bad values at the value', () => {
    const src = text('SESSION_LIFETIME=2h', 'REDIS_PORT=abc', 'REDIS_DB=-1', 'SESSION_LIFETIME_X=1', 'SESSION_ENCRYPT=yes');
    expect(lines(parseEnv(src).diagnostics)).toEqual([
      '1:18 error: SESSION_LIFETIME must be a positive whole number of minutes; Laravel casts it with (int), which reads "2h" as 2',
      '2:12 error: REDIS_PORT must be a port number from 1 to 65535, not "abc"',
      '3:10 error: REDIS_DB must be a database number (0-15 by default), not "-1"',
      '4:1 warning: SESSION_LIFETIME_X: did you mean SESSION_LIFETIME?',
      '5:17 warning: "yes" is not true or false: env() only converts true/false/(true)/(false), and PHP treats the non-empty string "yes" as true',
    ]);
    expect(lines(parseEnv('SESSION_LIFETIME=0').diagnostics)[0]).toContain('which reads "0" as 0');
  });

  it("reports phpdotenv's syntax errors", () => {
    const src = text('APP_NAME=My App', 'SESSION-DRIVER=redis', 'APP_URL="a\\qb"', 'REDIS_HOST="x" y', 'REDIS_PASSWORD="open');
    expect(lines(parseEnv(src).diagnostics)).toEqual([
      '1:10 error: Failed to parse dotenv file. Encountered unexpected whitespace at [My App].',
      '2:1 error: Failed to parse dotenv file. Encountered an invalid name at [SESSION-DRIVER].',
      '3:11 error: Failed to parse dotenv file. Encountered an unexpected escape sequence at [\\q].',
      '4:15 error: Failed to parse dotenv file. Encountered unexpected whitespace at ["x" y].',
      '5:16 error: Failed to parse dotenv file. Encountered a missing closing quote at ["open].',
    ]);
  });

  it('follows a double-quoted value across lines, as phpdotenv does, and says where it began', () => {
    const r = parseEnv(text('REDIS_PASSWORD="open', 'REDIS_HOST="r1"'));
    expect(lines(r.diagnostics)).toEqual([
      '2:13 error: Failed to parse dotenv file. Encountered unexpected whitespace at ["open\\nREDIS_HOST="r1"]. ' +
        '(the double-quoted value opened on line 1 runs on to here: is a closing quote missing?)',
    ]);
  });

  it('warns about a key set twice (the last value wins) and a line without "="', () => {
    const r = parseEnv('SESSION_DRIVER=file\nSESSION_DRIVER=redis\nREDIS_HOST');
    expect(lines(r.diagnostics)).toEqual([
      '1:1 warning: SESSION_DRIVER is set again on line 2; the last value wins',
      '3:1 warning: "REDIS_HOST" has no "=": phpdotenv reads it as a name without a value, which unsets it',
    ]);
    expect(r.value?.session.driver).toBe('redis');
  });

  it('explains connections and keys it does not model', () => {
    const r = parseEnv('SESSION_CONNECTION=sessions\nSESSION_COOKIE=my_cookie\nAPP_NAME=');
    expect(lines(r.diagnostics)).toEqual([
      '1:20 warning: config/database.php defines the Redis connections "default" and "cache"; "sessions" needs its own entry there, or Laravel throws "Redis connection [sessions] not configured."',
      '2:1 info: SESSION_COOKIE overrides the cookie name in Laravel; the simulator derives it from APP_NAME',
      '3:1 warning: APP_NAME is empty: the session cookie is named "_session"',
    ]);
  });
});

describe('.env: printing and rewriting', () => {
  const session = { appName: 'My App', driver: 'redis', lifetimeMin: 120, encrypt: false, expireOnClose: false, connection: null } as const;
  const redis = { client: 'phpredis', host: '127.0.0.1', port: 6379, password: null, db: 0 } as const;

  it('prints a realistic fragment that parses back cleanly', () => {
    const out = printEnv(session, redis);
    expect(out).toBe(text(
      'APP_NAME="My App"',
      '',
      'SESSION_DRIVER=redis',
      'SESSION_LIFETIME=120',
      'SESSION_ENCRYPT=false',
      'SESSION_EXPIRE_ON_CLOSE=false',
      'SESSION_CONNECTION=null',
      '',
      'REDIS_CLIENT=phpredis',
      'REDIS_HOST=127.0.0.1',
      'REDIS_PASSWORD=null',
      'REDIS_PORT=6379',
      'REDIS_DB=0',
      '',
    ));
    expect(parseEnv(out)).toEqual({ value: { session, redis }, diagnostics: [] });
  });

  it('rewrites only the affected values, keeping comments, quotes, export and unknown keys', () => {
    const src = text(
      '# my app',
      'APP_NAME="Acme"',
      'SESSION_DRIVER=file # was file on one box',
      'SESSION_DRIVER="redis"',
      'export SESSION_LIFETIME=120',
      'MAIL_MAILER=log',
    );
    const out = updateEnvText(src, { session: { driver: 'cookie', lifetimeMin: 120, encrypt: true, appName: 'Acme' }, redis: { host: 'r1' } });
    expect(out).toBe(text(
      '# my app',
      'APP_NAME="Acme"',
      'SESSION_DRIVER=file # was file on one box',
      'SESSION_DRIVER=cookie',
      'export SESSION_LIFETIME=120',
      'SESSION_ENCRYPT=true',
      'MAIL_MAILER=log',
      'REDIS_HOST=r1',
      '',
    ));
    expect(updateEnvText(src, { session: { driver: 'redis' } })).toBe(src);
    expect(updateEnvText('', { redis: { port: 6380 } })).toBe('REDIS_PORT=6380\n');
    expect(updateEnvText('SESSION_DRIVER=file # keep me\n', { session: { driver: 'redis' } })).toBe('SESSION_DRIVER=redis # keep me\n');
  });
});

describe('.env: the keys of issue 15 (database driver, Redis client, cache store)', () => {
  it('reads SESSION_DRIVER=database with DB_CONNECTION, and REDIS_CLIENT', () => {
    const r = parseEnv('SESSION_DRIVER=database\nDB_CONNECTION=mysql\nREDIS_CLIENT=predis');
    expect(r.diagnostics).toEqual([]);
    expect(r.value).toEqual({ session: { driver: 'database', dbConnection: 'mysql' }, redis: { client: 'predis' } });
  });
  it('says what SQLite means for sessions, maps other shared servers to mysql, and ignores DB_CONNECTION for other drivers', () => {
    const sqlite = parseEnv('SESSION_DRIVER=database\nDB_CONNECTION=sqlite');
    expect(lines(sqlite.diagnostics)).toEqual([
      "2:15 info: sqlite is database/database.sqlite on each server's own disk: with SESSION_DRIVER=database every server has its own sessions table",
    ]);
    expect(sqlite.value?.session.dbConnection).toBe('sqlite');
    expect(parseEnv('SESSION_DRIVER=database\nDB_CONNECTION=pgsql').value?.session.dbConnection).toBe('mysql');
    expect(parseEnv('SESSION_DRIVER=redis\nDB_CONNECTION=mysql').value?.session).toEqual({ driver: 'redis' });
  });
  it('rejects values Laravel would not accept, at their place', () => {
    expect(lines(parseEnv('REDIS_CLIENT=relay').diagnostics)).toEqual(['1:14 error: REDIS_CLIENT must be phpredis or predis, not "relay"']);
    expect(lines(parseEnv('DB_CONNECTION=mongo').diagnostics)).toEqual(['1:15 error: DB_CONNECTION must name a connection from config/database.php (sqlite, mysql, mariadb, pgsql, sqlsrv), not "mongo"']);
  });
  it('CACHE_STORE says where ->block() locks go; REDIS_TIMEOUT is not a skeleton key', () => {
    expect(lines(parseEnv('CACHE_STORE=file').diagnostics)[0]).toMatch(/^1:13 info: ->block\(\) session locks go to the default cache store .*every server locks on its own/);
    expect(lines(parseEnv('REDIS_TIMEOUT=2').diagnostics)[0]).toMatch(/^1:1 info: the skeleton's config\/database.php reads no REDIS_TIMEOUT/);
  });
  it('CACHE_STORE sets the lock store (session.block_store is unset in the skeleton), and DB_CONNECTION then matters', () => {
    expect(parseEnv('CACHE_STORE=file').value?.session).toEqual({ blockStore: 'file' });
    expect(parseEnv('CACHE_STORE="redis"').value?.session).toEqual({ blockStore: 'redis' });
    // Sessions in Redis, locks in the skeleton's database cache store on a shared MySQL.
    expect(parseEnv('SESSION_DRIVER=redis\nCACHE_STORE=database\nDB_CONNECTION=mysql').value?.session)
      .toEqual({ driver: 'redis', blockStore: 'database', dbConnection: 'mysql' });
    // array locks nothing across requests, memcached is not modelled: no lock store is set.
    expect(parseEnv('CACHE_STORE=array').value?.session).toEqual({});
    const mc = parseEnv('CACHE_STORE=memcached');
    expect(mc.value?.session).toEqual({});
    expect(lines(mc.diagnostics)).toEqual(["1:13 info: CACHE_STORE=memcached: the simulator's lock stores are file, database, redis; this one is not modelled"]);
  });
});
