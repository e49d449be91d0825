import { describe, expect, test } from "vitest";
import { additiveAttention, matrix, randn, rowSums, toArray, zeros } from "../../src/kernel/index.ts";
import { expectClose } from "./expect-close.ts";

describe("additiveAttention", () => {
  test("additiveAttention(S, H, p) matches a hand computation with one hidden unit", () => {
    // ds = dh = da = 1, W = U = v = [[1]], s = 1, h = [1, -1]
    // scores: tanh(1 + 1) = tanh 2 and tanh(1 - 1) = 0
    // weights: [e^t, 1] / (e^t + 1) with t = tanh 2
    // output: (e^t · 1 + 1 · (-1)) / (e^t + 1) = tanh(t / 2)
    const t = Math.tanh(2);
    const one = matrix([[1]]);
    const { scores, weights, output } = additiveAttention(one, matrix([[1], [-1]]), { W: one, U: one, v: one });
    expectClose(scores, [[t, 0]]);
    expectClose(weights, [[Math.exp(t) / (Math.exp(t) + 1), 1 / (Math.exp(t) + 1)]]);
    expectClose(output, [[Math.tanh(t / 2)]]);
  });

  test("additiveAttention(S, H, p) scores[i][j] is tanh(S_i W + H_j U) · v", () => {
    const S = randn(2, 3, 1), H = randn(4, 5, 2);
    const p = { W: randn(3, 6, 3), U: randn(5, 6, 4), v: randn(6, 1, 5) };
    const [s, h, W, U, v] = [S, H, p.W, p.U, p.v].map(toArray);
    // the formula spelled out with plain arrays
    const expected = s.map((si) =>
      h.map((hj) => {
        let e = 0;
        for (let a = 0; a < 6; a++) {
          let hidden = 0;
          for (let k = 0; k < 3; k++) hidden += si[k] * W[k][a];
          for (let k = 0; k < 5; k++) hidden += hj[k] * U[k][a];
          e += Math.tanh(hidden) * v[a][0];
        }
        return e;
      }),
    );
    const result = additiveAttention(S, H, p);
    expectClose(result.scores, expected);
    for (const [sum] of toArray(rowSums(result.weights))) expect(sum).toBeCloseTo(1, 14);
  });

  test("additiveAttention(S, H, p) with v = 0 averages the encoder states", () => {
    // every score is 0, so each weight is 1/3: output = ([1, 0] + [2, 3] + [3, -3]) / 3 = [2, 0]
    const H = matrix([[1, 0], [2, 3], [3, -3]]);
    const { output } = additiveAttention(randn(2, 2, 1), H, { W: randn(2, 4, 2), U: randn(2, 4, 3), v: zeros(4, 1) });
    expectClose(output, [[2, 0], [2, 0]]);
  });

  test("additiveAttention(S, H, p, { mask }) hides encoder states and zeroes fully masked rows", () => {
    const p = { W: randn(2, 3, 1), U: randn(2, 3, 2), v: randn(3, 1, 3) };
    const mask = matrix([[1, 0], [0, 0]]);
    const { scores, weights, output } = additiveAttention(randn(2, 2, 4), matrix([[5, 6], [7, 8]]), p, { mask });
    expect(toArray(scores)[0][1]).toBe(-Infinity);
    expect(toArray(weights)).toEqual([[1, 0], [0, 0]]);
    expect(toArray(output)).toEqual([[5, 6], [0, 0]]);
  });

  test("additiveAttention(S, H, p) names the parameter and both shapes when they don't fit", () => {
    const S = zeros(2, 3), H = zeros(4, 5);
    const ok = { W: zeros(3, 6), U: zeros(5, 6), v: zeros(6, 1) };
    expect(() => additiveAttention(S, H, ok)).not.toThrow();
    expect(() => additiveAttention(S, H, { ...ok, W: zeros(4, 6) })).toThrow(
      "additiveAttention: W must have one row per column of S: S is 2x3, W is 4x6",
    );
    expect(() => additiveAttention(S, H, { ...ok, U: zeros(3, 6) })).toThrow(
      "additiveAttention: U must have one row per column of H: H is 4x5, U is 3x6",
    );
    expect(() => additiveAttention(S, H, { ...ok, U: zeros(5, 2) })).toThrow(
      "additiveAttention: U must have as many columns as W: W is 3x6, U is 5x2",
    );
    expect(() => additiveAttention(S, H, { ...ok, v: zeros(1, 6) })).toThrow(
      "additiveAttention: v must be 6x1 (da x 1), got 1x6",
    );
    expect(() => additiveAttention(S, H, ok, { mask: zeros(4, 2) })).toThrow(
      "additiveAttention: mask must be 2x4 (m x T), got 4x2",
    );
    expect(() => additiveAttention(S, H, ok, { scale: 2 } as never)).toThrow(
      'additiveAttention: unknown option "scale", expected one of mask',
    );
  });
});
