// Additive attention (Bahdanau, Cho and Bengio 2015), the first attention in neural translation.
// Instead of a dot product, a small one-hidden-layer network scores each (decoder state, encoder state)
// pair: score(s_i, h_j) = tanh(s_i W + h_j U) · v. The rest is as in dot-product attention.
//
// Shapes: m decoder states S of ds numbers, T encoder states H of dh numbers, a hidden layer of da units.

import { ShapeError, checkOptions } from "./errors.ts";
import type { AttentionResult } from "./attention.ts";
import { checkMask } from "./masks.ts";
import { type Matrix, checkMatrix, shape, zeros } from "./matrix.ts";
import { matmulFast as matmul } from "./matmul-fast.ts";
import { softmaxFast as softmax } from "./softmax-fast.ts";

/** The learned parameters of additive attention. */
export interface AdditiveParams {
  /** (ds, da): projects a decoder state into the hidden layer. */
  readonly W: Matrix;
  /** (dh, da): projects an encoder state into the hidden layer. */
  readonly U: Matrix;
  /** (da, 1): reads one score out of the hidden layer. */
  readonly v: Matrix;
}

/**
 * Additive (Bahdanau) attention: `scores[i][j] = tanh(S_i W + H_j U) · v`, `weights = softmax(scores)`,
 * `output = weights H`: for each decoder state, a context vector averaged from the encoder states.
 */
export function additiveAttention(
  S: Matrix,
  H: Matrix,
  p: AdditiveParams,
  opts: { readonly mask?: Matrix } = {},
): AttentionResult {
  const op = "additiveAttention";
  checkMatrix(op, "S", S); // (m, ds)
  checkMatrix(op, "H", H); // (T, dh)
  if (typeof p !== "object" || p === null) throw new TypeError(`${op}: p must be an object { W, U, v }`);
  const { W, U, v } = p;
  checkMatrix(op, "W", W); // (ds, da)
  checkMatrix(op, "U", U); // (dh, da)
  checkMatrix(op, "v", v); // (da, 1)
  if (W.rows !== S.cols) throw new ShapeError(`${op}: W must have one row per column of S: S is ${shape(S)}, W is ${shape(W)}`);
  if (U.rows !== H.cols) throw new ShapeError(`${op}: U must have one row per column of H: H is ${shape(H)}, U is ${shape(U)}`);
  if (U.cols !== W.cols) throw new ShapeError(`${op}: U must have as many columns as W: W is ${shape(W)}, U is ${shape(U)}`);
  if (v.rows !== W.cols || v.cols !== 1) throw new ShapeError(`${op}: v must be ${W.cols}x1 (da x 1), got ${shape(v)}`);
  checkOptions(op, opts, ["mask"]);
  const { mask } = opts;
  if (mask !== undefined) checkMask(op, mask, S.rows, H.rows, "m x T");

  const m = S.rows, T = H.rows, da = W.cols;
  // s_i W doesn't depend on j, nor h_j U on i: project each state once, outside the double loop.
  const SW = matmul(S, W); // (m, ds) @ (ds, da) -> (m, da)
  const HU = matmul(H, U); // (T, dh) @ (dh, da) -> (T, da)
  const scores = zeros(m, T); // (m, T)
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < T; j++) {
      if (mask !== undefined && mask.data[i * T + j] === 0) {
        scores.data[i * T + j] = -Infinity; // a hidden encoder state gets zero weight after softmax
        continue;
      }
      let e = 0; // tanh(s_i W + h_j U) · v: (1, da) · (da, 1) -> a number
      for (let a = 0; a < da; a++) e += Math.tanh(SW.data[i * da + a] + HU.data[j * da + a]) * v.data[a];
      scores.data[i * T + j] = e;
    }
  }
  const weights = softmax(scores); // (m, T), each row sums to 1: an alignment of decoder step i
  const output = matmul(weights, H); // (m, T) @ (T, dh) -> (m, dh)
  return { scores, weights, output };
}
