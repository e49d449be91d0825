import { afterEach, describe, expect, test } from "vitest";
import { causalMask, map, paddingMask, randn, rng, zeros, type Matrix } from "../../src/kernel/index.ts";
import { attention } from "../../src/kernel/attention.ts";
import { attentionFast } from "../../src/kernel/attention-fast.ts";
import { simd } from "../../src/kernel/wasm/matmul-simd.ts";
import { SHAPES, largestDifference, sameBits } from "./same.ts";

// The fast path against the plain one: scores bit for bit, weights and output within 1e-14, and no NaN.
function expectSame(Q: Matrix, K: Matrix, V: Matrix, opts: { mask?: Matrix; scale?: number } = {}): void {
  const fast = attentionFast(Q, K, V, opts), plain = attention(Q, K, V, opts);
  expect(sameBits(fast.scores, plain.scores)).toBe(true);
  expect(largestDifference(fast.weights, plain.weights)).toBeLessThan(1e-14);
  expect(largestDifference(fast.output, plain.output)).toBeLessThan(1e-14);
  expect(fast.weights.data.some(Number.isNaN) || fast.output.data.some(Number.isNaN)).toBe(false);
}

// A seeded mask of 0s and 1s, some rows fully masked.
function randomMask(rows: number, cols: number, seed: number): Matrix {
  const next = rng(seed);
  return map(zeros(rows, cols), (_, i) => (i % 5 === 3 ? 0 : Number(next() < 0.7)));
}

afterEach(() => {
  simd.enabled = true;
});

describe("attentionFast", () => {
  test.each([...SHAPES, [70, 32, 45] as const])("attentionFast(Q, K, V) equals attention(Q, K, V): nq %i, d %i, nk %i", (nq, d, nk) => {
    for (const enabled of [true, false]) {
      simd.enabled = enabled;
      checkShape(nq, d, nk);
    }
  });

  function checkShape(nq: number, d: number, nk: number): void {
    const Q = randn(nq, d, nq), K = randn(nk, d, nk + 50), V = randn(nk, (nq % 4) + 1, d + 90);
    expectSame(Q, K, V);
    expectSame(Q, K, V, { scale: 1 });
    expectSame(map(Q, (x) => 1e4 * x), K, V, { scale: 1 }); // scores of ±1e4 and more
    expectSame(Q, K, V, { mask: randomMask(nq, nk, nq * nk) });
    expectSame(Q, K, V, { mask: causalMask(nq, nk) });
    expectSame(Q, K, V, { mask: paddingMask(nq, nk, Math.ceil(nk / 2)), scale: 3 });
  }

  test("attentionFast(Q, K, V, { mask }) gives a fully masked row zero weights and zero output", () => {
    const mask = zeros(3, 4);
    mask.data.fill(1, 4); // row 0 hidden entirely
    const { weights, output } = attentionFast(randn(3, 2, 1), randn(4, 2, 2), randn(4, 5, 3), { mask });
    expect(Array.from(weights.data.subarray(0, 4))).toEqual([0, 0, 0, 0]);
    expect(Array.from(output.data.subarray(0, 5))).toEqual([0, 0, 0, 0, 0]);
  });

  test("attentionFast(Q, K, V, opts) rejects bad arguments with attention's messages", () => {
    expect(() => attentionFast(zeros(3, 4), zeros(5, 2), zeros(5, 1))).toThrow(
      "attention: K must have as many columns as Q: Q is 3x4, K is 5x2",
    );
    expect(() => attentionFast(zeros(3, 4), zeros(5, 4), zeros(5, 2), { mask: zeros(3, 4) })).toThrow(
      "attention: mask must be 3x5 (nq x nk), got 3x4",
    );
    expect(() => attentionFast(zeros(1, 1), zeros(1, 1), zeros(1, 1), { scale: NaN })).toThrow(
      "attention: scale must be a finite number, got NaN",
    );
  });
});
