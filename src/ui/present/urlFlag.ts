/**
 * Set or clear a value-less link parameter (`?present`) in a URL, keeping every other parameter
 * exactly as written (a run link's payload is not re-encoded) and the hash. Written as `name`,
 * not `name=`. Returns the path, query and hash, for history.replaceState.
 */
export function withFlag(href: string, name: string, on: boolean): string {
  const url = new URL(href);
  const parts = url.search.replace(/^\?/, '').split('&').filter((p) => p !== '' && keyOf(p) !== name);
  if (on) parts.push(name);
  return `${url.pathname}${parts.length ? `?${parts.join('&')}` : ''}${url.hash}`;
}

function keyOf(part: string): string {
  const raw = part.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}
