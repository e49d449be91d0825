// Ops that move entries around without arithmetic: concatenation, slicing, gathering embedding rows,
// stacking time steps, and masking. Their backward passes route each gradient back to where the
// entry came from.

import { type Matrix, ShapeError, shape } from "../kernel/index.ts";
import { type Tensor, gradOf, result } from "./tensor.ts";

/** Side by side: [a | b | …], all with the same number of rows. Backward: each part gets its columns of ∂out. */
export function concatCols(parts: readonly Tensor[]): Tensor {
  if (parts.length === 0) throw new ShapeError("concatCols: expected at least one tensor");
  const n = parts[0].rows;
  for (const p of parts) {
    if (p.rows !== n) throw new ShapeError(`concatCols: every part needs ${n} rows: got ${parts.map(shape).join(", ")}`);
  }
  const m = parts.reduce((c, p) => c + p.cols, 0);
  const C = new Float64Array(n * m); // (n, c1) | (n, c2) | … -> (n, c1 + c2 + …)
  let col = 0;
  for (const p of parts) {
    for (let i = 0; i < n; i++) C.set(p.data.subarray(i * p.cols, (i + 1) * p.cols), i * m + col);
    col += p.cols;
  }
  return result("concatCols", n, m, C, parts, (out) => {
    const G = out.grad as Float64Array;
    let start = 0;
    for (const p of parts) {
      if (p.requiresGrad) {
        const dP = gradOf(p);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < p.cols; j++) dP[i * p.cols + j] += G[i * m + start + j];
        }
      }
      start += p.cols;
    }
  });
}

/** Rows start … end − 1 of a. Backward: ∂out lands back in those rows. */
export function sliceRows(a: Tensor, start: number, end: number): Tensor {
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= a.rows)) {
    throw new ShapeError(`sliceRows: need 0 <= start < end <= ${a.rows} for ${shape(a)}, got ${start} and ${end}`);
  }
  const m = a.cols;
  const C = a.data.slice(start * m, end * m); // (end - start, m)
  return result("sliceRows", end - start, m, C, [a], (out) => {
    const G = out.grad as Float64Array, dA = gradOf(a);
    for (let t = 0; t < G.length; t++) dA[start * m + t] += G[t];
  });
}

/**
 * Row i of the result is row indices[i] of table: an embedding lookup. Backward: each looked-up row of
 * the table accumulates the gradient of every position that used it.
 */
export function gatherRows(table: Tensor, indices: ArrayLike<number>): Tensor {
  const n = indices.length, m = table.cols;
  if (n === 0) throw new ShapeError("gatherRows: expected at least one index");
  const C = new Float64Array(n * m); // (vocab, m)[indices] -> (n, m)
  for (let i = 0; i < n; i++) {
    const r = indices[i];
    if (!Number.isInteger(r) || r < 0 || r >= table.rows) throw new ShapeError(`gatherRows: index ${i} must be a row from 0 to ${table.rows - 1}, got ${r}`);
    C.set(table.data.subarray(r * m, (r + 1) * m), i * m);
  }
  return result("gatherRows", n, m, C, [table], (out) => {
    const G = out.grad as Float64Array, dT = gradOf(table);
    for (let i = 0; i < n; i++) {
      const r = indices[i] * m;
      for (let j = 0; j < m; j++) dT[r + j] += G[i * m + j];
    }
  });
}

/**
 * T tensors of shape (B, d), one per time step, as one (B·T, d) tensor grouped by sequence: row b·T + t is
 * row b of step t. Attention reads the encoder states of sentence b as the T consecutive rows from b·T.
 */
export function stackSteps(steps: readonly Tensor[]): Tensor {
  if (steps.length === 0) throw new ShapeError("stackSteps: expected at least one step");
  const T = steps.length, B = steps[0].rows, d = steps[0].cols;
  for (const s of steps) {
    if (s.rows !== B || s.cols !== d) throw new ShapeError(`stackSteps: every step must be ${B}x${d}, got ${shape(s)}`);
  }
  const C = new Float64Array(B * T * d); // T x (B, d) -> (B·T, d)
  for (let t = 0; t < T; t++) {
    for (let b = 0; b < B; b++) C.set(steps[t].data.subarray(b * d, (b + 1) * d), (b * T + t) * d);
  }
  return result("stackSteps", B * T, d, C, steps, (out) => {
    const G = out.grad as Float64Array;
    for (let t = 0; t < T; t++) {
      if (!steps[t].requiresGrad) continue;
      const dS = gradOf(steps[t]);
      for (let b = 0; b < B; b++) {
        const src = (b * T + t) * d, dst = b * d;
        for (let j = 0; j < d; j++) dS[dst + j] += G[src + j];
      }
    }
  });
}

/**
 * Entries where mask is 0 become `value` (−∞ by default, so softmax gives them zero weight); the others
 * pass through. Backward: masked entries get no gradient.
 */
export function maskFill(a: Tensor, mask: Matrix, value = -Infinity): Tensor {
  if (mask.rows !== a.rows || mask.cols !== a.cols) {
    throw new ShapeError(`maskFill: mask must have the shape of a: a is ${shape(a)}, mask is ${shape(mask)}`);
  }
  const A = a.data, K = mask.data, C = new Float64Array(A.length);
  for (let t = 0; t < C.length; t++) C[t] = K[t] === 0 ? value : A[t];
  return result("maskFill", a.rows, a.cols, C, [a], (out) => {
    const G = out.grad as Float64Array, dA = gradOf(a);
    for (let t = 0; t < G.length; t++) if (K[t] !== 0) dA[t] += G[t];
  });
}
