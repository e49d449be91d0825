import { map, matmul, scale, softmax, transpose, type Matrix } from "kernel";

/** The decoder's self-attention: each token sees itself and the tokens before it, never after. */
export function maskedSelfAttention(X: Matrix, Wq: Matrix, Wk: Matrix, Wv: Matrix): Matrix {
  const Q = matmul(X, Wq); // (n, d) @ (d, d_k) -> (n, d_k)
  const K = matmul(X, Wk); // (n, d) @ (d, d_k) -> (n, d_k)
  const V = matmul(X, Wv); // (n, d) @ (d, d_v) -> (n, d_v)
  const scores = scale(matmul(Q, transpose(K)), 1 / Math.sqrt(Q.cols)); // (n, n)
  const masked = map(scores, (x, i, j) => (j <= i ? x : -Infinity)); // key j is hidden from query i when j > i
  return matmul(softmax(masked), V); // (n, n) @ (n, d_v) -> (n, d_v)
}
