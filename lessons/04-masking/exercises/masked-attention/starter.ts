import { map, matmul, scale, softmax, transpose, zeros, type Matrix } from "kernel";

/** Scaled dot-product attention where a 0 in the mask at (i, j) hides key j from query i. */
export function maskedAttention(Q: Matrix, K: Matrix, V: Matrix, mask: Matrix): Matrix {
  // 1. scores: Q Kᵀ / √d_k                               (n_q, n_k)
  // 2. where the mask is 0, the score becomes -Infinity
  // 3. weights: softmax of each row; output: weights · V  (n_q, d_v)
  return zeros(Q.rows, V.cols);
}
