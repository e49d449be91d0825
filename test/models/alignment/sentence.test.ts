import { describe, expect, it } from "vitest";
import { EXAMPLES, readSentence } from "../../../src/models/alignment/sentence.ts";
import { SOURCE_WORDS } from "../../../src/models/alignment/lexicon.ts";

describe("readSentence(text)", () => {
  it("readSentence lower-cases, drops punctuation and flags unknown words", () => {
    const r = readSentence("The zebra sleeps!");
    expect(r.words).toEqual(["the", "zebra", "sleeps"]);
    expect(r.unknown).toEqual([false, true, false]);
    expect(r.problem).toBeNull();
  });
  it("readSentence explains an empty or too-long sentence", () => {
    expect(readSentence("  ").problem).toContain("empty");
    expect(readSentence(Array(31).fill("cat").join(" ")).problem).toContain("31 words");
  });
  it("every example uses only known words and at most 30 of them", () => {
    for (const e of EXAMPLES) {
      const r = readSentence(e);
      expect(r.unknown.some(Boolean), e).toBe(false);
      expect(r.words.length).toBeLessThanOrEqual(30);
      expect(r.words.every((w) => SOURCE_WORDS.includes(w))).toBe(true);
    }
  });
});
