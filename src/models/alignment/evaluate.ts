// BLEU by sentence length, as in Bahdanau et al.'s Figure 2: a fresh test set from the grammar, split
// into length buckets, translated greedily by each model.

import { rng } from "../../kernel/index.ts";
import { corpusBleu, exactMatch } from "./bleu.ts";
import { greedyDecode } from "./decode.ts";
import { type Pair, samplePair } from "./grammar.ts";
import type { Model } from "./model.ts";

export interface Bucket {
  readonly minLen: number;
  readonly maxLen: number;
}

/** The four source-length buckets from the shortest to the longest training sentence. */
export const BUCKETS: readonly Bucket[] = [{ minLen: 3, maxLen: 9 }, { minLen: 10, maxLen: 16 }, { minLen: 17, maxLen: 23 }, { minLen: 24, maxLen: 30 }];

/** `perBucket` pairs in each bucket, lengths uniform within it, all from one seeded generator. */
export function testSet(seed: number, buckets: readonly Bucket[], perBucket: number): Pair[][] {
  const random = rng(seed);
  return buckets.map(({ minLen, maxLen }) =>
    Array.from({ length: perBucket }, () => samplePair(random, minLen + Math.floor(random() * (maxLen - minLen + 1)))));
}

export interface Score {
  /** Corpus BLEU-4, 0 to 100. */
  readonly bleu: number;
  /** Share of sentences translated exactly, 0 to 1. */
  readonly exact: number;
}

/** Greedy translations of pairs' sources, as target words. */
export function translateAll(model: Model, pairs: readonly Pair[]): string[][] {
  return pairs.map((p) => model.target.decode(greedyDecode(model, model.source.encode(p.source)).ids));
}

/** BLEU and exact match of a model on pairs. */
export function score(model: Model, pairs: readonly Pair[]): Score {
  const hypotheses = translateAll(model, pairs);
  const references = pairs.map((p) => p.target);
  return { bleu: corpusBleu(hypotheses, references), exact: exactMatch(hypotheses, references) };
}
