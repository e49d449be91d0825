// "did you mean …?" for misspelled names and keys.

/** The Levenshtein distance between `a` and `b` (insertions, deletions and substitutions). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidate closest to `name` within edit distance 2, or null. A name of n characters only
 * matches within n - 1 edits, so `x` never suggests `y`.
 */
export function closestName(name: string, candidates: Iterable<string>): string | null {
  const limit = Math.min(2, name.length - 1);
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    const distance = editDistance(name, candidate);
    if (distance <= limit && distance < bestDistance) (best = candidate), (bestDistance = distance);
  }
  return best;
}

/** ` (did you mean "bar"?)`, or "" when nothing is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const match = closestName(name, candidates);
  return match === null ? "" : ` (did you mean "${match}"?)`;
}
