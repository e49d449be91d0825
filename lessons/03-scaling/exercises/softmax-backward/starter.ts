import { zeros, type Matrix } from "kernel";

/** ∂L/∂s for y = softmax(s), row by row: dx_j = y_j (dy_j − Σ_k dy_k y_k). */
export function softmaxGrad(y: Matrix, dy: Matrix): Matrix {
  const n = y.cols; // entry (i, j) of y is y.data[i * n + j]; the same for dy and dx
  const dx = zeros(y.rows, n); // same shape as y
  for (let i = 0; i < y.rows; i++) {
    // 1. the row's dot product: the sum over k of dy.data[i * n + k] * y.data[i * n + k]
    // 2. dx.data[i * n + j] = y.data[i * n + j] * (dy.data[i * n + j] - that dot product)
  }
  return dx;
}
