// One step of a gated recurrent unit (Cho et al. 2014), fused into a single op because a recurrent net
// runs it at every time step: one op instead of a dozen keeps the graph and the garbage small.
// With the input part gx = x Wx + bx computed beforehand (for all steps in one matmul) and gh = h Uh + bh:
//
//   r = σ(gx_r + gh_r)            reset gate: how much of the old state the candidate may read
//   z = σ(gx_z + gh_z)            update gate: how much of the old state to keep
//   n = tanh(gx_n + r ⊙ gh_n)     candidate state
//   h' = (1 − z) ⊙ n + z ⊙ h
//
// gx and gh hold the three parts side by side: columns [0, H) for r, [H, 2H) for z, [2H, 3H) for n.
// A test checks this op against the same step written with the primitive ops, and against finite differences.

import { ShapeError, shape } from "../kernel/index.ts";
import { gemm, transposed } from "./gemm.ts";
import { type Tensor, gradOf, result } from "./tensor.ts";

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * The next GRU state (B, H) from gx (B, 3H), the state h (B, H), Uh (H, 3H) and bh (1, 3H). Where
 * `keep[b]` is 0 (padding past the end of sentence b), the state passes through unchanged.
 */
export function gruCell(gx: Tensor, h: Tensor, Uh: Tensor, bh: Tensor, keep?: ArrayLike<number>): Tensor {
  const B = h.rows, H = h.cols, H3 = 3 * H;
  if (gx.rows !== B || gx.cols !== H3) throw new ShapeError(`gruCell: gx must be ${B}x${H3} for h ${shape(h)}, got ${shape(gx)}`);
  if (Uh.rows !== H || Uh.cols !== H3) throw new ShapeError(`gruCell: Uh must be ${H}x${H3}, got ${shape(Uh)}`);
  if (bh.rows !== 1 || bh.cols !== H3) throw new ShapeError(`gruCell: bh must be 1x${H3}, got ${shape(bh)}`);
  if (keep !== undefined && keep.length !== B) throw new ShapeError(`gruCell: keep needs ${B} entries, got ${keep.length}`);
  const X = gx.data, S = h.data, U = Uh.data, C = bh.data;
  const gh = new Float64Array(B * H3); // h Uh + bh: (B, H) @ (H, 3H) -> (B, 3H)
  for (let b = 0; b < B; b++) gh.set(C, b * H3);
  gemm(S, U, gh, B, H, H3);
  const R = new Float64Array(B * H), Z = new Float64Array(B * H), N = new Float64Array(B * H);
  const out = new Float64Array(B * H);
  for (let b = 0; b < B; b++) {
    const o = b * H3;
    for (let k = 0; k < H; k++) {
      const t = b * H + k;
      if (keep !== undefined && keep[b] === 0) {
        out[t] = S[t];
        continue;
      }
      const r = sigmoid(X[o + k] + gh[o + k]);
      const z = sigmoid(X[o + H + k] + gh[o + H + k]);
      const n = Math.tanh(X[o + 2 * H + k] + r * gh[o + 2 * H + k]);
      R[t] = r; Z[t] = z; N[t] = n;
      out[t] = (1 - z) * n + z * S[t];
    }
  }
  return result("gruCell", B, H, out, [gx, h, Uh, bh], (self) => {
    const G = self.grad as Float64Array;
    const dgh = new Float64Array(B * H3); // ∂loss/∂(h Uh + bh)
    const dX = gx.requiresGrad ? gradOf(gx) : null;
    const dS = h.requiresGrad ? gradOf(h) : null;
    for (let b = 0; b < B; b++) {
      const o = b * H3;
      for (let k = 0; k < H; k++) {
        const t = b * H + k, g = G[t];
        if (keep !== undefined && keep[b] === 0) {
          if (dS) dS[t] += g; // the state was copied through
          continue;
        }
        const r = R[t], z = Z[t], n = N[t];
        const dn = g * (1 - z) * (1 - n * n); // through h' = (1 − z) n and n = tanh(·)
        const dz = g * (S[t] - n) * z * (1 - z); // ∂h'/∂z = h − n, then σ'
        const dr = dn * gh[o + 2 * H + k] * r * (1 - r);
        if (dX) { dX[o + k] += dr; dX[o + H + k] += dz; dX[o + 2 * H + k] += dn; }
        dgh[o + k] = dr; dgh[o + H + k] = dz; dgh[o + 2 * H + k] = dn * r;
        if (dS) dS[t] += g * z; // the direct path h -> z ⊙ h
      }
    }
    if (dS) gemm(dgh, transposed(U, H, H3), dS, B, H3, H); // ∂h += ∂gh · Uhᵀ: (B, 3H) @ (3H, H)
    if (Uh.requiresGrad) gemm(transposed(S, B, H), dgh, gradOf(Uh), H, B, H3); // ∂Uh += hᵀ · ∂gh: (H, B) @ (B, 3H)
    if (bh.requiresGrad) { // ∂bh += Σ_b ∂gh
      const dC = gradOf(bh);
      for (let b = 0; b < B; b++) for (let j = 0; j < H3; j++) dC[j] += dgh[b * H3 + j];
    }
  });
}
