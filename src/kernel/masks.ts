// Masks say which keys each query may look at: mask[i][j] is 1 where query i may see key j, 0 where it
// may not. Attention turns each 0 into a score of -Infinity, which softmax turns into a weight of 0.

import { ShapeError, checkSize, describe } from "./errors.ts";
import { type Matrix, checkMatrix, shape, zeros } from "./matrix.ts";

/**
 * The causal (look-back) mask, n x m: query i sees keys 0..i, never a later one, so a model that
 * predicts the next token can't peek at it.
 * @example causalMask(3) // [[1, 0, 0], [1, 1, 0], [1, 1, 1]]
 */
export function causalMask(n: number, m: number = n): Matrix {
  checkSize("causalMask", "n", n);
  checkSize("causalMask", "m", m);
  const mask = zeros(n, m); // (nq, nk)
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i && j < m; j++) mask.data[i * m + j] = 1;
  }
  return mask;
}

/**
 * The padding mask, nq x nk: every query sees the first `length` keys, the real tokens, and none of the
 * padding after them (added to make sequences of one batch equally long).
 * @example paddingMask(2, 4, 3) // [[1, 1, 1, 0], [1, 1, 1, 0]]
 */
export function paddingMask(nq: number, nk: number, length: number): Matrix {
  checkSize("paddingMask", "nq", nq);
  checkSize("paddingMask", "nk", nk);
  if (typeof length !== "number" || !Number.isInteger(length) || length < 0 || length > nk) {
    throw new ShapeError(`paddingMask: length must be an integer from 0 to nk (${nk}), got ${describe(length)}`);
  }
  const mask = zeros(nq, nk); // (nq, nk)
  for (let i = 0; i < nq; i++) {
    for (let j = 0; j < length; j++) mask.data[i * nk + j] = 1;
  }
  return mask;
}

/**
 * Throws unless mask is a rows x cols matrix of 0s and 1s. Checking the values catches an additive mask
 * (0 and -Infinity) passed by mistake, which would otherwise hide exactly the keys meant to be seen.
 */
export function checkMask(op: string, mask: unknown, rows: number, cols: number, dims: string): asserts mask is Matrix {
  checkMatrix(op, "mask", mask);
  if (mask.rows !== rows || mask.cols !== cols) {
    throw new ShapeError(`${op}: mask must be ${rows}x${cols} (${dims}), got ${shape(mask)}`);
  }
  for (let t = 0; t < mask.data.length; t++) {
    const x = mask.data[t];
    if (x !== 0 && x !== 1) {
      const i = Math.floor(t / cols), j = t % cols;
      throw new TypeError(`${op}: mask must hold only 0 (hidden) and 1 (visible), got ${x} at row ${i}, column ${j}`);
    }
  }
}
