// @vitest-environment happy-dom
// Lesson 01 on the real runtime: the four steps agree with each other and with a running mean
// computed here, editing a token re-weights the graph, and items of a batch never talk.
import { describe, expect, it } from "vitest";
import { attention, causalMask, matmul, toArray, type Matrix } from "../../src/kernel/index.ts";
import { get, mountLessonForTest, setInput } from "./harness.ts";

const mount = () => mountLessonForTest("01-attention-as-communication");

const largestDifference = (a: number[][], b: number[][]): number =>
  Math.max(...a.flatMap((row, i) => row.map((x, j) => Math.abs(x - b[i][j]))));

type Result = { weights: Matrix; output: Matrix };
type BatchCheck = { change: number[]; changeA: number; changeB: number };

describe("01-attention-as-communication", () => {
  it("loops, the lower-triangular product and the masked softmax all give the running mean of the past", async () => {
    const lesson = await mount();
    const X = toArray(await get(lesson, "Xa"));
    // The mean of rows 0..t, computed here.
    const running = X.map((_, t) => X[0].map((_, c) => X.slice(0, t + 1).reduce((s, row) => s + row[c], 0) / (t + 1)));
    expect(largestDifference(toArray(await get(lesson, "xbow")), running)).toBeLessThan(1e-12);
    expect(largestDifference(toArray(await get(lesson, "xbow2")), running)).toBeLessThan(1e-12);
    const Wavg = toArray(await get(lesson, "Wavg"));
    Wavg.forEach((row, i) => row.forEach((w, j) => expect(w).toBeCloseTo(j <= i ? 1 / (i + 1) : 0, 15)));
    expect(largestDifference(toArray(await get(lesson, "Wsoft")), Wavg)).toBeLessThan(1e-15);
    expect(await get<number>(lesson, "diffLoops")).toBeLessThan(1e-12);
    expect(await get<number>(lesson, "diffSoft")).toBeLessThan(1e-15);
  });

  it("editing a token's vector re-weights the graph's edges, only from that token on", async () => {
    const lesson = await mount();
    await setInput(lesson, "editAt", 2);
    await setInput(lesson, "nudge", 0);
    const original = toArray((await get<Result>(lesson, "resultA")).weights);
    await setInput(lesson, "nudge", 2);
    const edited = toArray((await get<Result>(lesson, "resultA")).weights);
    expect(largestDifference(edited.slice(0, 2), original.slice(0, 2))).toBe(0);
    expect(largestDifference(edited.slice(2), original.slice(2))).toBeGreaterThan(0.01);
    for (const row of edited) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // The prose names the last token's strongest edge.
    const last = edited[edited.length - 1];
    expect(await get<number>(lesson, "strongestFromLast")).toBe(last.indexOf(Math.max(...last)));
  });

  it("attention acts on a set: without the mask, reversing the tokens reverses the outputs", async () => {
    const lesson = await mount();
    expect(await get<number>(lesson, "diffReversed")).toBeLessThan(1e-12);
  });

  it("items in a batch never talk: editing A leaves B's outputs exactly as B computed alone", async () => {
    const lesson = await mount();
    const [Wq, Wk, Wv] = await Promise.all(["Wq", "Wk", "Wv"].map((n) => get(lesson, n)));
    const embed = await get<(words: string[]) => Matrix>(lesson, "embed");
    const tokensB = await get<string[]>(lesson, "tokensB");
    // B on its own, through the kernel directly: no packing, no batch mask.
    const XB = embed(tokensB);
    const alone = toArray(attention(matmul(XB, Wq), matmul(XB, Wk), matmul(XB, Wv), { mask: causalMask(XB.rows) }).output);
    for (const [editAt, nudge] of [[2, 1], [0, -2.5], [5, 3]]) {
      await setInput(lesson, "editAt", editAt);
      await setInput(lesson, "nudge", nudge);
      const check = await get<BatchCheck>(lesson, "batchCheck");
      expect(check.changeB).toBe(0);
      expect(check.changeA).toBeGreaterThan(1e-3);
      const packedB = toArray((await get<Result>(lesson, "batchResult")).output).slice(tokensB.length);
      expect(largestDifference(packedB, alone)).toBeLessThan(1e-12);
      // And no weight crosses between the sequences.
      const weights = toArray((await get<Result>(lesson, "batchResult")).weights);
      weights.forEach((row, i) => row.forEach((w, j) => {
        if (Math.floor(i / 6) !== Math.floor(j / 6)) expect(w).toBe(0);
      }));
    }
    // Drop the batch mask and B reads A.
    await setInput(lesson, "dropBatchMask", true);
    const leaky = await get<BatchCheck>(lesson, "batchCheck");
    expect(leaky.changeB).toBeGreaterThan(1e-3);
  });
});
