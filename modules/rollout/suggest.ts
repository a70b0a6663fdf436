/**
 * "Did you mean …?" for a value the user mistyped: the Region table's codes, the keys a schema
 * allows at a path. One edit-distance rule for every suggestion, so they read alike.
 */

/** Levenshtein distance; the strings here are a few dozen characters. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidate closest to `word` (ties: the first listed), or undefined when none is within
 * `maxDistance` edits — a suggestion that shares nothing with the word misleads more than none.
 *
 * @param maxDistance @default Infinity (always suggest)
 */
export function nearest(word: string, candidates: Iterable<string>, maxDistance = Infinity): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= maxDistance ? best : undefined;
}
