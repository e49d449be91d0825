// The matrix product, the workhorse of attention: every score and every output is one.

import { ShapeError } from "./errors.ts";
import { type Matrix, checkMatrix, shape, zeros } from "./matrix.ts";

/**
 * The matrix product a·b: `out[i][j]` is the dot product of row i of a with column j of b.
 * @example matmul(matrix([[1, 2]]), matrix([[3], [4]])) // [[11]]
 */
export function matmul(a: Matrix, b: Matrix): Matrix {
  checkMatrix("matmul", "a", a);
  checkMatrix("matmul", "b", b);
  if (a.cols !== b.rows) {
    throw new ShapeError(`matmul: inner dimensions differ: a is ${shape(a)}, b is ${shape(b)}`);
  }
  const n = a.rows, k = a.cols, m = b.cols;
  const out = zeros(n, m); // (n, k) @ (k, m) -> (n, m)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += a.data[i * k + p] * b.data[p * m + j];
      out.data[i * m + j] = sum;
    }
  }
  return out;
}
