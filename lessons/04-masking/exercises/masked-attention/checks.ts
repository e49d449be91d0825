import { causalMask, hadamard, paddingMask, randn, type Matrix } from "kernel";
import { attentionMistakes, defineChecks } from "../../../../src/exercises/checks.ts";

const m = attentionMistakes({ returns: "output", mask: "argument" });

export default defineChecks({
  entry: "maskedAttention",
  // A causal mask, a padding mask with n_q ≠ n_k, and both at once; no row is fully hidden.
  cases: [
    {
      name: "causal mask, 4 tokens, d_k = 3, d_v = 2",
      args: (r) => [randn(4, 3, r), randn(4, 3, r), randn(4, 2, r), causalMask(4)],
    },
    {
      name: "padding mask, 3 queries, 5 keys of which 3 are real, d_k = 4",
      args: (r) => [randn(3, 4, r), randn(5, 4, r), randn(5, 3, r), paddingMask(3, 5, 3)],
    },
    {
      name: "causal and padding, 5 tokens of which 4 are real, d_k = 2",
      args: (r): Matrix[] => [randn(5, 2, r), randn(5, 2, r), randn(5, 4, r), hadamard(causalMask(5), paddingMask(5, 5, 4))],
    },
  ],
  mistakes: [
    m.maskedAfterSoftmax,
    m.maskedWithZero,
    m.invertedMask,
    m.forgotScale,
    m.dividedByDk,
    m.softmaxWrongAxis,
    m.forgotValues,
  ],
});
