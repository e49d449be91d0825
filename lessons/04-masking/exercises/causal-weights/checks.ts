import { matmul, randn, scale, softmax, transpose, type Matrix } from "kernel";
import { attentionMistakes, defineChecks, properties } from "../../../../src/exercises/checks.ts";

const m = attentionMistakes({ returns: "weights", mask: "causal" });

export default defineChecks({
  entry: "causalWeights",
  // Self-attention (n_q = n_k) of a few sizes; d_k is never 1 so that a missing scale shows.
  cases: [
    { name: "4 tokens, d_k = 3", args: (r) => [randn(4, 3, r), randn(4, 3, r)] },
    { name: "5 tokens, d_k = 2", args: (r) => [randn(5, 2, r), randn(5, 2, r)] },
    { name: "3 tokens, d_k = 8", args: (r) => [randn(3, 8, r), randn(3, 8, r)] },
  ],
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
    m.forgotScale,
    m.dividedByDk,
    m.softmaxWrongAxis,
  ],
  properties: [properties.rowsSumToOne],
});
