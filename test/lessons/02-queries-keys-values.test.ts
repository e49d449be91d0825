// @vitest-environment happy-dom
// Lesson 02 on the real runtime: what its prose says about the sharpness slider, checked against a
// softmax written out here over the lesson's own Q and K.
import { describe, expect, it, vi } from "vitest";
import { toArray, type Matrix } from "../../src/kernel/index.ts";
import { get, mountLessonForTest, setInput } from "./harness.ts";

const mount = () => mountLessonForTest("02-queries-keys-values");

vi.setConfig({ testTimeout: 30_000 });

/** softmax(s · q_i·k_j / √d_k) for every query, by loops. */
function weightsByHand(Q: Matrix, K: Matrix, sharpness: number): number[][] {
  return Array.from({ length: Q.rows }, (_, i) => {
    const scores = Array.from({ length: K.rows }, (_, j) => {
      let s = 0;
      for (let c = 0; c < Q.cols; c++) s += Q.data[i * Q.cols + c] * K.data[j * K.cols + c];
      return (sharpness * s) / Math.sqrt(Q.cols);
    });
    const top = Math.max(...scores);
    const e = scores.map((x) => Math.exp(x - top));
    const total = e.reduce((a, b) => a + b, 0);
    return e.map((x) => x / total);
  });
}

describe("02-queries-keys-values", () => {
  it("at sharpness 0 every weight is 1/n; raised, the rows narrow, and the prose's peak is the largest weight", async () => {
    const lesson = await mount();
    const [Q, K] = await Promise.all([get(lesson, "Q"), get(lesson, "K")]);
    const n = Q.rows;
    await setInput(lesson, "sharpness", 0);
    for (const row of toArray((await get<{ weights: Matrix }>(lesson, "result")).weights)) {
      for (const w of row) expect(w).toBeCloseTo(1 / n, 14);
    }
    let previous = 1 / n;
    for (const sharpness of [1, 4, 16]) {
      await setInput(lesson, "sharpness", sharpness);
      const expected = weightsByHand(Q, K, sharpness);
      const peak = Math.max(...expected.flat());
      expect(await get<number>(lesson, "peakWeight")).toBeCloseTo(peak, 12);
      expect(peak).toBeGreaterThan(previous); // the largest weight only grows with the sharpness
      previous = peak;
    }
    expect(previous).toBeGreaterThan(0.99); // at the top of the slider some query puts (nearly) all on one key
  });

  it("the two copies of “the” always get equal weights, so no query can narrow onto one of them", async () => {
    const lesson = await mount();
    expect(await get(lesson, "tokens")).toEqual(["the", "cat", "sat", "on", "the", "mat"]);
    const [Q, K] = await Promise.all([get(lesson, "Q"), get(lesson, "K")]);
    for (const sharpness of [1, 16]) {
      await setInput(lesson, "sharpness", sharpness);
      const weights = toArray((await get<{ weights: Matrix }>(lesson, "result")).weights);
      weights.forEach((row, i) => expect(row[0]).toBe(row[4]));
      // Query "on" (token 3) gives the two copies the most weight between them, split evenly.
      const on = weightsByHand(Q, K, sharpness)[3];
      expect(on[0]).toBeCloseTo(on[4], 14);
      expect(on[0] + on[4]).toBeGreaterThan(Math.max(on[1], on[2], on[3], on[5]));
    }
  });

  it("the prose's d_model is the embeddings' width", async () => {
    const lesson = await mount();
    const X = await get(lesson, "X");
    expect(await get<number>(lesson, "dModel")).toBe(X.cols);
    expect(X.cols).toBe(8);
  });
});
