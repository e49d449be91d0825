import { causalMask, randn, type Matrix } from "kernel";
import { defineChecks, farApartProjections } from "../../../../src/exercises/checks.ts";
import { decoderSelfAttentionMistakes, projectedAttentionMistakes } from "../../../../src/exercises/mistakes-lessons.ts";

const m = { ...projectedAttentionMistakes({ returns: "output", mask: "causal" }), ...decoderSelfAttentionMistakes };

export default defineChecks<[X: Matrix, Wq: Matrix, Wk: Matrix, Wv: Matrix]>({
  entry: "maskedSelfAttention",
  // d ≠ d_v, so values left unprojected change the shape; d_k is never 1, so every scale shows. The last
  // case's scores are near −7e13 where a key is seen and +7e13 where it is hidden: only −Infinity hides it.
  cases: [
    { name: "4 tokens, d = 6, d_k = 3, d_v = 2", args: (r) => [randn(4, 6, r), randn(6, 3, r), randn(6, 3, r), randn(6, 2, r)] },
    { name: "5 tokens, d = 4, d_k = 2, d_v = 3", args: (r) => [randn(5, 4, r), randn(4, 2, r), randn(4, 2, r), randn(4, 3, r)] },
    { name: "3 tokens, d = 8, d_k = 4, d_v = 4", args: (r) => [randn(3, 8, r), randn(8, 4, r), randn(8, 4, r), randn(8, 4, r)] },
    {
      name: "4 tokens, d = 6, d_k = 16, d_v = 3, scores near -7e13 (seen) and +7e13 (hidden)",
      args: (r) => [...farApartProjections(causalMask(4), r), randn(6, 3, r)],
    },
  ],
  axes: { rows: "token", cols: "column" },
  mistakes: [m.forgotCausalMask, m.causalOffByOne, m.maskedAfterSoftmax, m.maskedWithZero, m.maskedWithFinite, m.maskedWithPenalty, m.noMaxSubtraction, m.valuesNotProjected, m.forgotScale],
});
