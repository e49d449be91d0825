import { zeros, type Matrix } from "kernel";

/** ∂L/∂s for y = softmax(s), row by row: dx_j = y_j (dy_j − Σ_k dy_k y_k). */
export function softmaxGrad(y: Matrix, dy: Matrix): Matrix {
  const n = y.cols; // entry (i, j) of y is y.data[i * n + j]; the same for dy and dx
  const dx = zeros(y.rows, n); // (rows, cols), like y
  for (let i = 0; i < y.rows; i++) {
    // Every score moves every weight of its row (they share one sum), so each entry collects the whole row.
    let dot = 0;
    for (let k = 0; k < n; k++) dot += dy.data[i * n + k] * y.data[i * n + k];
    for (let j = 0; j < n; j++) dx.data[i * n + j] = y.data[i * n + j] * (dy.data[i * n + j] - dot);
  }
  return dx;
}
