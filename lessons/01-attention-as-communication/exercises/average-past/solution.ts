import { causalMask, map, matmul, type Matrix } from "kernel";

/** Row t is the mean of rows 0..t of X: each token averages itself and the tokens before it. */
export function averagePast(X: Matrix): Matrix {
  const W = map(causalMask(X.rows), (visible, i) => visible / (i + 1)); // (T, T): 1/(t+1) on keys 0..t
  return matmul(W, X); // (T, T) @ (T, C) -> (T, C)
}
