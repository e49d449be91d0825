// BLEU (Papineni et al. 2002), the score of Bahdanau et al.'s tables: how many of the candidate's
// 1- to 4-word n-grams appear in the reference (each counted at most as often as in the reference),
// pooled over the whole corpus, combined by a geometric mean and penalised when the output is short.

function ngramCounts(words: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= words.length; i++) {
    const key = words.slice(i, i + n).join("\u0000");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Corpus BLEU-4 from 0 to 100, with one reference per candidate and the brevity penalty
 * exp(1 − r/c) when the candidates' total length c is below the references' r.
 * @example corpusBleu([["le", "chat", "dort", "ici"]], [["le", "chat", "dort", "ici"]]) // 100
 */
export function corpusBleu(candidates: readonly (readonly string[])[], references: readonly (readonly string[])[]): number {
  if (candidates.length !== references.length) {
    throw new RangeError(`corpusBleu: ${candidates.length} candidates but ${references.length} references`);
  }
  const matches = [0, 0, 0, 0], totals = [0, 0, 0, 0];
  let c = 0, r = 0;
  candidates.forEach((cand, k) => {
    const ref = references[k];
    c += cand.length;
    r += ref.length;
    for (let n = 1; n <= 4; n++) {
      const refCounts = ngramCounts(ref, n);
      for (const [gram, count] of ngramCounts(cand, n)) matches[n - 1] += Math.min(count, refCounts.get(gram) ?? 0);
      totals[n - 1] += Math.max(0, cand.length - n + 1);
    }
  });
  if (c === 0 || matches.some((m) => m === 0)) return 0;
  const logPrecision = matches.reduce((s, m, n) => s + Math.log(m / totals[n]), 0) / 4;
  const brevity = c < r ? 1 - r / c : 0;
  return 100 * Math.exp(brevity + logPrecision);
}

/** The share of candidates equal to their reference word for word, from 0 to 1. */
export function exactMatch(candidates: readonly (readonly string[])[], references: readonly (readonly string[])[]): number {
  if (candidates.length === 0) return 0;
  let same = 0;
  candidates.forEach((cand, k) => {
    const ref = references[k];
    if (cand.length === ref.length && cand.every((w, i) => w === ref[i])) same += 1;
  });
  return same / candidates.length;
}
