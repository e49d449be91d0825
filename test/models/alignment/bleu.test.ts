import { describe, expect, it } from "vitest";
import { corpusBleu, exactMatch } from "../../../src/models/alignment/bleu.ts";

const w = (s: string): string[] => s.split(" ");

describe("corpusBleu(candidates, references)", () => {
  it("corpusBleu of identical sentences is 100", () => {
    expect(corpusBleu([w("le chat dort ici"), w("la reine mange une pomme rouge")], [w("le chat dort ici"), w("la reine mange une pomme rouge")])).toBeCloseTo(100, 10);
  });

  it("corpusBleu pools n-gram counts over the corpus (Papineni's clipped precisions)", () => {
    // candidate 6 words, reference 6: 1-grams 5/6, 2-grams 3/5, 3-grams 2/4, 4-grams 1/3; no brevity penalty
    const bleu = corpusBleu([w("le chat noir mange la souris")], [w("le chat noir mange une souris")]);
    expect(bleu).toBeCloseTo(100 * Math.exp((Math.log(5 / 6) + Math.log(3 / 5) + Math.log(2 / 4) + Math.log(1 / 3)) / 4), 10);
  });

  it("corpusBleu clips repeated words at their count in the reference", () => {
    const bleu = corpusBleu([w("le le le le le")], [w("le chat dort sur le tapis")]);
    expect(bleu).toBe(0); // no matching 2-gram
  });

  it("corpusBleu applies the brevity penalty exp(1 − r/c) to short output", () => {
    const full = w("a b c d e f g h");
    const bleu = corpusBleu([full.slice(0, 6)], [full]);
    expect(bleu).toBeCloseTo(100 * Math.exp(1 - 8 / 6), 10);
  });

  it("corpusBleu is 0 for empty output and throws on mismatched lists", () => {
    expect(corpusBleu([[]], [w("le chat")])).toBe(0);
    expect(() => corpusBleu([[]], [])).toThrow("corpusBleu: 1 candidates but 0 references");
  });
});

describe("exactMatch(candidates, references)", () => {
  it("exactMatch counts the share of sentences equal word for word", () => {
    expect(exactMatch([w("a b"), w("a c"), w("a"), w("x y")], [w("a b"), w("a b"), w("a b"), w("x y")])).toBe(0.5);
  });
});
