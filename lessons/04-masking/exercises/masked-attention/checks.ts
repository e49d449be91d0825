import { causalMask, hadamard, paddingMask, randn, type Matrix } from "kernel";
import { attentionMistakes, defineChecks, farApartQK } from "../../../../src/exercises/checks.ts";

const m = attentionMistakes({ returns: "output", mask: "argument" });

export default defineChecks({
  entry: "maskedAttention",
  // A causal mask, a padding mask with n_q ≠ n_k, and both at once; no row is fully hidden. The last case
  // puts the visible scores near −7e13 and the hidden ones near +7e13, where a finite fill (−20, −1e9)
  // or a penalty (x − 1e9) lets the hidden keys take the weight that only −Infinity denies them.
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
    {
      name: "causal and padding, 6 tokens of which 4 are real, d_k = 16, scores near -7e13 (seen) and +7e13 (hidden)",
      args: (r): Matrix[] => {
        const mask = hadamard(causalMask(6), paddingMask(6, 6, 4));
        return [...farApartQK(mask, r), randn(6, 3, r), mask];
      },
    },
  ],
  forbid: ["attention", "multiHeadAttention"],
  axes: { rows: "query", cols: "column" },
  mistakes: [
    m.maskedAfterSoftmax,
    m.maskedWithZero,
    m.maskedWithFinite,
    m.maskedWithPenalty,
    m.noMaxSubtraction,
    m.invertedMask,
    m.forgotScale,
    m.dividedByDk,
    m.softmaxWrongAxis,
    m.forgotValues,
  ],
});
