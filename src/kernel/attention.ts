// Scaled dot-product attention, softmax(Q Kᵀ / √d) V, in three steps a lesson can plot one by one:
// scores (how well each query matches each key), weights (the scores made into a distribution over the
// keys) and output (each query's weighted average of the values).
//
// Shapes: nq queries and nk keys; each query and key has d numbers, each value dv.
//
// This is the plain version, the one to read. The course runs attentionFast (attention-fast.ts): the same
// three steps, with no Kᵀ built and the scale applied as each score is stored; the tests check it agrees.

import { ShapeError, checkNumber, checkOptions } from "./errors.ts";
import { checkMask } from "./masks.ts";
import { type Matrix, checkMatrix, shape, transpose } from "./matrix.ts";
import { matmul } from "./matmul.ts";
import { softmax } from "./softmax.ts";

/** Options of `attention`. */
export interface AttentionOptions {
  /** (nq, nk) of 0s and 1s: query i may attend to key j only where mask[i][j] is 1 (see causalMask). */
  readonly mask?: Matrix;
  /** Multiplies every score; defaults to 1/√d. */
  readonly scale?: number;
}

/** Every intermediate of an attention call, so a lesson can show each one. */
export interface AttentionResult {
  /** (nq, nk): how well each query matches each key, after scaling; exactly -Infinity where masked. */
  readonly scores: Matrix;
  /** (nq, nk): softmax of each row of scores; each row sums to 1, or is all 0 if every key is masked. */
  readonly weights: Matrix;
  /** (nq, dv): for each query, the weighted average of the values. */
  readonly output: Matrix;
}

/**
 * Scaled dot-product attention: each query takes an average of the values, weighted by how well its
 * key matches the query.
 * @example
 * const { weights, output } = attention(Q, K, V, { mask: causalMask(Q.rows) });
 */
export function attention(Q: Matrix, K: Matrix, V: Matrix, opts: AttentionOptions = {}): AttentionResult {
  checkAttention(Q, K, V, opts); // Q (nq, d), K (nk, d), V (nk, dv), mask (nq, nk)
  // Why 1/√d: a dot product of two vectors of d unit-variance numbers has variance d. Unscaled, scores
  // grow with d, softmax saturates towards one-hot and its gradient vanishes; dividing by √d keeps
  // the scores at unit variance whatever d is.
  const { mask, scale = 1 / Math.sqrt(Q.cols) } = opts;

  // Every query meets every key in one product: scores[i][j] = q_i · k_j.
  const scores = matmul(Q, transpose(K)); // (nq, d) @ (d, nk) -> (nq, nk)
  for (let t = 0; t < scores.data.length; t++) {
    // A hidden key gets -Infinity, so that softmax gives it exactly zero weight (exp(-Infinity) = 0).
    // Zeroing the score instead would still leave it a weight of e⁰ / Σ.
    const hidden = mask !== undefined && mask.data[t] === 0;
    scores.data[t] = hidden ? -Infinity : scores.data[t] * scale;
  }
  const weights = softmax(scores); // (nq, nk), each row sums to 1 (or is 0 if fully masked)
  const output = matmul(weights, V); // (nq, nk) @ (nk, dv) -> (nq, dv)
  return { scores, weights, output };
}

/** Throws unless Q, K, V and opts fit together for attention, naming the argument and the shapes. */
export function checkAttention(Q: Matrix, K: Matrix, V: Matrix, opts: AttentionOptions): void {
  checkMatrix("attention", "Q", Q); // (nq, d)
  checkMatrix("attention", "K", K); // (nk, d)
  checkMatrix("attention", "V", V); // (nk, dv)
  if (K.cols !== Q.cols) {
    throw new ShapeError(`attention: K must have as many columns as Q: Q is ${shape(Q)}, K is ${shape(K)}`);
  }
  if (V.rows !== K.rows) {
    throw new ShapeError(`attention: V must have one row per key (as many rows as K): K is ${shape(K)}, V is ${shape(V)}`);
  }
  checkOptions("attention", opts, ["mask", "scale"]);
  if (opts.scale !== undefined) checkNumber("attention", "scale", opts.scale);
  if (opts.mask !== undefined) checkMask("attention", opts.mask, Q.rows, K.rows, "nq x nk");
}
