import { zeros, type Matrix } from "kernel";

/** Softmax of each row of X: every row of the result is positive and sums to 1. */
export function softmaxRows(X: Matrix): Matrix {
  const out = zeros(X.rows, X.cols); // same shape as X
  for (let i = 0; i < X.rows; i++) {
    // 1. find the largest value in row i
    // 2. write exp(x - max) for each entry of the row into out, adding them up
    // 3. divide each entry of the row by that sum
  }
  return out;
}
