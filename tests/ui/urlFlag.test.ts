import { describe, expect, it } from 'vitest';
import { withFlag } from '../../src/ui/present/urlFlag';

describe('withFlag (the presenter toggle keeps the link)', () => {
  it('adds the flag after the other parameters, value-less', () => {
    expect(withFlag('http://h/lab/?lesson=two-nodes&paused#x', 'present', true)).toBe('/lab/?lesson=two-nodes&paused&present#x');
    expect(withFlag('http://h/', 'present', true)).toBe('/?present');
  });
  it('removes it (also written as present= or present=1) and leaves the rest as written', () => {
    expect(withFlag('http://h/?run=a%2Bb&present&seed=3', 'present', false)).toBe('/?run=a%2Bb&seed=3');
    expect(withFlag('http://h/?present=1', 'present', false)).toBe('/');
    expect(withFlag('http://h/?presenter=1&present=', 'present', false)).toBe('/?presenter=1');
  });
  it('does not add it twice', () => {
    expect(withFlag('http://h/?present&driver=redis', 'present', true)).toBe('/?driver=redis&present');
  });
});
