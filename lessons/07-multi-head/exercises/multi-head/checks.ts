import { randn, type Matrix } from "kernel";
import { defineChecks } from "../../../../src/exercises/checks.ts";
import { multiHeadMistakes as m } from "../../../../src/exercises/mistakes-lessons.ts";

type Args = [X: Matrix, Wq: Matrix[], Wk: Matrix[], Wv: Matrix[], Wo: Matrix];

/** Seeded inputs: n tokens, d_model columns, h heads of d_model / h. */
function layer(n: number, d: number, h: number): (r: () => number) => Args {
  return (r) => {
    const heads = (): Matrix[] => Array.from({ length: h }, () => randn(d, d / h, r));
    return [randn(n, d, r), heads(), heads(), heads(), randn(d, d, r)];
  };
}

export default defineChecks<Args>({
  entry: "multiHead",
  axes: { rows: "token", cols: "column" },
  forbid: ["multiHeadAttention"],
  // Every case has h ≥ 2 (so one head's matrices reused shows) and d_k < d_model (so √d_model shows).
  cases: [
    { name: "4 tokens, d_model = 6, 2 heads of 3", args: layer(4, 6, 2) },
    { name: "3 tokens, d_model = 8, 4 heads of 2", args: layer(3, 8, 4) },
    { name: "5 tokens, d_model = 6, 3 heads of 2", args: layer(5, 6, 3) },
  ],
  mistakes: [m.forgotOutputProjection, m.summedHeads, m.firstHeadEverywhere, m.scaledByModelSize],
});
