// Linear ops: matrix product, sums with a broadcast row, products, and reductions to a number.
// Each op: check shapes, compute the output, and beside it the backward that sends out.grad back.

import { ShapeError, shape } from "../kernel/index.ts";
import { gemm, transposed } from "./gemm.ts";
import { type Tensor, checkSameShape, gradOf, result } from "./tensor.ts";

/** a · b. Backward: ∂a = ∂out · bᵀ, ∂b = aᵀ · ∂out. */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.cols !== b.rows) throw new ShapeError(`matmul: inner dimensions differ: a is ${shape(a)}, b is ${shape(b)}`);
  const n = a.rows, k = a.cols, m = b.cols;
  const C = new Float64Array(n * m);
  gemm(a.data, b.data, C, n, k, m); // (n, k) @ (k, m) -> (n, m)
  return result("matmul", n, m, C, [a, b], (out) => {
    const G = out.grad as Float64Array;
    if (a.requiresGrad) gemm(G, transposed(b.data, k, m), gradOf(a), n, m, k); // (n, m) @ (m, k) -> (n, k)
    if (b.requiresGrad) gemm(transposed(a.data, n, k), G, gradOf(b), k, n, m); // (k, n) @ (n, m) -> (k, m)
  });
}

/** a + b, where b has a's shape or is one row (a bias) added to every row. Backward: a broadcast row sums ∂out over rows. */
export function add(a: Tensor, b: Tensor): Tensor {
  const broadcast = b.rows === 1 && a.rows !== 1;
  if (!(b.cols === a.cols && (broadcast || b.rows === a.rows))) {
    throw new ShapeError(`add: b must be ${shape(a)} or 1x${a.cols}: a is ${shape(a)}, b is ${shape(b)}`);
  }
  const n = a.rows, m = a.cols, A = a.data, B = b.data;
  const C = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    const off = i * m, boff = broadcast ? 0 : off;
    for (let j = 0; j < m; j++) C[off + j] = A[off + j] + B[boff + j];
  }
  return result("add", n, m, C, [a, b], (out) => {
    const G = out.grad as Float64Array;
    if (a.requiresGrad) {
      const dA = gradOf(a);
      for (let t = 0; t < G.length; t++) dA[t] += G[t];
    }
    if (b.requiresGrad) {
      const dB = gradOf(b);
      for (let i = 0; i < n; i++) {
        const off = i * m, boff = broadcast ? 0 : off;
        for (let j = 0; j < m; j++) dB[boff + j] += G[off + j];
      }
    }
  });
}

/** a ⊙ b, entry by entry. Backward: ∂a = ∂out ⊙ b, ∂b = ∂out ⊙ a. */
export function mul(a: Tensor, b: Tensor): Tensor {
  checkSameShape("mul", a, b);
  const A = a.data, B = b.data, C = new Float64Array(A.length);
  for (let t = 0; t < C.length; t++) C[t] = A[t] * B[t];
  return result("mul", a.rows, a.cols, C, [a, b], (out) => {
    const G = out.grad as Float64Array;
    if (a.requiresGrad) {
      const dA = gradOf(a);
      for (let t = 0; t < G.length; t++) dA[t] += G[t] * B[t];
    }
    if (b.requiresGrad) {
      const dB = gradOf(b);
      for (let t = 0; t < G.length; t++) dB[t] += G[t] * A[t];
    }
  });
}

/** s · a for a number s. Backward: ∂a = s · ∂out. */
export function scale(a: Tensor, s: number): Tensor {
  const A = a.data, C = new Float64Array(A.length);
  for (let t = 0; t < C.length; t++) C[t] = s * A[t];
  return result("scale", a.rows, a.cols, C, [a], (out) => {
    const G = out.grad as Float64Array, dA = gradOf(a);
    for (let t = 0; t < G.length; t++) dA[t] += s * G[t];
  });
}

/** a − b (same shape), written as a + (−1)·b, as micrograd writes sub. */
export function sub(a: Tensor, b: Tensor): Tensor {
  return add(a, scale(b, -1));
}

/** The sum of every entry, as a 1x1 tensor. Backward: every entry gets ∂out. */
export function sum(a: Tensor): Tensor {
  let s = 0;
  for (let t = 0; t < a.data.length; t++) s += a.data[t];
  return result("sum", 1, 1, Float64Array.of(s), [a], (out) => {
    const g = (out.grad as Float64Array)[0], dA = gradOf(a);
    for (let t = 0; t < dA.length; t++) dA[t] += g;
  });
}

/** The mean of every entry, as a 1x1 tensor: sum scaled by 1/n. */
export function mean(a: Tensor): Tensor {
  return scale(sum(a), 1 / a.data.length);
}
