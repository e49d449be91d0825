import { matmul, scale, transpose, type Matrix } from "kernel";

/** Every query against every key, divided by √d_k: entry (i, j) is q_i · k_j / √d_k. */
export function scaledScores(Q: Matrix, K: Matrix): Matrix {
  const scores = matmul(Q, transpose(K)); // (n_q, d_k) @ (d_k, n_k) -> (n_q, n_k), variance ≈ d_k
  return scale(scores, 1 / Math.sqrt(Q.cols)); // variance ≈ 1 again
}
