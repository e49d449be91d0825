import { describe, expect, it } from "vitest";
import { toArray } from "../../../src/kernel/index.ts";
import { makeBatch } from "../../../src/models/alignment/batch.ts";
import { SOURCE_WORDS, TARGET_WORDS } from "../../../src/models/alignment/lexicon.ts";
import { BOS, EOS, PAD, Vocabulary } from "../../../src/models/alignment/vocab.ts";

const src = new Vocabulary(SOURCE_WORDS), tgt = new Vocabulary(TARGET_WORDS);
const w = (s: string): string[] => s.split(" ");

describe("makeBatch(pairs, src, tgt)", () => {
  const batch = makeBatch([
    { source: w("the cat sleeps"), target: w("le chat dort") },
    { source: w("my dog often runs near a tree"), target: w("mon chien court souvent vers un arbre") },
  ], src, tgt);

  it("pads to the longest sentence plus </s> and masks the padding", () => {
    expect(batch.srcSteps).toBe(8);
    expect(toArray(batch.srcMask)).toEqual([[1, 1, 1, 1, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1, 1, 1]]);
    expect(Array.from(batch.keep[4])).toEqual([0, 1]);
  });

  it("lays source ids out time-major, ending each sentence with </s>", () => {
    const B = 2;
    expect(batch.srcIds[0 * B + 0]).toBe(src.id("the"));
    expect(batch.srcIds[3 * B + 0]).toBe(EOS);
    expect(batch.srcIds[4 * B + 0]).toBe(PAD);
    expect(batch.srcIds[7 * B + 1]).toBe(EOS);
  });

  it("shifts targets by one for teacher forcing and weighs only real positions", () => {
    const T = batch.tgtSteps;
    expect(T).toBe(8);
    expect(batch.decInBatch[0]).toBe(BOS);
    expect(batch.decInBatch[1]).toBe(tgt.id("le"));
    expect(batch.targets[0]).toBe(tgt.id("le"));
    expect(batch.targets[3]).toBe(EOS);
    expect(Array.from(batch.targetWeights.subarray(0, T))).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);
    expect(batch.decInTime[1 * 2 + 1]).toBe(tgt.id("mon"));
  });

  it("maps unknown words to <unk>", () => {
    expect(src.encode(["cat", "zebra"])).toEqual([src.id("cat"), 3]);
    expect(tgt.decode([tgt.id("le"), EOS, tgt.id("chat")])).toEqual(["le"]);
  });
});
