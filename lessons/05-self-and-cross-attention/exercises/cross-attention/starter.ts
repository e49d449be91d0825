import { matmul, scale, softmax, transpose, zeros, type Matrix } from "kernel";

/** Cross-attention: the decoder's tokens (rows of Xdec) attend to the encoder's (rows of Xenc). */
export function crossAttention(Xdec: Matrix, Xenc: Matrix, Wq: Matrix, Wk: Matrix, Wv: Matrix): Matrix {
  // 1. Q, K and V: which sequence does each come from?
  //    Q (n_q, d_k), K (n_k, d_k), V (n_k, d_v)
  // 2. weights: softmax of Q Kᵀ / √d_k, row by row   (n_q, n_k)
  // 3. output: weights times V                      (n_q, d_v)
  return zeros(Xdec.rows, Wv.cols);
}
