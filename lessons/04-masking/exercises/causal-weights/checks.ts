import { causalMask, matmul, randn, scale, softmax, transpose, type Matrix } from "kernel";
import { attentionMistakes, defineChecks, farApartQK, properties } from "../../../../src/exercises/checks.ts";

const m = attentionMistakes({ returns: "weights", mask: "causal" });

export default defineChecks({
  entry: "causalWeights",
  // Self-attention (n_q = n_k) of a few sizes; d_k is never 1 so that a missing scale shows. On scores
  // this small any fill below −14 looks like −Infinity, so the last case puts the visible scores near
  // −7e13 and the hidden ones near +7e13: there, −20, −1e9 or x − 1e9 let the hidden keys win.
  cases: [
    { name: "4 tokens, d_k = 3", args: (r) => [randn(4, 3, r), randn(4, 3, r)] },
    { name: "5 tokens, d_k = 2", args: (r) => [randn(5, 2, r), randn(5, 2, r)] },
    { name: "3 tokens, d_k = 8", args: (r) => [randn(3, 8, r), randn(3, 8, r)] },
    { name: "5 tokens, d_k = 16, scores near -7e13 (seen) and +7e13 (hidden)", args: (r) => farApartQK(causalMask(5), r) },
  ],
  forbid: ["attention", "multiHeadAttention"],
  axes: { rows: "query", cols: "key" },
  mistakes: [
    {
      id: "forgot-causal-mask",
      message: "Your weights let every token see the tokens after it: that is an encoder block. Hide each key " +
        "j > i by setting its score to -Infinity before the softmax.",
      fn: (Q: Matrix, K: Matrix) => softmax(scale(matmul(Q, transpose(K)), 1 / Math.sqrt(Q.cols))),
    },
    m.causalOffByOne,
    m.invertedMask,
    m.maskedAfterSoftmax,
    m.maskedWithZero,
    m.maskedWithFinite,
    m.maskedWithPenalty,
    m.noMaxSubtraction,
    m.forgotScale,
    m.dividedByDk,
    m.softmaxWrongAxis,
  ],
  properties: [properties.rowsSumToOne, properties.futureWeightsZero],
});
