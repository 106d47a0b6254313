/**
 * The address bar as the lesson player and the clicker see it (src/ui/lessons/lessonPlayer's
 * `Nav`): only the lesson part of the query changes (other views read theirs: speed, paused, …),
 * and it is written in a task of its own, the latest link asked for. Opening a lesson during a
 * 10,000-user run spent ~20 ms of its click in `replaceState`, in a task at the 100 ms line.
 */
import { withLessonLink } from '../../lessons/link';
import type { Nav } from './lessonPlayer.svelte';

/** Reading and writing the query string (the browser's: `location` and `history.replaceState`). */
export interface AddressBar {
  search(): string;
  setSearch(search: string): void;
}

export function browserAddressBar(): AddressBar {
  return {
    search: () => location.search,
    setSearch: (search) => history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`),
  };
}

/** A {@link Nav} over `bar` whose writes wait for `later`; `flush` writes what is pending now (the page is going). */
export function lessonNav(bar: AddressBar, later: (f: () => void) => void = (f) => void setTimeout(f, 0)): Nav & { flush(): void } {
  let pending: string | null = null;
  const flush = (): void => {
    if (pending === null) return;
    const link = pending;
    pending = null;
    bar.setSearch(withLessonLink(bar.search(), link)); // merged with the query as it is then
  };
  return {
    search: () => (pending === null ? bar.search() : withLessonLink(bar.search(), pending)),
    replace: (link) => {
      if (pending === null) later(flush);
      pending = link;
    },
    flush,
  };
}
