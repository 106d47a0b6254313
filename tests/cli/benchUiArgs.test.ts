import { describe, expect, it } from 'vitest';
import { parseBenchUiArgs } from '../../src/cli/benchUiArgs';

describe('npm run bench:ui flags', () => {
  it('defaults to 1,000 users at 10× on port 4174 for 10 s', () => {
    expect(parseBenchUiArgs([])).toEqual({ users: 1000, speed: 10, port: 4174, seconds: 10, actions: true, side: null, sizeOnly: false, help: false });
  });

  it('reads --users, --speed, --port and --seconds', () => {
    expect(parseBenchUiArgs(['--users', '10000', '--speed', '0.5', '--port', '4213', '--seconds', '5', '--no-actions']))
      .toEqual({ users: 10000, speed: 0.5, port: 4213, seconds: 5, actions: false, side: null, sizeOnly: false, help: false });
  });

  it('--size-only stops after the size of the first screen\'s JavaScript', () => {
    expect(parseBenchUiArgs(['--size-only'])).toMatchObject({ sizeOnly: true });
  });

  it('--side measures the side-by-side view (its value read as the link reads it), without the actions', () => {
    expect(parseBenchUiArgs(['--users', '100', '--side', 'driver:redis'])).toMatchObject({ users: 100, side: 'driver:redis', actions: false });
    expect(parseBenchUiArgs(['--side', 'driver:nope'])).toEqual({ errors: ['--side: driver:"nope" is not one of file, redis, cookie, array, database'] });
    expect(parseBenchUiArgs(['--side', 'seed:2'])).toEqual({ errors: [expect.stringMatching(/^--side: seed cannot differ between the sides/)] });
  });

  it('names every bad value and what it expected', () => {
    const r = parseBenchUiArgs(['--users', '10001', '--speed', '7', '--port', 'x']);
    expect(r).toEqual({
      errors: [
        '--users: expected a whole number from 1 to 10000, got "10001"',
        '--port: expected a whole number from 1024 to 65535, got "x"',
        '--speed: expected one of 0.25, 0.5, 1, 2, 5, 10, 30, 60, got "7"',
      ],
    });
  });

  it('rejects unknown flags and stray words', () => {
    expect(parseBenchUiArgs(['--user', '5'])).toEqual({ errors: [expect.stringContaining("Unknown option '--user'")] });
    expect(parseBenchUiArgs(['5000'])).toEqual({ errors: [expect.stringContaining('positional')] });
    expect(parseBenchUiArgs(['--users'])).toEqual({ errors: [expect.stringContaining('--users')] });
  });
});
