/** The lesson player's address bar: the latest link, written in a task of its own, merged with the query as it is then (src/ui/lessons/lessonNav.ts). */
import { describe, expect, it } from 'vitest';
import { lessonNav, type AddressBar } from '../../src/ui/lessons/lessonNav';

function fakeBar(search: string): AddressBar & { writes: string[] } {
  const bar = { search: () => search, setSearch: (s: string) => { search = s; bar.writes.push(s); }, writes: [] as string[] };
  return bar;
}

describe('lessonNav', () => {
  it('writes only the latest link, later, and reads back what it will write meanwhile', () => {
    const bar = fakeBar('?speed=10');
    const tasks: Array<() => void> = [];
    const nav = lessonNav(bar, (f) => tasks.push(f));
    nav.replace('lesson=two-nodes&step=1');
    nav.replace('lesson=two-nodes&step=2');
    expect(bar.writes).toEqual([]); // nothing in the click's task
    expect(nav.search()).toBe('?lesson=two-nodes&step=2&speed=10');
    expect(tasks).toHaveLength(1); // one write scheduled for both
    tasks.shift()!();
    expect(bar.writes).toEqual(['?lesson=two-nodes&step=2&speed=10']);
    expect(nav.search()).toBe('?lesson=two-nodes&step=2&speed=10');
  });

  it('keeps what another view wrote in between (presenter mode) and lets the page flush before it goes', () => {
    const bar = fakeBar('');
    const tasks: Array<() => void> = [];
    const nav = lessonNav(bar, (f) => tasks.push(f));
    nav.replace('lesson=redis&step=3');
    bar.setSearch('?present'); // App's presenter toggle writes at once
    nav.flush(); // pagehide
    expect(bar.search()).toBe('?lesson=redis&step=3&present');
    tasks.shift()!(); // the scheduled write finds nothing left to do
    expect(bar.writes).toEqual(['?present', '?lesson=redis&step=3&present']);
    nav.replace('');
    tasks.shift()!();
    expect(bar.search()).toBe('?present'); // the lesson part removed, the flag kept
  });
});
