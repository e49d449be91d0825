import { matmul, scale, softmax, transpose, type Matrix } from "kernel";

/** Scaled dot-product attention: softmax(Q Kᵀ / √d_k) V, one output row per query. */
export function attentionOutput(Q: Matrix, K: Matrix, V: Matrix): Matrix {
  const scores = scale(matmul(Q, transpose(K)), 1 / Math.sqrt(Q.cols)); // (n_q, d_k) @ (d_k, n_k) -> (n_q, n_k)
  const weights = softmax(scores); // (n_q, n_k), each row sums to 1
  return matmul(weights, V); // (n_q, n_k) @ (n_k, d_v) -> (n_q, d_v)
}
