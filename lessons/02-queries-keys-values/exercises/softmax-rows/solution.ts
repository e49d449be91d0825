import { zeros, type Matrix } from "kernel";

/** Softmax of each row of X: every row of the result is positive and sums to 1. */
export function softmaxRows(X: Matrix): Matrix {
  const out = zeros(X.rows, X.cols); // (rows, cols), like X
  for (let i = 0; i < X.rows; i++) {
    const start = i * X.cols, end = start + X.cols;
    let max = -Infinity;
    for (let t = start; t < end; t++) max = Math.max(max, X.data[t]);
    let sum = 0;
    for (let t = start; t < end; t++) {
      out.data[t] = Math.exp(X.data[t] - max); // <= 1, so it can't overflow
      sum += out.data[t];
    }
    for (let t = start; t < end; t++) out.data[t] /= sum;
  }
  return out;
}
