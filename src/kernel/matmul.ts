// The matrix product, the workhorse of attention: every score and every output is one.
// This is the plain version, the one to read. The course runs matmulFast (matmul-fast.ts), which adds
// up exactly the same products in the same order, so its results are equal to these bit for bit.

import { ShapeError } from "./errors.ts";
import { type Matrix, checkMatrix, shape, zeros } from "./matrix.ts";

/**
 * The matrix product a·b: `out[i][j]` is the dot product of row i of a with column j of b.
 * @example matmul(matrix([[1, 2]]), matrix([[3], [4]])) // [[11]]
 */
export function matmul(a: Matrix, b: Matrix): Matrix {
  checkMatmul(a, b);
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

/** Throws unless a and b are matrices and a has one column per row of b, naming both shapes if not. */
export function checkMatmul(a: Matrix, b: Matrix): void {
  checkMatrix("matmul", "a", a);
  checkMatrix("matmul", "b", b);
  if (a.cols !== b.rows) {
    throw new ShapeError(`matmul: inner dimensions differ: a is ${shape(a)}, b is ${shape(b)}`);
  }
}
