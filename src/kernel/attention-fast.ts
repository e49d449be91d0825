// Scaled dot-product attention again, arranged for speed. Read attention.ts first: the three steps are
// the same, and so are the scores and the checks. What changes: Kᵀ is never built (the scores read rows
// of K directly), the scale is applied as each score is stored, and the matrix product and softmax are
// the fast ones. The results equal attention.ts's: scores bit for bit, weights and output within ~1e-15.

import { type AttentionOptions, type AttentionResult, checkAttention } from "./attention.ts";
import { floats } from "./arena.ts";
import { type Matrix } from "./matrix.ts";
import { matmulInto, matmulTransposedInto } from "./matmul-fast.ts";
import { softmaxInto } from "./softmax-fast.ts";

/** attention(Q, K, V, opts), fast: same arguments, same errors, the same numbers to ~1e-15. */
export function attentionFast(Q: Matrix, K: Matrix, V: Matrix, opts: AttentionOptions = {}): AttentionResult {
  checkAttention(Q, K, V, opts); // Q (nq, d), K (nk, d), V (nk, dv), mask (nq, nk)
  const { mask, scale = 1 / Math.sqrt(Q.cols) } = opts; // why 1/√d: see attention.ts
  const nq = Q.rows, nk = K.rows, dv = V.cols;
  // The results come from floats() (arena.ts), not new Float64Array: three new buffers would cost ~0.8 µs
  // each, more than half of a 16x16 call.
  const scores = { rows: nq, cols: nk, data: floats(nq * nk) };
  matmulTransposedInto(Q, K, scores, scale); // (nq, d) @ (nk, d)ᵀ -> (nq, nk), times scale
  if (mask !== undefined) {
    // A separate pass, so the product's inner loop has no branch; a hidden key gets -Infinity as before.
    for (let t = 0; t < scores.data.length; t++) if (mask.data[t] === 0) scores.data[t] = -Infinity;
  }
  const weights = { rows: nq, cols: nk, data: floats(nq * nk) };
  softmaxInto(scores, weights); // (nq, nk), each row sums to 1 (or is 0 if fully masked)
  const output = { rows: nq, cols: dv, data: floats(nq * dv) };
  matmulInto(weights, V, output); // (nq, nk) @ (nk, dv) -> (nq, dv)
  return { scores, weights, output };
}
