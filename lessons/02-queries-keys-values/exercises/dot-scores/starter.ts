import { matmul, transpose, zeros, type Matrix } from "kernel";

/** The score of every query against every key: entry (i, j) is q_i · k_j. */
export function dotScores(Q: Matrix, K: Matrix): Matrix {
  // Q is (n_q, d_k): one query per row. K is (n_k, d_k): one key per row.
  // Return an (n_q, n_k) matrix. You'll need matmul and transpose.
  return zeros(Q.rows, K.rows);
}
