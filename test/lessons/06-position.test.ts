// @vitest-environment happy-dom
// Lesson 06 on the real runtime: the live equivariance check. Without positions the outputs of
// "dog bites man" and "man bites dog" are equal up to the permutation; with sinusoidal positions added
// they are not. And the similarity of two positions depends only on their distance.
import { describe, expect, it, vi } from "vitest";
import { add, allClose, attention, matmul, sinusoidalPositions, toArray, type Matrix } from "../../src/kernel/index.ts";
import { get, mountLessonForTest, setInput } from "./harness.ts";

const mount = () => mountLessonForTest("06-position");


/** Row i of the result is row order[i] of m. */
const permuteRows = (m: Matrix, order: number[]): number[][] => order.map((k) => toArray(m)[k]);

// Mounting a lesson and following a few inputs takes seconds in happy-dom, more when files run in parallel.
vi.setConfig({ testTimeout: 30_000 });

describe("06-position", () => {
  it("without positions, 'man bites dog' gets the outputs of 'dog bites man' with the rows swapped", async () => {
    const lesson = await mount();
    expect(await get(lesson, "tokens")).toEqual(["dog", "bites", "man"]);
    expect(await get(lesson, "permuted")).toEqual(["man", "bites", "dog"]);
    const order = await get<number[]>(lesson, "order");
    expect(order).toEqual([2, 1, 0]);
    const [outA, outB] = await Promise.all([get<Matrix>(lesson, "outA"), get<Matrix>(lesson, "outB")]);
    // Checked here from the two outputs, independently of the lesson's own check …
    permuteRows(outA, order).forEach((row, i) => row.forEach((x, j) => expect(toArray(outB)[i][j]).toBeCloseTo(x, 12)));
    // … and the lesson's live check agrees.
    expect(await get(lesson, "equivariant")).toBe(true);
    expect(await get<number>(lesson, "gap")).toBeLessThan(1e-12);
    expect(await get(lesson, "matched")).toBe(3);
    // The outputs themselves are not trivially equal: the rows do differ from word to word.
    expect(allClose(outA, outB, 1e-6)).toBe(false);
  });

  it("with sinusoidal positions added, permuting no longer just permutes the outputs", async () => {
    const lesson = await mount();
    await setInput(lesson, "withPositions", true);
    const [outA, outB, P] = await Promise.all(["outA", "outB", "P"].map((n) => get<Matrix>(lesson, n)));
    expect(await get(lesson, "equivariant")).toBe(false);
    expect(await get<number>(lesson, "gap")).toBeGreaterThan(1e-3);
    expect(await get(lesson, "matched")).toBe(0);
    expect(allClose(matmul(P, outA), outB, 1e-6)).toBe(false);
    // Even "bites", at position 1 in both sentences, now gets a different output.
    expect(Math.max(...toArray(outA)[1].map((x, j) => Math.abs(x - toArray(outB)[1][j])))).toBeGreaterThan(1e-3);
  });

  it("the lesson's outputs are self-attention over embedding + PE, recomputed here", async () => {
    const lesson = await mount();
    await setInput(lesson, "withPositions", true);
    const W = await get<{ q: Matrix; k: Matrix; v: Matrix }>(lesson, "W");
    const embed = await get<(words: string[]) => Matrix>(lesson, "embed");
    const XA = embed(["dog", "bites", "man"]);
    await setInput(lesson, "withPositions", false);
    const plain = (await get<(words: string[]) => Matrix>(lesson, "embed"))(["dog", "bites", "man"]);
    expect(allClose(XA, add(plain, sinusoidalPositions(3, 8)), 1e-15)).toBe(true);
    await setInput(lesson, "withPositions", true);
    const expected = attention(matmul(XA, W.q), matmul(XA, W.k), matmul(XA, W.v)).output;
    expect(allClose(await get<Matrix>(lesson, "outA"), expected, 1e-15)).toBe(true);
  });

  it("every reordering keeps equivariance without positions and breaks it with them", async () => {
    const lesson = await mount();
    await setInput(lesson, "sentence", "the dog bit the old man");
    for (const reorder of ["reverse the sentence", "move the first word to the end", "shuffle (seeded)"]) {
      await setInput(lesson, "reorder", reorder);
      await setInput(lesson, "withPositions", false);
      expect(await get(lesson, "reorder")).toBe(reorder);
      expect(await get(lesson, "equivariant"), reorder).toBe(true);
      await setInput(lesson, "withPositions", true);
      expect(await get(lesson, "equivariant"), reorder).toBe(false);
    }
  });

  it("the similarity of positions t and t + k is the same from position 0 and from position n/2", async () => {
    const lesson = await mount();
    const series = await get<{ name: string; points: [number, number][] }[]>(lesson, "similarity");
    expect(series.map((s) => s.name)).toEqual(["from position 0", "from position 16"]);
    const d = await get<number>(lesson, "dPE");
    // Derived here: PE_t · PE_{t+k} / (d/2) = mean over the d/2 pairs of cos(k ω_i), ω_i = 10000^(-2i/d).
    series[0].points.forEach(([k, y], idx) => {
      const expected = Array.from({ length: d / 2 }, (_, i) => Math.cos(k / 10000 ** ((2 * i) / d))).reduce((a, b) => a + b) / (d / 2);
      expect(y).toBeCloseTo(expected, 12);
      expect(series[1].points[idx][1]).toBeCloseTo(expected, 12);
    });
    expect(await get<number>(lesson, "curveGap")).toBeLessThan(1e-12);
  });
});
