// Inputs built to tell one answer from another where random ones can't. The masking exercises need a
// case where hiding a key with −20, −1e9 or "x − 1e9" is visibly different from hiding it with −Infinity:
// on ordinary scores (|s| < 5) every such fill gives a weight below 1e-6, indistinguishable from 0.
import { fromFlat, zeros, type Matrix } from "kernel";

/** Each query's own column of Q (2^23) times a key's entry there (±2^25): the score's far-apart part. */
const A = 2 ** 23, B = 2 ** 25;
/** d_k of these cases: a perfect square, so the scale 1/√d_k = 1/4 is exact too. */
export const FAR_DK = 16;
const NOISE = 4;

/** A multiple of 1/4 in [−2, 2]: products and sums of these stay exact in float64. */
function quarter(r: () => number): number {
  return Math.round((r() * 2 - 1) * 8) / 4;
}

/** A rows x cols matrix of multiples of 1/4 in [−2, 2]. */
export function quarters(rows: number, cols: number, r: () => number): Matrix {
  return fromFlat(rows, cols, Array.from({ length: rows * cols }, () => quarter(r)));
}

/**
 * Q (n_q x 16) and K (n_k x 16) whose scaled scores QKᵀ/4 are −2^46 (about −7e13) plus a little where
 * `mask` is 1 (the key is visible) and +2^46 plus a little where it is 0 (hidden). Every product and sum
 * is exact in float64 (at most 52 bits), so any correct order of operations gives the same scores, and a
 * hidden key gets zero weight only from −Infinity: a constant fill above −7e13 or a penalty x − c with
 * c below 1.4e14 makes it take the weight. (A fill below −7e13 gives exactly 0 here as −Infinity does.)
 * @example const [Q, K] = farApartQK(causalMask(4), r)
 */
export function farApartQK(mask: Matrix, r: () => number): [Q: Matrix, K: Matrix] {
  const nq = mask.rows, nk = mask.cols;
  if (nq > FAR_DK - NOISE) throw new Error(`farApartQK: at most ${FAR_DK - NOISE} queries, got ${nq}`);
  const Q = zeros(nq, FAR_DK), K = zeros(nk, FAR_DK);
  for (let i = 0; i < nq; i++) {
    Q.data[i * FAR_DK + i] = A; // query i reads its own column of K
    for (let d = FAR_DK - NOISE; d < FAR_DK; d++) Q.data[i * FAR_DK + d] = quarter(r);
  }
  for (let j = 0; j < nk; j++) {
    for (let i = 0; i < nq; i++) K.data[j * FAR_DK + i] = mask.data[i * nk + j] === 0 ? B : -B;
    for (let d = FAR_DK - NOISE; d < FAR_DK; d++) K.data[j * FAR_DK + d] = quarter(r);
  }
  return [Q, K];
}

/**
 * Self-attention inputs (X, Wq, Wk) with the scores of farApartQK: X = [I | small noise] (n x (n + 2)) and
 * projections whose first n rows are that Q and K and whose last rows are 0, so X·Wq and X·Wk are exact.
 */
export function farApartProjections(mask: Matrix, r: () => number): [X: Matrix, Wq: Matrix, Wk: Matrix] {
  const n = mask.rows, d = n + 2;
  const [Q, K] = farApartQK(mask, r);
  const X = zeros(n, d), Wq = zeros(d, FAR_DK), Wk = zeros(d, FAR_DK);
  for (let i = 0; i < n; i++) {
    X.data[i * d + i] = 1;
    for (let c = n; c < d; c++) X.data[i * d + c] = quarter(r);
  }
  Wq.data.set(Q.data); // rows 0 … n − 1 of Wq are Q
  Wk.data.set(K.data);
  return [X, Wq, Wk];
}
