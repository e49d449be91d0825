import { matmul, zeros, type Matrix } from "kernel";

/** Additive attention scores: entry (i, j) is tanh(s_i W + h_j U) · v. */
export function additiveScores(S: Matrix, H: Matrix, W: Matrix, U: Matrix, v: Matrix): Matrix {
  // S is (m, ds), H is (T, dh), W is (ds, da), U is (dh, da), v is (da, 1).
  // Return an (m, T) matrix. Project S and H once with matmul, then loop over the pairs (i, j):
  // entry (i, a) of an (m, da) matrix M is M.data[i * da + a].
  void matmul;
  return zeros(S.rows, H.rows);
}
