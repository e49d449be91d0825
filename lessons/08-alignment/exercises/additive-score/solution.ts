import { matmul, zeros, type Matrix } from "kernel";

/** Additive attention scores: entry (i, j) is tanh(s_i W + h_j U) · v. */
export function additiveScores(S: Matrix, H: Matrix, W: Matrix, U: Matrix, v: Matrix): Matrix {
  const SW = matmul(S, W); // (m, ds) @ (ds, da) -> (m, da)
  const HU = matmul(H, U); // (T, dh) @ (dh, da) -> (T, da)
  const m = S.rows, T = H.rows, da = W.cols;
  const out = zeros(m, T); // (m, T)
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < T; j++) {
      let e = 0;
      for (let a = 0; a < da; a++) e += Math.tanh(SW.data[i * da + a] + HU.data[j * da + a]) * v.data[a];
      out.data[i * T + j] = e;
    }
  }
  return out;
}
