import { matmul, scale, softmax, transpose, type Matrix } from "kernel";

/** Cross-attention: the decoder's tokens (rows of Xdec) attend to the encoder's (rows of Xenc). */
export function crossAttention(Xdec: Matrix, Xenc: Matrix, Wq: Matrix, Wk: Matrix, Wv: Matrix): Matrix {
  const Q = matmul(Xdec, Wq); // (n_q, d) @ (d, d_k) -> (n_q, d_k): the decoder asks
  const K = matmul(Xenc, Wk); // (n_k, d) @ (d, d_k) -> (n_k, d_k): the encoder answers
  const V = matmul(Xenc, Wv); // (n_k, d) @ (d, d_v) -> (n_k, d_v)
  const weights = softmax(scale(matmul(Q, transpose(K)), 1 / Math.sqrt(Q.cols))); // (n_q, n_k)
  return matmul(weights, V); // (n_q, n_k) @ (n_k, d_v) -> (n_q, d_v)
}
