// Softmax over each row, its logarithm, and the negative log-likelihood loss of a classifier.

import { ShapeError, shape } from "../kernel/index.ts";
import { type Tensor, gradOf, result } from "./tensor.ts";

/** Row-wise softmax; a row of all −∞ (fully masked) gives zeros. Backward: ∂x = y ⊙ (∂y − Σ_k ∂y_k y_k). */
export function softmaxRows(a: Tensor): Tensor {
  const n = a.rows, m = a.cols, A = a.data, Y = new Float64Array(A.length);
  for (let i = 0; i < n; i++) {
    const off = i * m;
    let max = -Infinity;
    for (let j = 0; j < m; j++) if (A[off + j] > max) max = A[off + j];
    if (max === -Infinity) continue; // nothing to attend to: zero weights, not NaN
    let s = 0;
    for (let j = 0; j < m; j++) s += Y[off + j] = Math.exp(A[off + j] - max);
    for (let j = 0; j < m; j++) Y[off + j] /= s;
  }
  return result("softmaxRows", n, m, Y, [a], (out) => {
    const G = out.grad as Float64Array, dA = gradOf(a);
    for (let i = 0; i < n; i++) {
      const off = i * m;
      let dot = 0;
      for (let j = 0; j < m; j++) dot += G[off + j] * Y[off + j];
      for (let j = 0; j < m; j++) dA[off + j] += Y[off + j] * (G[off + j] - dot);
    }
  });
}

/** Row-wise log-softmax, x − log Σ exp x, computed stably. Backward: ∂x = ∂y − softmax(x) Σ_k ∂y_k. */
export function logSoftmax(a: Tensor): Tensor {
  const n = a.rows, m = a.cols, A = a.data, Y = new Float64Array(A.length);
  for (let i = 0; i < n; i++) {
    const off = i * m;
    let max = -Infinity;
    for (let j = 0; j < m; j++) if (A[off + j] > max) max = A[off + j];
    let s = 0;
    for (let j = 0; j < m; j++) s += Math.exp(A[off + j] - max);
    const logS = Math.log(s); // log Σ exp x = max + log s; subtracting max first keeps precision
    for (let j = 0; j < m; j++) Y[off + j] = A[off + j] - max - logS;
  }
  return result("logSoftmax", n, m, Y, [a], (out) => {
    const G = out.grad as Float64Array, dA = gradOf(a);
    for (let i = 0; i < n; i++) {
      const off = i * m;
      let total = 0;
      for (let j = 0; j < m; j++) total += G[off + j];
      for (let j = 0; j < m; j++) dA[off + j] += G[off + j] - Math.exp(Y[off + j]) * total;
    }
  });
}

function checkTargets(op: string, a: Tensor, targets: ArrayLike<number>, weights?: ArrayLike<number>): void {
  if (targets.length !== a.rows) throw new ShapeError(`${op}: expected one target per row of ${shape(a)}, got ${targets.length}`);
  if (weights !== undefined && weights.length !== a.rows) {
    throw new ShapeError(`${op}: expected one weight per row of ${shape(a)}, got ${weights.length}`);
  }
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i];
    if (!Number.isInteger(t) || t < 0 || t >= a.cols) throw new ShapeError(`${op}: target ${i} must be a column from 0 to ${a.cols - 1}, got ${t}`);
  }
}

/**
 * Negative log-likelihood: −Σ_i w_i logp[i][targets[i]] / Σ_i w_i, a 1x1 tensor. Row weights of 0 leave out
 * padding; by default every row weighs 1. Backward: only the target entry of each row gets a gradient.
 */
export function nll(logp: Tensor, targets: ArrayLike<number>, weights?: ArrayLike<number>): Tensor {
  checkTargets("nll", logp, targets, weights);
  const n = logp.rows, m = logp.cols, L = logp.data;
  let total = 0, count = 0;
  for (let i = 0; i < n; i++) {
    const w = weights === undefined ? 1 : weights[i];
    if (w === 0) continue;
    total -= w * L[i * m + targets[i]];
    count += w;
  }
  const norm = count > 0 ? 1 / count : 0;
  return result("nll", 1, 1, Float64Array.of(total * norm), [logp], (out) => {
    const g = (out.grad as Float64Array)[0], dL = gradOf(logp);
    for (let i = 0; i < n; i++) {
      const w = weights === undefined ? 1 : weights[i];
      dL[i * m + targets[i]] -= g * w * norm;
    }
  });
}

/**
 * nll(logSoftmax(logits), targets, weights) in one op, which saves a pass and a matrix per step.
 * Backward: ∂logits = (softmax(logits) − onehot(target)) · w_i / Σ w.
 */
export function crossEntropy(logits: Tensor, targets: ArrayLike<number>, weights?: ArrayLike<number>): Tensor {
  checkTargets("crossEntropy", logits, targets, weights);
  const n = logits.rows, m = logits.cols, A = logits.data;
  const P = new Float64Array(A.length); // softmax, kept for the backward pass
  let total = 0, count = 0;
  for (let i = 0; i < n; i++) {
    const off = i * m;
    let max = -Infinity;
    for (let j = 0; j < m; j++) if (A[off + j] > max) max = A[off + j];
    let s = 0;
    for (let j = 0; j < m; j++) s += P[off + j] = Math.exp(A[off + j] - max);
    for (let j = 0; j < m; j++) P[off + j] /= s;
    const w = weights === undefined ? 1 : weights[i];
    if (w === 0) continue;
    total -= w * (A[off + targets[i]] - max - Math.log(s));
    count += w;
  }
  const norm = count > 0 ? 1 / count : 0;
  return result("crossEntropy", 1, 1, Float64Array.of(total * norm), [logits], (out) => {
    const g = (out.grad as Float64Array)[0], dA = gradOf(logits);
    for (let i = 0; i < n; i++) {
      const w = weights === undefined ? 1 : weights[i];
      if (w === 0) continue;
      const off = i * m, c = g * w * norm;
      for (let j = 0; j < m; j++) dA[off + j] += c * P[off + j];
      dA[off + targets[i]] -= c;
    }
  });
}
