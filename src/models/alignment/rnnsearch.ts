// RNNsearch (Bahdanau, Cho and Bengio 2015): a bidirectional GRU encoder writes one annotation per
// source word, h_j = [→h_j ; ←h_j]; at each output step the decoder scores every annotation against
// its previous state, e_ij = vᵀ tanh(W s_{i−1} + U h_j), and reads their softmax-weighted average c_i.
//
//   s_0 = tanh(←h_1 W_init + b)
//   c_i = Σ_j α_ij h_j,   α_i = softmax(e_i)            the alignment, one row per output word
//   s_i = GRU(s_{i−1}, [E y_{i−1} ; c_i])
//   p(y_i) = softmax(tanh([s_i ; c_i ; E y_{i−1}] W_out + b) W_y + b_y)

import {
  type Tensor, add, additiveScores, attendRows, concatCols, crossEntropy, gatherRows, gruCell, maskFill, matmul,
  sliceRows, softmaxRows, stackSteps, tanh,
} from "../../autograd/index.ts";
import type { Batch } from "./batch.ts";
import type { Params } from "./config.ts";
import { embed, runGru } from "./recurrent.ts";

/** Encoder annotations (B·Ts, 2H), batch-major, and the decoder's first state (B, D). */
export function encodeSearch(p: Params, srcIds: ArrayLike<number>, B: number, keep: readonly ArrayLike<number>[]): { H: Tensor; s0: Tensor } {
  const x = embed(p.srcEmbedding, srcIds); // (Ts·B, E)
  const forward = runGru(p, "encoder", x, B, keep);
  const backward = runGru(p, "encoderBack", x, B, keep, true);
  const H = concatCols([stackSteps(forward), stackSteps(backward)]); // (B·Ts, H) | (B·Ts, H) -> (B·Ts, 2H)
  const s0 = tanh(add(matmul(backward[0], p["init.W"]), p["init.b"])); // (B, H) @ (H, D) -> (B, D)
  return { H, s0 };
}

/** The mean cross-entropy of the batch's targets under teacher forcing (the decoder is fed the true y_{i−1}). */
export function searchLoss(p: Params, batch: Batch): Tensor {
  return searchForward(p, batch).loss;
}

/** The loss and, per output step i, the attention weights α_i (B, Ts) of every sentence. */
export function searchForward(p: Params, batch: Batch): { loss: Tensor; alignments: Tensor[] } {
  const B = batch.size, Tt = batch.tgtSteps;
  const { H, s0 } = encodeSearch(p, batch.srcIds, B, batch.keep);
  const HU = matmul(H, p["attention.U"]); // (B·Ts, 2H) @ (2H, A) -> (B·Ts, A): projected once, read at every step
  const gy = add(matmul(embed(p.tgtEmbedding, batch.decInTime), p["decoder.Wx"]), p["decoder.bx"]); // (Tt·B, 3D)
  let s = s0;
  const states: Tensor[] = [], contexts: Tensor[] = [], alignments: Tensor[] = [];
  for (let i = 0; i < Tt; i++) {
    const scores = additiveScores(matmul(s, p["attention.W"]), HU, p["attention.v"]); // (B, Ts)
    const alpha = softmaxRows(maskFill(scores, batch.srcMask)); // (B, Ts), padding gets weight 0
    const c = attendRows(alpha, H); // (B, 2H)
    const gx = add(sliceRows(gy, i * B, (i + 1) * B), matmul(c, p["decoder.Wc"])); // (B, 3D)
    s = gruCell(gx, s, p["decoder.Uh"], p["decoder.bh"]); // (B, D)
    states.push(s);
    contexts.push(c);
    alignments.push(alpha);
  }
  // The output layer doesn't feed back, so it runs once over every step: (B·Tt, D + 2H + E) rows.
  const features = concatCols([stackSteps(states), stackSteps(contexts), gatherRows(p.tgtEmbedding, batch.decInBatch)]);
  const hidden = tanh(add(matmul(features, p["out.W"]), p["out.b"])); // (B·Tt, O)
  const logits = add(matmul(hidden, p["out.Wy"]), p["out.by"]); // (B·Tt, V)
  return { loss: crossEntropy(logits, batch.targets, batch.targetWeights), alignments };
}
