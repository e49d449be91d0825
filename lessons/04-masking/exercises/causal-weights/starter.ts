import { map, matmul, scale, softmax, transpose, zeros, type Matrix } from "kernel";

/** Decoder attention weights: softmax of the scaled scores, with every key after the query hidden. */
export function causalWeights(Q: Matrix, K: Matrix): Matrix {
  // 1. scores: Q Kᵀ / √d_k                          (n, n)
  // 2. hide the future: where j > i, the score becomes -Infinity
  // 3. softmax of each row
  return zeros(Q.rows, K.rows);
}
