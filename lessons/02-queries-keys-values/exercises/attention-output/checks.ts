import { randn } from "kernel";
import { attentionMistakes, defineChecks } from "../../../../src/exercises/checks.ts";

const m = attentionMistakes({ returns: "output" });

export default defineChecks({
  entry: "attentionOutput",
  forbid: ["attention", "multiHeadAttention"],
  axes: { rows: "query", cols: "column" },
  // d_k is never 1 (so every scale shows) and n_q ≠ n_k in two cases; the self-attention case (n_q = n_k)
  // is where K·Qᵀ gives numbers instead of a shape error.
  cases: [
    { name: "3 queries, 5 keys, d_k = 4, d_v = 2", args: (r) => [randn(3, 4, r), randn(5, 4, r), randn(5, 2, r)] },
    { name: "self-attention: 4 tokens, d_k = 3, d_v = 3", args: (r) => [randn(4, 3, r), randn(4, 3, r), randn(4, 3, r)] },
    { name: "2 queries, 3 keys, d_k = 8, d_v = 5", args: (r) => [randn(2, 8, r), randn(3, 8, r), randn(3, 5, r)] },
  ],
  mistakes: [m.kqt, m.forgotTranspose, m.forgotScale, m.dividedByDk, m.softmaxWrongAxis, m.forgotValues],
});
