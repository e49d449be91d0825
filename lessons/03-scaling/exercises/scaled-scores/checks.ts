import { matmul, randn, scale, transpose, type Matrix } from "kernel";
import { attentionMistakes, defineChecks } from "../../../../src/exercises/checks.ts";

const m = attentionMistakes({ returns: "scores", scaled: true });
const dots = (Q: Matrix, K: Matrix): Matrix => matmul(Q, transpose(K)); // (n_q, d_k) @ (d_k, n_k) -> (n_q, n_k)

export default defineChecks({
  entry: "scaledScores",
  forbid: ["attention", "multiHeadAttention"],
  axes: { rows: "query", cols: "key" },
  // d_k is never 1 and never equal to n_k, so dividing by d_k, by √n_k or multiplying by √d_k all show;
  // n_q ≠ n_k, so K·Qᵀ has the wrong shape and Q·K (no transpose) throws as the learner's would.
  cases: [
    { name: "3 queries, 5 keys, d_k = 4", args: (r) => [randn(3, 4, r), randn(5, 4, r)] },
    { name: "4 queries, 2 keys, d_k = 9", args: (r) => [randn(4, 9, r), randn(2, 9, r)] },
    { name: "2 queries, 6 keys, d_k = 16", args: (r) => [randn(2, 16, r), randn(6, 16, r)] },
  ],
  mistakes: [
    m.kqt,
    m.forgotTranspose,
    m.forgotScale,
    m.dividedByDk,
    {
      id: "multiplied-by-sqrt-dk",
      message: "It looks like you multiplied the scores by √d_k instead of dividing by it, which makes their spread " +
        "even larger. Use scale(scores, 1 / Math.sqrt(Q.cols)) to bring it back to about 1.",
      fn: (Q, K) => scale(dots(Q, K), Math.sqrt(Q.cols)),
    },
    {
      id: "scaled-by-key-count",
      message: "It looks like you divided by the square root of the number of keys (K.rows). The spread of a dot " +
        "product grows with the length of the vectors, d_k = Q.cols, not with how many keys there are.",
      fn: (Q, K) => scale(dots(Q, K), 1 / Math.sqrt(K.rows)),
    },
  ],
});
