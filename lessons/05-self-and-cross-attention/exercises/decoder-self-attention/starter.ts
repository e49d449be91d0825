import { causalMask, map, matmul, scale, softmax, transpose, zeros, type Matrix } from "kernel";

/** The decoder's self-attention: each token sees itself and the tokens before it, never after. */
export function maskedSelfAttention(X: Matrix, Wq: Matrix, Wk: Matrix, Wv: Matrix): Matrix {
  // 1. Q, K and V, all from X:  Q (n, d_k), K (n, d_k), V (n, d_v)
  // 2. scores Q Kᵀ / √d_k, with -Infinity where j > i   (n, n)
  // 3. softmax row by row, then times V                (n, d_v)
  return zeros(X.rows, Wv.cols);
}
