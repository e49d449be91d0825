// Softmax turns a row of scores into weights that are positive and sum to 1. Attention applies it to
// each row of the score matrix: one distribution over the keys per query.
// This is the plain version, the one to read. The course runs softmaxFast (softmax-fast.ts): the same
// steps with a faster exp, within ~1e-15 of these values (the tests check it).

import { ShapeError } from "./errors.ts";
import { type Matrix, checkMatrix, shape, zeros } from "./matrix.ts";

/**
 * Row-wise softmax: `out[i][j] = exp(m[i][j]) / Σ_k exp(m[i][k])`. A row of all -Infinity (every key
 * masked) gives a row of zeros rather than NaN.
 * @example softmax(matrix([[0, Math.log(3)]])) // [[0.25, 0.75]]
 */
export function softmax(m: Matrix): Matrix {
  checkMatrix("softmax", "m", m);
  const { rows, cols } = m;
  const out = zeros(rows, cols); // (rows, cols) -> (rows, cols)
  for (let i = 0; i < rows; i++) {
    const start = i * cols, end = start + cols;
    // Subtracting the row's max changes nothing (it cancels between numerator and denominator) but keeps
    // every exponent <= 0, so exp can't overflow: softmax([1000, 1001]) works, exp(1000) would be Infinity.
    let max = -Infinity;
    for (let t = start; t < end; t++) max = Math.max(max, m.data[t]); // Math.max passes NaN on
    // Every key masked: nothing to attend to, so zero weight everywhere (exp(-Inf - -Inf) would be NaN).
    if (max === -Infinity) continue;
    let sum = 0;
    for (let t = start; t < end; t++) {
      // +Infinity outweighs any finite score: in the limit the infinite entries share all the weight.
      const e = max === Infinity ? Number(m.data[t] === Infinity) : Math.exp(m.data[t] - max);
      out.data[t] = e;
      sum += e;
    }
    for (let t = start; t < end; t++) out.data[t] /= sum;
  }
  return out;
}

/**
 * The backward pass of row-wise softmax: given y = softmax(x) and dy = ∂L/∂y, returns ∂L/∂x, row by row
 * `dx = y ⊙ (dy − Σ_k dy_k y_k)`. When y is nearly one-hot (large scores), dx is nearly 0: the reason
 * attention divides its scores by √d.
 */
export function softmaxBackward(y: Matrix, dy: Matrix): Matrix {
  checkMatrix("softmaxBackward", "y", y);
  checkMatrix("softmaxBackward", "dy", dy);
  if (y.rows !== dy.rows || y.cols !== dy.cols) {
    throw new ShapeError(`softmaxBackward: dy must have the shape of y: y is ${shape(y)}, dy is ${shape(dy)}`);
  }
  const { rows, cols } = y;
  const dx = zeros(rows, cols); // (rows, cols), like y
  for (let i = 0; i < rows; i++) {
    const start = i * cols, end = start + cols;
    // Each input moves every output (through the shared sum), so dx_j collects dy from the whole row:
    // ∂y_k/∂x_j = y_k (δ_kj − y_j), hence dx_j = y_j (dy_j − Σ_k dy_k y_k).
    let dot = 0;
    for (let t = start; t < end; t++) dot += dy.data[t] * y.data[t];
    for (let t = start; t < end; t++) dx.data[t] = y.data[t] * (dy.data[t] - dot);
  }
  return dx;
}

/**
 * The entropy of each row, −Σ p ln p in nats, as a rows x 1 matrix (0 · ln 0 counts as 0). A uniform row
 * over n keys has entropy ln n; a one-hot row has 0: the scaling lesson plots how sharp the weights get.
 */
export function entropy(p: Matrix): Matrix {
  checkMatrix("entropy", "p", p);
  const out = zeros(p.rows, 1); // (rows, cols) -> (rows, 1)
  for (let i = 0; i < p.rows; i++) {
    let h = 0;
    for (let j = 0; j < p.cols; j++) {
      const x = p.data[i * p.cols + j];
      if (x !== 0) h -= x * Math.log(x); // a key with zero weight adds no uncertainty
    }
    out.data[i] = h;
  }
  return out;
}
