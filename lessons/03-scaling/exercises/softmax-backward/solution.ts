import { zeros, type Matrix } from "kernel";

/** ∂L/∂s for y = softmax(s), row by row: dx_j = y_j (dy_j − Σ_k dy_k y_k). */
export function softmaxGrad(y: Matrix, dy: Matrix): Matrix {
  const dx = zeros(y.rows, y.cols); // (rows, cols), like y
  for (let i = 0; i < y.rows; i++) {
    const start = i * y.cols, end = start + y.cols;
    // Every score moves every weight of its row (they share one sum), so each entry collects the whole row.
    let dot = 0;
    for (let t = start; t < end; t++) dot += dy.data[t] * y.data[t];
    for (let t = start; t < end; t++) dx.data[t] = y.data[t] * (dy.data[t] - dot);
  }
  return dx;
}
