// Mini-batches of sentence pairs, padded to the longest sentence, with the masks that say which
// positions are real. The encoder reads the source time step by time step, so its ids are time-major
// (row t·B + b); attention and the loss read whole sentences, so their rows are batch-major (b·T + t).

import { type Matrix, zeros } from "../../kernel/index.ts";
import { BOS, EOS, PAD, type Vocabulary } from "./vocab.ts";
import type { Pair } from "./grammar.ts";

export interface Batch {
  /** Sentences in the batch. */
  readonly size: number;
  /** Source length with `</s>`, padded: the longest sentence's. */
  readonly srcSteps: number;
  /** Target length with `</s>`, padded. */
  readonly tgtSteps: number;
  /** Source ids, time-major: srcIds[t·B + b]; `</s>` ends each sentence, `<pad>` follows. */
  readonly srcIds: Int32Array;
  /** Per step t, keep[t][b] = 1 while step t is inside sentence b (the GRU state freezes on padding). */
  readonly keep: readonly Float64Array[];
  /** (B, srcSteps): 1 for real source positions (attention may look), 0 for padding. */
  readonly srcMask: Matrix;
  /** Decoder inputs (`<s>` y1 … yn), time-major, for the recurrent step. */
  readonly decInTime: Int32Array;
  /** The same, batch-major, for the output layer. */
  readonly decInBatch: Int32Array;
  /** Targets (y1 … yn `</s>`), batch-major. */
  readonly targets: Int32Array;
  /** 1 for real target positions, 0 for padding (weights of the loss). */
  readonly targetWeights: Float64Array;
}

/** Pads and masks a list of pairs into one batch. */
export function makeBatch(pairs: readonly Pair[], src: Vocabulary, tgt: Vocabulary): Batch {
  const B = pairs.length;
  const srcs = pairs.map((p) => [...src.encode(p.source), EOS]);
  const tgts = pairs.map((p) => tgt.encode(p.target));
  const Ts = Math.max(...srcs.map((s) => s.length));
  const Tt = Math.max(...tgts.map((t) => t.length)) + 1;
  const srcIds = new Int32Array(Ts * B).fill(PAD);
  const srcMask = zeros(B, Ts);
  const keep = Array.from({ length: Ts }, () => new Float64Array(B));
  srcs.forEach((s, b) => s.forEach((id, t) => {
    srcIds[t * B + b] = id;
    srcMask.data[b * Ts + t] = 1;
    keep[t][b] = 1;
  }));
  const decInTime = new Int32Array(Tt * B).fill(PAD), decInBatch = new Int32Array(B * Tt).fill(PAD);
  const targets = new Int32Array(B * Tt).fill(PAD), targetWeights = new Float64Array(B * Tt);
  tgts.forEach((t, b) => {
    const input = [BOS, ...t], output = [...t, EOS];
    for (let i = 0; i < output.length; i++) {
      decInTime[i * B + b] = input[i];
      decInBatch[b * Tt + i] = input[i];
      targets[b * Tt + i] = output[i];
      targetWeights[b * Tt + i] = 1;
    }
  });
  return { size: B, srcSteps: Ts, tgtSteps: Tt, srcIds, keep, srcMask, decInTime, decInBatch, targets, targetWeights };
}
