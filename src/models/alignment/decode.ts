// Greedy decoding: at each step, feed back the most likely word, until `</s>`. RNNsearch's attention
// at inference is the kernel's additiveAttention, one sentence at a time; its rows are the alignment.

import { type Matrix, additiveAttention, fromFlat } from "../../kernel/index.ts";
import { type Tensor, add, concatCols, constant, gatherRows, gruCell, matmul, tanh } from "../../autograd/index.ts";
import type { Params } from "./config.ts";
import { type Model, frozen } from "./model.ts";
import { encodeEncdec } from "./rnnencdec.ts";
import { encodeSearch } from "./rnnsearch.ts";
import { BOS, EOS } from "./vocab.ts";

export interface Decoded {
  /** Output ids, ending with `</s>` unless the length limit cut it. */
  readonly ids: number[];
  /** RNNsearch: (output steps, source words + 1) attention weights, one row per output id. Null for RNNencdec. */
  readonly alignment: Matrix | null;
}

function argmax(x: Float64Array): number {
  let best = 0;
  for (let k = 1; k < x.length; k++) if (x[k] > x[best]) best = k;
  return best;
}

function outputLogits(p: Params, s: Tensor, c: Tensor, e: Tensor): Tensor {
  const hidden = tanh(add(matmul(concatCols([s, c, e]), p["out.W"]), p["out.b"])); // (1, O)
  return add(matmul(hidden, p["out.Wy"]), p["out.by"]); // (1, V)
}

/**
 * Translates one source sentence given as ids (without `</s>`, which is appended) greedily, up to
 * `maxSteps` output words (default: twice the source length plus 5).
 */
export function greedyDecode(model: Model, srcIds: readonly number[], maxSteps = 2 * srcIds.length + 5): Decoded {
  const p = frozen(model.params);
  const ids = [...srcIds, EOS];
  const keep = ids.map(() => [1]);
  const search = model.config.kind === "rnnsearch";
  const enc = search ? encodeSearch(p, ids, 1, keep) : encodeEncdec(p, ids, 1, keep);
  const H = "H" in enc ? enc.H : null; // (Ts, 2H) annotations of RNNsearch
  const summary = "c" in enc ? enc.c : null; // (1, H) summary of RNNencdec
  const attention = { W: p["attention.W"], U: p["attention.U"], v: p["attention.v"] };
  let s = enc.s0, y = BOS;
  const out: number[] = [], rows: number[] = [];
  for (let i = 0; i < maxSteps; i++) {
    let c: Tensor;
    if (H) {
      const a = additiveAttention(s, H, attention); // weights (1, Ts), output (1, 2H)
      rows.push(...a.weights.data);
      c = constant(a.output);
    } else {
      c = summary as Tensor;
    }
    const e = gatherRows(p.tgtEmbedding, [y]); // (1, E)
    const gx = add(add(matmul(e, p["decoder.Wx"]), p["decoder.bx"]), matmul(c, p["decoder.Wc"])); // (1, 3D)
    s = gruCell(gx, s, p["decoder.Uh"], p["decoder.bh"]);
    y = argmax(outputLogits(p, s, c, e).data);
    out.push(y);
    if (y === EOS) break;
  }
  return { ids: out, alignment: H ? fromFlat(out.length, ids.length, rows) : null };
}

/** Translates words: unknown words become `<unk>`; returns the output words without `</s>`. */
export function translateWords(model: Model, words: readonly string[]): string[] {
  return model.target.decode(greedyDecode(model, model.source.encode(words)).ids);
}
