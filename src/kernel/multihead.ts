// Multi-head attention: several attentions side by side, each with its own projections, so one head can
// follow, say, the previous word while another follows the subject. Their outputs are laid side by side
// and mixed back together by Wo.
//
// Shapes: nq query positions of dq numbers (Xq), nk key/value positions of dkv numbers (Xkv);
// head h projects to dk numbers per query and key and dv per value; Wo maps (sum of the dv) to dout.

import { ShapeError, checkOptions } from "./errors.ts";
import type { AttentionResult } from "./attention.ts";
import { attentionFast as attention } from "./attention-fast.ts";
import { checkMask } from "./masks.ts";
import { type Matrix, checkMatrix, shape } from "./matrix.ts";
import { matmulFast as matmul } from "./matmul-fast.ts";
import { concatCols } from "./ops.ts";

/** The learned parameters of multi-head attention: one Wq, Wk, Wv per head, and one Wo. */
export interface MultiHeadParams {
  /** Per head, (dq, dk): turns each row of Xq into a query. */
  readonly Wq: readonly Matrix[];
  /** Per head, (dkv, dk): turns each row of Xkv into a key. */
  readonly Wk: readonly Matrix[];
  /** Per head, (dkv, dv): turns each row of Xkv into a value. */
  readonly Wv: readonly Matrix[];
  /** (heads · dv, dout): mixes the heads' outputs, laid side by side. */
  readonly Wo: Matrix;
}

/** Every head's attention, and the combined output. */
export interface MultiHeadResult {
  readonly heads: AttentionResult[];
  /** (nq, dout) */
  readonly output: Matrix;
}

/**
 * Multi-head attention: head h is `attention(Xq Wq[h], Xkv Wk[h], Xkv Wv[h])`, and the output is
 * `concat(heads' outputs) Wo`. Self-attention passes the same matrix as Xq and Xkv.
 */
export function multiHeadAttention(
  Xq: Matrix,
  Xkv: Matrix,
  p: MultiHeadParams,
  opts: { readonly mask?: Matrix } = {},
): MultiHeadResult {
  const op = "multiHeadAttention";
  checkMatrix(op, "Xq", Xq); // (nq, dq)
  checkMatrix(op, "Xkv", Xkv); // (nk, dkv)
  checkParams(op, Xq, Xkv, p);
  checkOptions(op, opts, ["mask"]);
  const { mask } = opts;
  if (mask !== undefined) checkMask(op, mask, Xq.rows, Xkv.rows, "nq x nk");

  const heads: AttentionResult[] = [];
  for (let h = 0; h < p.Wq.length; h++) {
    const Q = matmul(Xq, p.Wq[h]); // (nq, dq) @ (dq, dk) -> (nq, dk)
    const K = matmul(Xkv, p.Wk[h]); // (nk, dkv) @ (dkv, dk) -> (nk, dk)
    const V = matmul(Xkv, p.Wv[h]); // (nk, dkv) @ (dkv, dv) -> (nk, dv)
    heads.push(attention(Q, K, V, { mask })); // weights (nq, nk), output (nq, dv)
  }
  const concat = concatCols(heads.map((head) => head.output)); // heads x (nq, dv) -> (nq, heads · dv)
  const output = matmul(concat, p.Wo); // (nq, heads · dv) @ (heads · dv, dout) -> (nq, dout)
  return { heads, output };
}

// Checked up front so that a wrong shape is reported with the parameter's name (Wk[1]), not as a
// matmul or attention error deep inside the loop.
function checkParams(op: string, Xq: Matrix, Xkv: Matrix, p: MultiHeadParams): void {
  if (typeof p !== "object" || p === null) throw new TypeError(`${op}: p must be an object { Wq, Wk, Wv, Wo }`);
  const { Wq, Wk, Wv, Wo } = p;
  for (const [name, list] of [["Wq", Wq], ["Wk", Wk], ["Wv", Wv]] as const) {
    if (!Array.isArray(list)) throw new TypeError(`${op}: p.${name} must be an array of matrices, one per head`);
  }
  if (Wq.length === 0 || Wk.length !== Wq.length || Wv.length !== Wq.length) {
    throw new ShapeError(`${op}: Wq, Wk and Wv must hold one matrix per head (at least one): got ${Wq.length}, ${Wk.length} and ${Wv.length}`);
  }
  let dvTotal = 0;
  for (let h = 0; h < Wq.length; h++) {
    checkMatrix(op, `Wq[${h}]`, Wq[h]);
    checkMatrix(op, `Wk[${h}]`, Wk[h]);
    checkMatrix(op, `Wv[${h}]`, Wv[h]);
    const rowsMatch = (W: Matrix, name: string, X: Matrix, xName: string): void => {
      if (W.rows !== X.cols) {
        throw new ShapeError(`${op}: ${name}[${h}] must have one row per column of ${xName}: ${xName} is ${shape(X)}, ${name}[${h}] is ${shape(W)}`);
      }
    };
    rowsMatch(Wq[h], "Wq", Xq, "Xq");
    rowsMatch(Wk[h], "Wk", Xkv, "Xkv");
    rowsMatch(Wv[h], "Wv", Xkv, "Xkv");
    if (Wk[h].cols !== Wq[h].cols) {
      throw new ShapeError(`${op}: Wk[${h}] must have as many columns as Wq[${h}]: Wq[${h}] is ${shape(Wq[h])}, Wk[${h}] is ${shape(Wk[h])}`);
    }
    dvTotal += Wv[h].cols;
  }
  checkMatrix(op, "Wo", Wo);
  if (Wo.rows !== dvTotal) {
    throw new ShapeError(`${op}: Wo must have one row per column of the concatenated heads: concat(heads) is ${Xq.rows}x${dvTotal}, Wo is ${shape(Wo)}`);
  }
}
