import { describe, expect, test } from "vitest";
import {
  ShapeError,
  attention,
  causalMask,
  map,
  matmul,
  matrix,
  paddingMask,
  randn,
  rowSums,
  toArray,
  transpose,
  zeros,
} from "../../src/kernel/index.ts";
import { expectClose } from "./expect-close.ts";

// Rows of m in the given order: permute(m, [2, 0, 1]) puts row 2 first.
function permuteRows(m: ReturnType<typeof matrix>, order: number[]): ReturnType<typeof matrix> {
  return matrix(order.map((i) => toArray(m)[i]));
}

describe("attention", () => {
  test("attention(Q, K, V) scales by 1/√d and averages the values by the weights", () => {
    // d = 4, so the default scale is 1/2. q · k0 = 2 ln 3, q · k1 = 0 -> scores [ln 3, 0]
    // weights: e^ln3 = 3 and e^0 = 1, so [3/4, 1/4]; output 3/4 [4, 0] + 1/4 [0, 8] = [3, 2]
    const Q = matrix([[2 * Math.log(3), 0, 0, 0]]);
    const K = matrix([[1, 0, 0, 0], [0, 1, 0, 0]]);
    const V = matrix([[4, 0], [0, 8]]);
    const { scores, weights, output } = attention(Q, K, V);
    expectClose(scores, [[Math.log(3), 0]]);
    expectClose(weights, [[0.75, 0.25]]);
    expectClose(output, [[3, 2]]);
  });

  test("attention(Q, K, V, { scale }) uses the given scale", () => {
    // scale 1: scores [ln 3, 0] from q = [ln 3, 0]; weights [3/4, 1/4]; output 3/4 · 1 + 1/4 · 2 = 5/4
    const { scores, output } = attention(matrix([[Math.log(3), 0]]), matrix([[1, 0], [0, 1]]), matrix([[1], [2]]), {
      scale: 1,
    });
    expectClose(scores, [[Math.log(3), 0]]);
    expectClose(output, [[1.25]]);
  });

  test("attention(Q, K, V, { scale }) scores are scale · Q Kᵀ, and the default scale is 1/√d", () => {
    const Q = randn(3, 5, 1), K = randn(4, 5, 2), V = randn(4, 2, 3);
    const dots = matmul(Q, transpose(K));
    expectClose(attention(Q, K, V, { scale: 0.3 }).scores, toArray(map(dots, (x) => 0.3 * x)));
    expectClose(attention(Q, K, V).scores, toArray(map(dots, (x) => x / Math.sqrt(5))));
    expectClose(attention(Q, K, V).output, toArray(attention(Q, K, V, { scale: 1 / Math.sqrt(5) }).output));
  });

  test("attention(Q, K, V, { scale: 0 }) weighs every key equally", () => {
    // all scores 0 -> weights 1/2 each -> output is the mean of V's rows: ([1, 2] + [3, 6]) / 2 = [2, 4]
    const { output } = attention(randn(2, 3, 1), randn(2, 3, 2), matrix([[1, 2], [3, 6]]), { scale: 0 });
    expectClose(output, [[2, 4], [2, 4]]);
  });

  test("attention(Q, K, V) rows of weights sum to 1", () => {
    const { weights } = attention(randn(6, 4, 1), randn(9, 4, 2), randn(9, 3, 3));
    for (const [s] of toArray(rowSums(weights))) expect(s).toBeCloseTo(1, 14);
  });

  test("attention(Q, K, V) output is unchanged when keys and values are permuted together", () => {
    const Q = randn(3, 4, 1), K = randn(5, 4, 2), V = randn(5, 2, 3);
    const order = [3, 0, 4, 1, 2];
    expectClose(attention(Q, permuteRows(K, order), permuteRows(V, order)).output, toArray(attention(Q, K, V).output));
  });

  test("attention(Q, K, V, { mask: causalMask(n) }) puts -Infinity on future keys", () => {
    // Q = 0 makes every visible score 0: row 0 sees only v0 = 1; row 1 averages v0, v1 -> (1 + 3) / 2 = 2
    const { scores, weights, output } = attention(zeros(2, 2), randn(2, 2, 1), matrix([[1], [3]]), {
      mask: causalMask(2),
    });
    expect(toArray(scores)).toEqual([[0, -Infinity], [0, 0]]);
    expectClose(weights, [[1, 0], [0.5, 0.5]]);
    expectClose(output, [[1], [2]]);
  });

  test("attention(Q, K, V, { mask: causalMask(n) }) row i doesn't change when future rows of K and V change", () => {
    const Q = randn(4, 3, 1), K = randn(4, 3, 2), V = randn(4, 2, 3);
    const before = toArray(attention(Q, K, V, { mask: causalMask(4) }).output);
    // rewrite keys and values 2 and 3: rows 0 and 1 must not notice
    const K2 = matrix([...toArray(K).slice(0, 2), [9, -9, 9], [5, 5, 5]]);
    const V2 = matrix([...toArray(V).slice(0, 2), [100, 100], [-100, 7]]);
    const after = toArray(attention(Q, K2, V2, { mask: causalMask(4) }).output);
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(after[3]).not.toEqual(before[3]);
  });

  test("attention(Q, K, V, { mask: paddingMask(...) }) gives padding keys zero weight", () => {
    const { weights, output } = attention(randn(2, 3, 1), randn(3, 3, 2), matrix([[1], [2], [1000]]), {
      mask: paddingMask(2, 3, 2),
    });
    expect(toArray(weights).map((r) => r[2])).toEqual([0, 0]);
    // only v0 = 1 and v1 = 2 are visible, so every output lies between them, far from v2 = 1000
    for (const [y] of toArray(output)) {
      expect(y).toBeGreaterThanOrEqual(1);
      expect(y).toBeLessThanOrEqual(2);
    }
  });

  test("attention(Q, K, V, { mask }) gives a fully masked row zero weights and zero output", () => {
    const mask = matrix([[0, 0, 0], [1, 1, 0]]);
    const { scores, weights, output } = attention(randn(2, 2, 1), randn(3, 2, 2), randn(3, 4, 3), { mask });
    expect(toArray(scores)[0]).toEqual([-Infinity, -Infinity, -Infinity]);
    expect(toArray(weights)[0]).toEqual([0, 0, 0]);
    expect(toArray(output)[0]).toEqual([0, 0, 0, 0]);
    expect(toArray(output)[1].every(Number.isFinite)).toBe(true);
  });

  test("attention(Q, K, V) survives scores of ±1e4 without NaN", () => {
    // scale 1, q = 1e4: scores [1e4, -1e4] -> weights [1, 0] -> output v0
    const { weights, output } = attention(matrix([[1e4]]), matrix([[1], [-1]]), matrix([[7], [9]]), { scale: 1 });
    expectClose(weights, [[1, 0]]);
    expectClose(output, [[7]]);
    const big = attention(map(randn(4, 8, 1), (x) => 1e4 * x), randn(5, 8, 2), randn(5, 3, 3));
    expect(big.weights.data.some(Number.isNaN) || big.output.data.some(Number.isNaN)).toBe(false);
  });

  test("attention(Q, K, V) works on 1x1 inputs", () => {
    // d = 1, scale 1: score 2 · 3 = 6; one key, so weight 1 and output v = 5
    const { scores, weights, output } = attention(matrix([[2]]), matrix([[3]]), matrix([[5]]));
    expect(toArray(scores)).toEqual([[6]]);
    expect(toArray(weights)).toEqual([[1]]);
    expect(toArray(output)).toEqual([[5]]);
  });

  test("attention(Q, K, V) names the op and both shapes when they don't fit", () => {
    expect(() => attention(zeros(3, 4), zeros(5, 2), zeros(5, 1))).toThrow(
      "attention: K must have as many columns as Q: Q is 3x4, K is 5x2",
    );
    expect(() => attention(zeros(3, 4), zeros(5, 4), zeros(4, 2))).toThrow(
      "attention: V must have one row per key (as many rows as K): K is 5x4, V is 4x2",
    );
    expect(() => attention(zeros(3, 4), zeros(5, 4), zeros(5, 2))).not.toThrow();
    expect(() => attention(zeros(3, 4), zeros(5, 2), zeros(5, 1))).toThrow(ShapeError);
  });

  test("attention(Q, K, V, { mask }) names the expected mask shape", () => {
    expect(() => attention(zeros(3, 4), zeros(5, 4), zeros(5, 2), { mask: zeros(3, 4) })).toThrow(
      "attention: mask must be 3x5 (nq x nk), got 3x4",
    );
  });

  test("attention(Q, K, V, { mask }) rejects a mask of 0 and -Infinity", () => {
    expect(() => attention(zeros(1, 2), zeros(2, 2), zeros(2, 2), { mask: matrix([[0, -Infinity]]) })).toThrow(
      "attention: mask must hold only 0 (hidden) and 1 (visible), got -Infinity at row 0, column 1",
    );
  });

  test("attention(Q, K, V, opts) rejects bad arguments by name", () => {
    expect(() => attention([[1]] as unknown as never, zeros(1, 1), zeros(1, 1))).toThrow(
      "attention: Q must be a matrix, got an array (wrap nested arrays with matrix(...))",
    );
    expect(() => attention(zeros(1, 1), zeros(1, 1), zeros(1, 1), { scale: NaN })).toThrow(
      "attention: scale must be a finite number, got NaN",
    );
  });

  test("attention(Q, K, V, opts) rejects a mask passed in place of the options, and unknown options", () => {
    const mask = causalMask(2);
    expect(() => attention(zeros(2, 2), zeros(2, 2), zeros(2, 2), mask as never)).toThrow(
      "attention: opts must be an object like { mask, scale }, got a matrix (pass a mask as { mask })",
    );
    expect(() => attention(zeros(2, 2), zeros(2, 2), zeros(2, 2), { causal: true } as never)).toThrow(
      'attention: unknown option "causal", expected one of mask, scale',
    );
    expect(() => attention(zeros(2, 2), zeros(2, 2), zeros(2, 2), { mask: undefined })).not.toThrow();
  });
});
