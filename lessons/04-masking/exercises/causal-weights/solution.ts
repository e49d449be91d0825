import { map, matmul, scale, softmax, transpose, type Matrix } from "kernel";

/** Decoder attention weights: softmax of the scaled scores, with every key after the query hidden. */
export function causalWeights(Q: Matrix, K: Matrix): Matrix {
  const scores = scale(matmul(Q, transpose(K)), 1 / Math.sqrt(Q.cols)); // (n, d_k) @ (d_k, n) -> (n, n)
  const masked = map(scores, (x, i, j) => (j <= i ? x : -Infinity)); // query i sees keys 0..i
  return softmax(masked); // (n, n), lower-triangular, rows sum to 1
}
