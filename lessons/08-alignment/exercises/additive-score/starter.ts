import { matmul, zeros, type Matrix } from "kernel";

/** Additive attention scores: scores[i][j] = tanh(s_i W + h_j U) · v. */
export function additiveScores(S: Matrix, H: Matrix, W: Matrix, U: Matrix, v: Matrix): Matrix {
  // S is (m, ds), H is (T, dh), W is (ds, da), U is (dh, da), v is (da, 1).
  // Return an (m, T) matrix. Project S and H once with matmul, then loop over the pairs.
  void matmul;
  return zeros(S.rows, H.rows);
}
