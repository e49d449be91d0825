import { causalMask, map, matmul, zeros, type Matrix } from "kernel";

/** Row t is the mean of rows 0..t of X: each token averages itself and the tokens before it. */
export function averagePast(X: Matrix): Matrix {
  const [T, C] = [X.rows, X.cols];
  const out = zeros(T, C); // same shape as X; entry (t, c) of X is X.data[t * C + c]
  for (let t = 0; t < T; t++) {
    // average rows 0..t of X into row t of out
  }
  return out;
}
