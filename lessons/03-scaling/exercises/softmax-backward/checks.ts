import { hadamard, map, randn, scale, softmax, zeros, type Matrix } from "kernel";
import { defineChecks } from "../../../../src/exercises/checks.ts";

/** Σ_k dy_k y_k of each row (or, with `down`, of each column), as one number per entry of that row. */
function dots(y: Matrix, dy: Matrix, down = false): Matrix {
  const out = zeros(y.rows, y.cols);
  for (let i = 0; i < y.rows; i++) {
    for (let j = 0; j < y.cols; j++) {
      let s = 0;
      if (down) for (let r = 0; r < y.rows; r++) s += dy.data[r * y.cols + j] * y.data[r * y.cols + j];
      else for (let k = 0; k < y.cols; k++) s += dy.data[i * y.cols + k] * y.data[i * y.cols + k];
      out.data[i * y.cols + j] = s;
    }
  }
  return out;
}
const withDot = (y: Matrix, dy: Matrix, d: Matrix): Matrix => map(y, (v, i, j) => v * (dy.data[i * y.cols + j] - d.data[i * y.cols + j]));

export default defineChecks({
  entry: "softmaxGrad",
  axes: { rows: "query", cols: "key" },
  forbid: ["softmaxBackward"],
  // More rows than columns and the other way round, so a sum down the columns shows; one case with
  // sharp weights (scores × 3), where the diagonal-only Jacobian is furthest off.
  cases: [
    { name: "3 rows of 5 weights", args: (r) => [softmax(randn(3, 5, r)), randn(3, 5, r)] },
    { name: "4 rows of 2 weights", args: (r) => [softmax(randn(4, 2, r)), randn(4, 2, r)] },
    { name: "2 rows of 6 sharp weights", args: (r) => [softmax(scale(randn(2, 6, r), 3)), randn(2, 6, r)] },
  ],
  mistakes: [
    {
      id: "softmax-grad-diagonal",
      message: "It looks like you used only the diagonal of softmax's Jacobian, y_j (1 − y_j) · dy_j. Every score moves " +
        "every weight of its row (they share one sum), so dx_j also collects −y_j y_k dy_k from the other keys: " +
        "dx_j = y_j (dy_j − Σ_k dy_k y_k).",
      fn: (y, dy) => map(y, (v, i, j) => v * (1 - v) * dy.data[i * y.cols + j]),
    },
    {
      id: "softmax-grad-no-dot",
      message: "It looks like you returned y ⊙ dy and left out the term Σ_k dy_k y_k. Compute that sum for each " +
        "row first and subtract it from dy_j before multiplying by y_j.",
      fn: (y, dy) => hadamard(y, dy),
    },
    {
      id: "softmax-grad-no-y",
      message: "It looks like you forgot to multiply by y_j: each entry should be y_j · (dy_j − Σ_k dy_k y_k). " +
        "A key with zero weight gets zero gradient.",
      fn: (y, dy) => map(dy, (v, i, j) => v - dots(y, dy).data[i * y.cols + j]),
    },
    {
      id: "softmax-grad-column-sum",
      message: "Your sum Σ_k dy_k y_k runs down each column. It should run across each row: every query has its own " +
        "softmax, over its own keys.",
      fn: (y, dy) => withDot(y, dy, dots(y, dy, true)),
    },
  ],
  properties: [
    {
      message: "Each row of your gradient should sum to 0 (the weights always sum to 1, so moving all scores " +
        "together changes nothing), but at least one row doesn't.",
      holds: (out) => {
        for (let i = 0; i < out.rows; i++) {
          let s = 0;
          for (let j = 0; j < out.cols; j++) s += out.data[i * out.cols + j];
          if (Math.abs(s) > 1e-9) return false;
        }
        return true;
      },
    },
  ],
});
