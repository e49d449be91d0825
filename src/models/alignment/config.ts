// The two models' sizes and the shapes of their weights, from which weights are created and checked.

import { randn, rng } from "../../kernel/index.ts";
import { type Tensor, param } from "../../autograd/index.ts";

export type ModelKind = "rnnsearch" | "rnnencdec";

export interface ModelConfig {
  readonly kind: ModelKind;
  readonly srcVocab: number;
  readonly tgtVocab: number;
  /** Word embedding size E. */
  readonly embedding: number;
  /** Encoder GRU size H (each direction, for RNNsearch). */
  readonly hidden: number;
  /** Decoder GRU size. */
  readonly decoder: number;
  /** Hidden layer of the additive attention, da (RNNsearch only; 0 for RNNencdec). */
  readonly attention: number;
  /** Hidden layer of the output network before the softmax over words. */
  readonly output: number;
}

export type Params = Readonly<Record<string, Tensor>>;

/** name → [rows, cols] of every weight of a model. */
export function paramShapes(c: ModelConfig): Record<string, [number, number]> {
  const { embedding: E, hidden: H, decoder: D, attention: A, output: O } = c;
  const gru = (prefix: string, input: number, size: number): Record<string, [number, number]> => ({
    [`${prefix}.Wx`]: [input, 3 * size], [`${prefix}.bx`]: [1, 3 * size], [`${prefix}.Uh`]: [size, 3 * size], [`${prefix}.bh`]: [1, 3 * size],
  });
  const ctx = c.kind === "rnnsearch" ? 2 * H : H; // what the decoder reads from the source: a context of size ctx
  return {
    srcEmbedding: [c.srcVocab, E],
    tgtEmbedding: [c.tgtVocab, E],
    ...gru("encoder", E, H),
    ...(c.kind === "rnnsearch" ? gru("encoderBack", E, H) : {}),
    "init.W": [H, D], "init.b": [1, D],
    ...(c.kind === "rnnsearch" ? { "attention.W": [D, A], "attention.U": [2 * H, A], "attention.v": [A, 1] } : {}),
    ...gru("decoder", E, D),
    "decoder.Wc": [ctx, 3 * D],
    "out.W": [D + ctx + E, O], "out.b": [1, O],
    "out.Wy": [O, c.tgtVocab], "out.by": [1, c.tgtVocab],
  };
}

/** Fresh weights from a seed: normal with variance 1/fan-in, biases zero. */
export function initParams(c: ModelConfig, seed: number): Record<string, Tensor> {
  const random = rng(seed);
  const out: Record<string, Tensor> = {};
  for (const [name, [rows, cols]] of Object.entries(paramShapes(c))) {
    const m = randn(rows, cols, random);
    const isBias = rows === 1;
    const s = isBias ? 0 : name.endsWith("Embedding") ? 0.3 : 1 / Math.sqrt(rows);
    for (let t = 0; t < m.data.length; t++) m.data[t] *= s;
    out[name] = param(m);
  }
  return out;
}
