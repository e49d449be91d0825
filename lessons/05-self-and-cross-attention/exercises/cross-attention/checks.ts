import { randn, type Matrix } from "kernel";
import { defineChecks } from "../../../../src/exercises/checks.ts";
import { crossAttentionMistakes as m } from "../../../../src/exercises/mistakes-lessons.ts";

type Args = [Xdec: Matrix, Xenc: Matrix, Wq: Matrix, Wk: Matrix, Wv: Matrix];

export default defineChecks<Args>({
  entry: "crossAttention",
  axes: { rows: "decoder token", cols: "column" },
  // n_q ≠ n_k in two cases (so sources mixed up change the shape or throw) and n_q = n_k in one (so they
  // give numbers to compare); d ≠ d_k throughout, so scaling by √d shows.
  cases: [
    { name: "3 decoder tokens, 5 encoder tokens, d = 6, d_k = 4, d_v = 2", args: (r) => [randn(3, 6, r), randn(5, 6, r), randn(6, 4, r), randn(6, 4, r), randn(6, 2, r)] },
    { name: "4 decoder tokens, 4 encoder tokens, d = 5, d_k = 3, d_v = 3", args: (r) => [randn(4, 5, r), randn(4, 5, r), randn(5, 3, r), randn(5, 3, r), randn(5, 3, r)] },
    { name: "2 decoder tokens, 6 encoder tokens, d = 8, d_k = 2, d_v = 4", args: (r) => [randn(2, 8, r), randn(6, 8, r), randn(8, 2, r), randn(8, 2, r), randn(8, 4, r)] },
  ],
  mistakes: [m.queriesFromEncoder, m.selfAttentionOnDecoder, m.valuesFromDecoder, m.keysFromDecoder, m.scaledByModelSize, m.forgotScale],
});
