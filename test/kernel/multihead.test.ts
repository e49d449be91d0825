import { describe, expect, test } from "vitest";
import {
  attention,
  causalMask,
  concatCols,
  eye,
  matmul,
  matrix,
  multiHeadAttention,
  randn,
  toArray,
  zeros,
} from "../../src/kernel/index.ts";
import { expectClose } from "./expect-close.ts";

// Two heads over 4-dimensional inputs, each projecting to dk = dv = 2, mixed to dout = 3.
function params(seed: number) {
  return {
    Wq: [randn(4, 2, seed), randn(4, 2, seed + 1)],
    Wk: [randn(4, 2, seed + 2), randn(4, 2, seed + 3)],
    Wv: [randn(4, 2, seed + 4), randn(4, 2, seed + 5)],
    Wo: randn(4, 3, seed + 6),
  };
}

describe("multiHeadAttention", () => {
  test("multiHeadAttention(Xq, Xkv, p) output equals concat(heads) · Wo computed separately", () => {
    const Xq = randn(3, 4, 1), Xkv = randn(5, 4, 2), p = params(10);
    const heads = [0, 1].map((h) => attention(matmul(Xq, p.Wq[h]), matmul(Xkv, p.Wk[h]), matmul(Xkv, p.Wv[h])));
    const expected = matmul(concatCols(heads.map((head) => head.output)), p.Wo);
    const result = multiHeadAttention(Xq, Xkv, p);
    expect(result.heads).toHaveLength(2);
    result.heads.forEach((head, h) => expectClose(head.weights, toArray(heads[h].weights)));
    expectClose(result.output, toArray(expected));
  });

  test("multiHeadAttention(X, X, p) with one identity head is attention(X, X, X)", () => {
    const X = randn(4, 3, 1), I = eye(3);
    const { output } = multiHeadAttention(X, X, { Wq: [I], Wk: [I], Wv: [I], Wo: I });
    expectClose(output, toArray(attention(X, X, X).output));
  });

  test("multiHeadAttention(Xq, Xkv, p) with two one-column heads matches a hand computation", () => {
    // Head 0 reads column 0 and head 1 column 1 (dk = dv = 1, scale 1). Xq = [[ln 3, 0]] and
    // Xkv = [[1, 0], [0, 0]]: head 0 scores [ln 3, 0] -> weights [3/4, 1/4] -> output 3/4 · 1 + 1/4 · 0 = 3/4;
    // head 1 scores [0, 0] -> weights [1/2, 1/2] -> output 0. Wo = eye(2): output [3/4, 0].
    const c0 = matrix([[1], [0]]), c1 = matrix([[0], [1]]);
    const { heads, output } = multiHeadAttention(matrix([[Math.log(3), 0]]), matrix([[1, 0], [0, 0]]), {
      Wq: [c0, c1], Wk: [c0, c1], Wv: [c0, c1], Wo: eye(2),
    });
    expectClose(heads[0].weights, [[0.75, 0.25]]);
    expectClose(heads[1].weights, [[0.5, 0.5]]);
    expectClose(output, [[0.75, 0]]);
  });

  test("multiHeadAttention(X, X, p, { mask }) applies the mask in every head", () => {
    const X = randn(3, 4, 1);
    const { heads } = multiHeadAttention(X, X, params(20), { mask: causalMask(3) });
    for (const head of heads) expect(toArray(head.weights)[0].slice(1)).toEqual([0, 0]);
  });

  test("multiHeadAttention(Xq, Xkv, p) names the parameter and both shapes when they don't fit", () => {
    const Xq = zeros(3, 4), Xkv = zeros(5, 4), p = params(1);
    expect(() => multiHeadAttention(Xq, Xkv, { ...p, Wv: [p.Wv[0]] })).toThrow(
      "multiHeadAttention: Wq, Wk and Wv must hold one matrix per head (at least one): got 2, 2 and 1",
    );
    expect(() => multiHeadAttention(Xq, Xkv, { ...p, Wq: [p.Wq[0], zeros(5, 2)] })).toThrow(
      "multiHeadAttention: Wq[1] must have one row per column of Xq: Xq is 3x4, Wq[1] is 5x2",
    );
    expect(() => multiHeadAttention(Xq, zeros(5, 3), p)).toThrow(
      "multiHeadAttention: Wk[0] must have one row per column of Xkv: Xkv is 5x3, Wk[0] is 4x2",
    );
    expect(() => multiHeadAttention(Xq, Xkv, { ...p, Wk: [p.Wk[0], zeros(4, 3)] })).toThrow(
      "multiHeadAttention: Wk[1] must have as many columns as Wq[1]: Wq[1] is 4x2, Wk[1] is 4x3",
    );
    expect(() => multiHeadAttention(Xq, Xkv, { ...p, Wo: zeros(5, 3) })).toThrow(
      "multiHeadAttention: Wo must have one row per column of the concatenated heads: concat(heads) is 3x4, Wo is 5x3",
    );
    expect(() => multiHeadAttention(Xq, Xkv, p, { mask: zeros(3, 4) })).toThrow(
      "multiHeadAttention: mask must be 3x5 (nq x nk), got 3x4",
    );
    expect(() => multiHeadAttention(Xq, Xkv, p, causalMask(3) as never)).toThrow(
      "multiHeadAttention: opts must be an object like { mask }, got a matrix (pass a mask as { mask })",
    );
  });
});
