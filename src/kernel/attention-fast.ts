// Scaled dot-product attention again, arranged for speed. Read attention.ts first: the three steps are
// the same, and so are the scores and the checks. What changes: Kᵀ is never built (the scores read rows
// of K directly), the scale is applied as each score is stored, and the matrix product and softmax are
// the fast ones. The results equal attention.ts's: scores bit for bit, weights and output within ~1e-15.

import { type AttentionOptions, type AttentionResult, checkAttention } from "./attention.ts";
import { type Matrix } from "./matrix.ts";
import { matmulInto, matmulTransposedInto } from "./matmul-fast.ts";
import { softmaxInto } from "./softmax-fast.ts";

/** attention(Q, K, V, opts), fast: same arguments, same errors, the same numbers to ~1e-15. */
export function attentionFast(Q: Matrix, K: Matrix, V: Matrix, opts: AttentionOptions = {}): AttentionResult {
  checkAttention(Q, K, V, opts); // Q (nq, d), K (nk, d), V (nk, dv), mask (nq, nk)
  const { mask, scale = 1 / Math.sqrt(Q.cols) } = opts; // why 1/√d: see attention.ts
  const nq = Q.rows, nk = K.rows, dv = V.cols;
  // One allocation for the three results, which share one ArrayBuffer: each typed array allocated costs
  // ~0.3 µs, a share worth saving of a 16x16 call (a few µs).
  const buffer = new ArrayBuffer(8 * (2 * nq * nk + nq * dv));
  const scores = view(buffer, 0, nq, nk);
  matmulTransposedInto(Q, K, scores, scale); // (nq, d) @ (nk, d)ᵀ -> (nq, nk), times scale
  if (mask !== undefined) {
    // A separate pass, so the product's inner loop has no branch; a hidden key gets -Infinity as before.
    for (let t = 0; t < scores.data.length; t++) if (mask.data[t] === 0) scores.data[t] = -Infinity;
  }
  const weights = view(buffer, nq * nk, nq, nk);
  softmaxInto(scores, weights); // (nq, nk), each row sums to 1 (or is 0 if fully masked)
  const output = view(buffer, 2 * nq * nk, nq, dv);
  matmulInto(weights, V, output); // (nq, nk) @ (nk, dv) -> (nq, dv)
  return { scores, weights, output };
}

// A rows x cols matrix over the buffer, starting `offset` numbers in.
function view(buffer: ArrayBuffer, offset: number, rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(buffer, 8 * offset, rows * cols) };
}
