import { zeros, type Matrix } from "kernel";

/** ∂L/∂s for y = softmax(s), row by row: dx_j = y_j (dy_j − Σ_k dy_k y_k). */
export function softmaxGrad(y: Matrix, dy: Matrix): Matrix {
  const dx = zeros(y.rows, y.cols); // same shape as y
  for (let i = 0; i < y.rows; i++) {
    // 1. the row's dot product: Σ_k dy[i][k] · y[i][k]
    // 2. dx[i][j] = y[i][j] · (dy[i][j] − that dot product)
  }
  return dx;
}
