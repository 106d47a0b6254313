/** Regression tests for issue 14's console findings: each input here froze the page or leaked internals. */
import { describe, expect, it } from 'vitest';
import { runNodeShell } from '../../src/console/nodeShell';
import { runRedisCli } from '../../src/console/redisCli';
import { makeRedis } from '../redis/helpers';
import { ALICE, GUEST, shellContext } from './helpers';

describe('globs answer at once (High 1)', () => {
  it('ls with the 16-byte pattern that froze the tab for 16.7 s', () => {
    const r = runNodeShell(shellContext(), 'ls storage/framework/sessions/*?*?*?*?*?*?*?!');
    expect(r).toEqual({ output: "ls: cannot access 'storage/framework/sessions/*?*?*?*?*?*?*?!': No such file or directory", status: 2 });
  });

  it('ls still expands ordinary and bracket globs, and quoted globs stay literal', () => {
    expect(runNodeShell(shellContext(), 'ls storage/framework/sessions/[A0]*').output).toBe(`storage/framework/sessions/${GUEST}\nstorage/framework/sessions/${ALICE}`);
    expect(runNodeShell(shellContext(), 'ls storage/framework/sessions/[!0]*').output).toBe(`storage/framework/sessions/${ALICE}`);
    expect(runNodeShell(shellContext(), 'echo "storage/*"').output).toBe('storage/*');
    expect(runNodeShell(shellContext(), 'echo stor\\age/*').output).toBe('storage/app storage/framework storage/logs');
  });

  it('KEYS, SCAN MATCH and CONFIG GET with backtracking patterns', async () => {
    const { redis } = await makeRedis();
    for (let i = 0; i < 20; i++) await redis.setex(`laravel_session:${'x'.repeat(30)}${i}`, 60, 'v');
    expect((await runRedisCli(redis, 'KEYS *?*?*?*?*?*?*?!')).output).toBe('(empty array)');
    expect((await runRedisCli(redis, 'SCAN 0 MATCH *?*?*?*?*?*?*?! COUNT 100')).output).toBe('1) "0"\n2) (empty array)');
    expect((await runRedisCli(redis, 'CONFIG GET ***************!')).output).toBe('(empty array)');
    expect((await runRedisCli(redis, 'KEYS laravel_session:*1[0-9]')).output.split('\n')).toHaveLength(10);
    expect((await runRedisCli(redis, 'CONFIG GET MAXMEMORY-P*')).output).toBe('1) "maxmemory-policy"\n2) "noeviction"');
  });
});

describe('prototype names are plain names (Low)', () => {
  it('CONFIG SET __proto__ and constructor are unknown options', async () => {
    const { redis } = await makeRedis();
    expect((await runRedisCli(redis, 'CONFIG SET __proto__ 1')).output).toBe("(error) ERR Unknown option or number of arguments for CONFIG SET - '__proto__'");
    expect((await runRedisCli(redis, 'CONFIG SET constructor 1')).output).toBe("(error) ERR Unknown option or number of arguments for CONFIG SET - 'constructor'");
  });

  it('__proto__ and constructor are not directories of the app', () => {
    expect(runNodeShell(shellContext(), 'ls __proto__ storage/constructor')).toEqual({
      output: "ls: cannot access '__proto__': No such file or directory\nls: cannot access 'storage/constructor': No such file or directory",
      status: 2,
    });
    expect(runNodeShell(shellContext(), 'cd __proto__').status).toBe(1);
  });

  it('echo $__proto__ and ${constructor} expand to nothing, as unset variables do in bash', () => {
    expect(runNodeShell(shellContext(), 'echo [$__proto__] [${constructor}] [$toString]').output).toBe('[] [] []');
  });
});
