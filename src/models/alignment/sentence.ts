// Reading a sentence a reader typed: words, the ones the models don't know, and whether the length is
// one the models were trained on.

import { SOURCE_WORDS } from "./lexicon.ts";

/** Longest source sentence the shipped models were trained on. */
export const MAX_WORDS = 30;

export interface ReadSentence {
  /** Lower-case words, punctuation removed. */
  readonly words: string[];
  /** For each word, true if the source vocabulary lacks it (the model reads it as `<unk>`). */
  readonly unknown: boolean[];
  /** Why the sentence can't be translated (empty, too long), or null. */
  readonly problem: string | null;
}

const known = new Set(SOURCE_WORDS);

/** Splits typed text into words and flags unknown ones; an empty or too-long sentence gets a `problem`. */
export function readSentence(text: string, maxWords = MAX_WORDS): ReadSentence {
  const words = text.toLowerCase().replace(/[^\p{L}\p{N}\s'-]/gu, " ").split(/\s+/).filter(Boolean);
  const unknown = words.map((w) => !known.has(w));
  const problem = words.length === 0
    ? "Type a sentence first: the box is empty."
    : words.length > maxWords
      ? `That sentence has ${words.length} words; the models were trained on sentences of 3 to ${maxWords} words. Shorten it by ${words.length - maxWords}.`
      : null;
  return { words, unknown, problem };
}

/** Sentences to pick from, short to long, each showing some reordering. */
export const EXAMPLES: readonly string[] = [
  "the big red car sees a small old dog",
  "my cat never sleeps",
  "the happy young queen often paints a pretty white flower",
  "a strong black horse follows the old king near the cold river",
  "this quiet girl likes my green book but the small boy always watches the big blue house",
  "my old white dog never eats the red apple with a happy bird and the young pretty woman often visits this big quiet city",
];
