import { matmul, transpose, type Matrix } from "kernel";

/** The score of every query against every key: entry (i, j) is q_i · k_j. */
export function dotScores(Q: Matrix, K: Matrix): Matrix {
  return matmul(Q, transpose(K)); // (n_q, d_k) @ (d_k, n_k) -> (n_q, n_k)
}
