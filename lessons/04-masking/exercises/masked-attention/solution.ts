import { map, matmul, scale, softmax, transpose, type Matrix } from "kernel";

/** Scaled dot-product attention where a 0 in the mask at (i, j) hides key j from query i. */
export function maskedAttention(Q: Matrix, K: Matrix, V: Matrix, mask: Matrix): Matrix {
  const scores = scale(matmul(Q, transpose(K)), 1 / Math.sqrt(Q.cols)); // (n_q, d_k) @ (d_k, n_k) -> (n_q, n_k)
  // Hidden before the softmax, as -Infinity: e^-∞ = 0, and the visible weights still sum to 1.
  const masked = map(scores, (x, i, j) => (mask.data[i * mask.cols + j] === 1 ? x : -Infinity));
  return matmul(softmax(masked), V); // (n_q, n_k) @ (n_k, d_v) -> (n_q, d_v)
}
