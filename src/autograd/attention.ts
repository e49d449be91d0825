// Additive (Bahdanau) attention for a batch of sentences, in two ops. The encoder states of sentence b
// are the T consecutive rows b·T … b·T + T − 1 of H (see stackSteps), and HU = H·U is projected once per
// batch, since it does not change while the decoder runs:
//
//   scores = additiveScores(s·W, HU, v)   e[b][j] = vᵀ tanh(s_b W + h_bj U)     (B, T)
//   weights = softmaxRows(maskFill(scores, mask))                              (B, T)
//   context = attendRows(weights, H)      c_b = Σ_j weights[b][j] h_bj         (B, dh)
//
// The kernel's additiveAttention computes the same for one sentence; a test checks they agree.

import { ShapeError, shape } from "../kernel/index.ts";
import { type Tensor, gradOf, result } from "./tensor.ts";

/**
 * e[b][j] = Σ_a v[a] tanh(sW[b][a] + HU[b·T + j][a]) for B decoder states sW (B, da) and B·T projected encoder
 * states HU (B·T, da). Backward: with z = tanh(…), ∂(sW + HU) = ∂e · v ⊙ (1 − z²) and ∂v = Σ ∂e · z.
 */
export function additiveScores(sW: Tensor, HU: Tensor, v: Tensor): Tensor {
  const B = sW.rows, da = sW.cols;
  if (HU.cols !== da || HU.rows % B !== 0) {
    throw new ShapeError(`additiveScores: HU must be (B·T)x${da} for sW ${shape(sW)}, got ${shape(HU)}`);
  }
  if (v.rows !== da || v.cols !== 1) throw new ShapeError(`additiveScores: v must be ${da}x1, got ${shape(v)}`);
  const T = HU.rows / B;
  const S = sW.data, P = HU.data, V = v.data;
  const Z = new Float64Array(B * T * da); // tanh(s W + h U) for every pair, kept for the backward pass
  const E = new Float64Array(B * T); // (B, T)
  for (let b = 0; b < B; b++) {
    for (let j = 0; j < T; j++) {
      const row = (b * T + j) * da;
      let e = 0;
      for (let a = 0; a < da; a++) {
        const z = Math.tanh(S[b * da + a] + P[row + a]);
        Z[row + a] = z;
        e += z * V[a];
      }
      E[b * T + j] = e;
    }
  }
  return result("additiveScores", B, T, E, [sW, HU, v], (out) => {
    const G = out.grad as Float64Array;
    const dS = sW.requiresGrad ? gradOf(sW) : null;
    const dP = HU.requiresGrad ? gradOf(HU) : null;
    const dV = v.requiresGrad ? gradOf(v) : null;
    for (let b = 0; b < B; b++) {
      for (let j = 0; j < T; j++) {
        const g = G[b * T + j];
        if (g === 0) continue; // masked positions get no gradient
        const row = (b * T + j) * da;
        for (let a = 0; a < da; a++) {
          const z = Z[row + a];
          const dz = g * V[a] * (1 - z * z);
          if (dS) dS[b * da + a] += dz;
          if (dP) dP[row + a] += dz;
          if (dV) dV[a] += g * z;
        }
      }
    }
  });
}

/**
 * c[b] = Σ_j weights[b][j] · H[b·T + j]: each sentence's weighted average of its own encoder states.
 * Backward: ∂weights[b][j] = ∂c_b · h_bj and ∂h_bj = weights[b][j] · ∂c_b.
 */
export function attendRows(weights: Tensor, H: Tensor): Tensor {
  const B = weights.rows, T = weights.cols, d = H.cols;
  if (H.rows !== B * T) throw new ShapeError(`attendRows: H must have ${B * T} rows (B·T) for weights ${shape(weights)}, got ${shape(H)}`);
  const A = weights.data, X = H.data;
  const C = new Float64Array(B * d); // (B, T) with (B·T, d) -> (B, d)
  for (let b = 0; b < B; b++) {
    for (let j = 0; j < T; j++) {
      const w = A[b * T + j];
      if (w === 0) continue;
      const row = (b * T + j) * d;
      for (let k = 0; k < d; k++) C[b * d + k] += w * X[row + k];
    }
  }
  return result("attendRows", B, d, C, [weights, H], (out) => {
    const G = out.grad as Float64Array;
    const dA = weights.requiresGrad ? gradOf(weights) : null;
    const dX = H.requiresGrad ? gradOf(H) : null;
    for (let b = 0; b < B; b++) {
      for (let j = 0; j < T; j++) {
        const row = (b * T + j) * d, w = A[b * T + j];
        let s = 0;
        for (let k = 0; k < d; k++) {
          s += G[b * d + k] * X[row + k];
          if (dX) dX[row + k] += w * G[b * d + k];
        }
        if (dA) dA[b * T + j] += s;
      }
    }
  });
}
