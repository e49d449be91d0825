// The toy corpus: random English-like sentences from a small grammar, and their French-like
// translations by rule. Seeded, so the same seed always gives the same corpus.
//
//   sentence = clause (conjunction clause)*
//   clause   = noun-phrase [adverb] verb [noun-phrase] [preposition noun-phrase]
//   noun-phrase = determiner adjective{0..3} noun

import { rng } from "../../kernel/index.ts";
import { ADJECTIVES, ADVERBS, CONJUNCTIONS, DETERMINERS, INTRANSITIVE, NOUNS, PREPOSITIONS, TRANSITIVE } from "./lexicon.ts";

/** A source sentence and its reference translation, as words. */
export interface Pair {
  readonly source: readonly string[];
  readonly target: readonly string[];
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const words = {
  det: Object.keys(DETERMINERS), noun: Object.keys(NOUNS), adj: Object.keys(ADJECTIVES), vt: Object.keys(TRANSITIVE),
  vi: Object.keys(INTRANSITIVE), adv: Object.keys(ADVERBS), prep: Object.keys(PREPOSITIONS), conj: Object.keys(CONJUNCTIONS),
};

function nounPhrase(random: () => number, maxAdjectives: number): string[] {
  const count = Math.floor(random() * (maxAdjectives + 1));
  const adjectives: string[] = [];
  while (adjectives.length < count) {
    const a = pick(random, words.adj);
    if (!adjectives.includes(a)) adjectives.push(a); // no "big big"
  }
  return [pick(random, words.det), ...adjectives, pick(random, words.noun)];
}

function clause(random: () => number, richness: number): string[] {
  const out = nounPhrase(random, 3 * richness > 1 ? 3 : 1);
  if (random() < 0.3) out.push(pick(random, words.adv));
  const transitive = random() < 0.75;
  out.push(pick(random, transitive ? words.vt : words.vi));
  if (transitive) out.push(...nounPhrase(random, 3));
  if (random() < 0.3 + 0.4 * richness) out.push(pick(random, words.prep), ...nounPhrase(random, 3));
  return out;
}

/**
 * A random source sentence of exactly `length` words (3 to 40): clauses are drawn until one combination
 * has the right length. Deterministic for a given generator state.
 */
export function sampleSentence(random: () => number, length: number): string[] {
  if (!Number.isInteger(length) || length < 3 || length > 40) throw new RangeError(`sampleSentence: length must be an integer from 3 to 40, got ${length}`);
  for (let attempt = 0; ; attempt++) {
    const clauses = Math.max(1, Math.round(length / 10 + (random() - 0.5)));
    const richness = Math.min(1, length / (10 * clauses));
    const out = clause(random, richness);
    for (let c = 1; c < clauses; c++) out.push(pick(random, words.conj), ...clause(random, richness));
    if (out.length === length) return out;
    if (attempt > 10_000) throw new Error(`sampleSentence: no sentence of length ${length} found`);
  }
}

/** The reference translation of a grammatical source sentence; unknown words pass through unchanged. */
export function translateByRule(source: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < source.length; i++) {
    const w = source[i];
    if (w in DETERMINERS) {
      let k = i + 1; // the noun phrase runs to the first noun
      while (k < source.length && source[k] in ADJECTIVES) k++;
      if (k < source.length && source[k] in NOUNS) {
        const [noun, gender] = NOUNS[source[k]];
        const adjectives = source.slice(i + 1, k).reverse().map((a) => ADJECTIVES[a]);
        out.push(DETERMINERS[w][gender === "m" ? 0 : 1], noun, ...adjectives);
        i = k;
        continue;
      }
      out.push(DETERMINERS[w][0]);
    } else if (w in ADVERBS && i + 1 < source.length && (source[i + 1] in TRANSITIVE || source[i + 1] in INTRANSITIVE)) {
      const { before, after } = ADVERBS[w];
      const verb = TRANSITIVE[source[i + 1]] ?? INTRANSITIVE[source[i + 1]];
      out.push(...(before ? [before] : []), verb, after);
      i += 1;
    } else {
      out.push(TRANSITIVE[w] ?? INTRANSITIVE[w] ?? NOUNS[w]?.[0] ?? ADJECTIVES[w] ?? PREPOSITIONS[w] ?? CONJUNCTIONS[w] ?? ADVERBS[w]?.after ?? w);
    }
  }
  return out;
}

/** One pair with a source of exactly `length` words. */
export function samplePair(random: () => number, length: number): Pair {
  const source = sampleSentence(random, length);
  return { source, target: translateByRule(source) };
}

/** `n` pairs with source lengths drawn uniformly from minLen … maxLen, from a seed. */
export function makeCorpus(seed: number, n: number, minLen: number, maxLen: number): Pair[] {
  const random = rng(seed);
  return Array.from({ length: n }, () => samplePair(random, minLen + Math.floor(random() * (maxLen - minLen + 1))));
}
