import { randn } from "kernel";
import { attentionMistakes, defineChecks } from "../../../../src/exercises/checks.ts";

const m = attentionMistakes({ returns: "scores", scaled: false });

export default defineChecks({
  entry: "dotScores",
  forbid: ["attention", "multiHeadAttention"],
  axes: { rows: "query", cols: "key" },
  // n_q ≠ n_k and d_k ≠ n_k, so K·Qᵀ and a missing transpose both show.
  cases: [
    { name: "3 queries, 5 keys, d_k = 4", args: (r) => [randn(3, 4, r), randn(5, 4, r)] },
    { name: "2 queries, 6 keys, d_k = 3", args: (r) => [randn(2, 3, r), randn(6, 3, r)] },
    { name: "4 queries, 4 keys, d_k = 2", args: (r) => [randn(4, 2, r), randn(4, 2, r)] },
  ],
  mistakes: [m.kqt, m.forgotTranspose, m.scaledScores, m.appliedSoftmax],
});
