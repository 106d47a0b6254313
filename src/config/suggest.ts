/** "Did you mean …?" helpers: optimal-string-alignment (Damerau) edit distance. */

/** Three rows reused by every call (the editors suggest on every keystroke, for every unknown word). */
let rows = [new Int32Array(66), new Int32Array(66), new Int32Array(66)];

/** Edit distance counting insertions, deletions, substitutions and adjacent transpositions as 1. */
export function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  if ((rows[0] as Int32Array).length < m + 1) rows = [new Int32Array(m + 1), new Int32Array(m + 1), new Int32Array(m + 1)];
  let [prev2, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}

/**
 * The candidate closest to `word`, if it is within `maxDistance` edits (default: 1 for words of
 * up to 4 characters, else 2) and not `word` itself. Ties go to the earlier candidate.
 */
export function closest(word: string, candidates: readonly string[], maxDistance?: number): string | null {
  if (word.length === 0 || word.length > 64) return null;
  const max = maxDistance ?? (word.length <= 4 ? 1 : 2);
  let best: string | null = null;
  let bestD = max + 1;
  for (const c of candidates) {
    if (c === word || Math.abs(c.length - word.length) > max) continue;
    const d = editDistance(word, c);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
