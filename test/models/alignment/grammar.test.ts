import { describe, expect, it } from "vitest";
import { rng } from "../../../src/kernel/index.ts";
import { makeCorpus, sampleSentence, translateByRule } from "../../../src/models/alignment/grammar.ts";
import { SOURCE_WORDS, TARGET_WORDS } from "../../../src/models/alignment/lexicon.ts";

const words = (s: string): string[] => s.split(" ");

describe("the toy languages", () => {
  it("have at least 40 words each, all distinct", () => {
    expect(SOURCE_WORDS.length).toBeGreaterThanOrEqual(40);
    expect(TARGET_WORDS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(SOURCE_WORDS).size).toBe(SOURCE_WORDS.length);
  });

  it("translateByRule puts adjectives after the noun in reverse order, with the noun's gender", () => {
    expect(translateByRule(words("the big red car sees a small old dog"))).toEqual(words("la voiture rouge grand voit un chien vieux petit"));
    expect(translateByRule(words("my cat sleeps"))).toEqual(words("mon chat dort"));
  });

  it("translateByRule moves adverbs after the verb and wraps 'never' as ne … jamais", () => {
    expect(translateByRule(words("the king often sings"))).toEqual(words("le roi chante souvent"));
    expect(translateByRule(words("this queen never eats the apple"))).toEqual(words("cette reine ne mange jamais la pomme"));
  });

  it("translateByRule passes unknown words through", () => {
    expect(translateByRule(words("the zebra sleeps"))).toEqual(words("le zebra dort"));
  });
});

describe("sampleSentence(random, length)", () => {
  it("gives exactly the requested length, from 3 to 30 and beyond", () => {
    const random = rng(1);
    for (const n of [3, 4, 7, 15, 30, 33]) expect(sampleSentence(random, n)).toHaveLength(n);
    expect(() => sampleSentence(random, 2)).toThrow(RangeError);
  });

  it("makeCorpus(seed, …) is the same for the same seed and differs for another", () => {
    const a = makeCorpus(5, 20, 3, 30), b = makeCorpus(5, 20, 3, 30), c = makeCorpus(6, 20, 3, 30);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    for (const p of a) {
      expect(p.source.length).toBeGreaterThanOrEqual(3);
      expect(p.source.length).toBeLessThanOrEqual(30);
      expect(p.target).toEqual(translateByRule(p.source));
    }
  });

  it("reorders: most long sentences' targets are not word-for-word in source order", () => {
    const corpus = makeCorpus(9, 50, 15, 30);
    const reordered = corpus.filter((p) => p.source.some((w, i) => /^(big|small|red|green|blue|old|young|happy|black|white|quiet|strong|pretty|cold)$/.test(w) && i > 0 && p.source[i + 1] !== undefined));
    expect(reordered.length).toBeGreaterThan(40);
  });
});
