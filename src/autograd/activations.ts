// Element-wise squashing functions. Their derivatives are written with the output y, which the
// forward pass already computed: tanh' = 1 − y², σ' = y (1 − y).

import { type Tensor, gradOf, result } from "./tensor.ts";

/** tanh, entry by entry. Backward: ∂a = ∂out ⊙ (1 − y²). */
export function tanh(a: Tensor): Tensor {
  const A = a.data, Y = new Float64Array(A.length);
  for (let t = 0; t < Y.length; t++) Y[t] = Math.tanh(A[t]);
  return result("tanh", a.rows, a.cols, Y, [a], (out) => {
    const G = out.grad as Float64Array, dA = gradOf(a);
    for (let t = 0; t < G.length; t++) dA[t] += G[t] * (1 - Y[t] * Y[t]);
  });
}

/** The logistic sigmoid σ(x) = 1 / (1 + e^−x), entry by entry. Backward: ∂a = ∂out ⊙ y (1 − y). */
export function sigmoid(a: Tensor): Tensor {
  const A = a.data, Y = new Float64Array(A.length);
  for (let t = 0; t < Y.length; t++) Y[t] = 1 / (1 + Math.exp(-A[t]));
  return result("sigmoid", a.rows, a.cols, Y, [a], (out) => {
    const G = out.grad as Float64Array, dA = gradOf(a);
    for (let t = 0; t < G.length; t++) dA[t] += G[t] * Y[t] * (1 - Y[t]);
  });
}
