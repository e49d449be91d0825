// RNNencdec (Cho et al. 2014): a GRU encoder reads the source and keeps only its last state c, a
// fixed-size summary of the whole sentence; the decoder sees nothing else of the source.
//
//   s_0 = tanh(c W_init + b)
//   s_i = GRU(s_{i−1}, [E y_{i−1} ; c])
//   p(y_i) = softmax(tanh([s_i ; c ; E y_{i−1}] W_out + b) W_y + b_y)

import {
  type Tensor, add, concatCols, crossEntropy, gatherRows, gruCell, matmul, sliceRows, stackSteps, tanh,
} from "../../autograd/index.ts";
import type { Batch } from "./batch.ts";
import type { Params } from "./config.ts";
import { embed, runGru } from "./recurrent.ts";

/** The summary c (B, H): the encoder state after each sentence's last word, and the decoder's first state. */
export function encodeEncdec(p: Params, srcIds: ArrayLike<number>, B: number, keep: readonly ArrayLike<number>[]): { c: Tensor; s0: Tensor } {
  const states = runGru(p, "encoder", embed(p.srcEmbedding, srcIds), B, keep);
  const c = states[states.length - 1]; // padding froze each state at its sentence's end
  const s0 = tanh(add(matmul(c, p["init.W"]), p["init.b"])); // (B, H) @ (H, D) -> (B, D)
  return { c, s0 };
}

/** The mean cross-entropy of the batch's targets under teacher forcing. */
export function encdecLoss(p: Params, batch: Batch): Tensor {
  const B = batch.size, Tt = batch.tgtSteps;
  const { c, s0 } = encodeEncdec(p, batch.srcIds, B, batch.keep);
  const gc = matmul(c, p["decoder.Wc"]); // (B, H) @ (H, 3D): the same summary enters every step
  const gy = add(matmul(embed(p.tgtEmbedding, batch.decInTime), p["decoder.Wx"]), p["decoder.bx"]); // (Tt·B, 3D)
  let s = s0;
  const states: Tensor[] = [];
  for (let i = 0; i < Tt; i++) {
    s = gruCell(add(sliceRows(gy, i * B, (i + 1) * B), gc), s, p["decoder.Uh"], p["decoder.bh"]); // (B, D)
    states.push(s);
  }
  const summary = stackSteps(new Array<Tensor>(Tt).fill(c)); // (B·Tt, H): c beside every step
  const features = concatCols([stackSteps(states), summary, gatherRows(p.tgtEmbedding, batch.decInBatch)]);
  const hidden = tanh(add(matmul(features, p["out.W"]), p["out.b"])); // (B·Tt, O)
  const logits = add(matmul(hidden, p["out.Wy"]), p["out.by"]); // (B·Tt, V)
  return crossEntropy(logits, batch.targets, batch.targetWeights);
}
