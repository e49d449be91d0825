// Known mistakes of lessons 05–07 (self and cross attention, position, multi-head), beside the shared
// catalogue in mistakes.ts. Each group names its entry's arguments; the flawed versions are written with
// plain matmul and softmax, as a learner would, so a mistake that throws throws the same shape error the
// learner's code does.
import { causalMask, map, matmul, scale, softmax, transpose, type Matrix } from "kernel";
import { concatCols as concatColumns, sliceCols as sliceColumns, zeros as zeroMatrix } from "kernel";
import { fillFamily, flawedAttention, flawMessages, mistakeIds, type Flaw, type Recipe } from "./mistakes.ts";
import type { Mistake } from "./types.ts";

/** Scaled dot-product attention on already-projected Q, K, V, with an optional 0/1 mask: softmax(QKᵀ·s) V. */
function plainAttention(Q: Matrix, K: Matrix, V: Matrix, s = 1 / Math.sqrt(Q.cols), mask?: Matrix): Matrix {
  let scores = scale(matmul(Q, transpose(K)), s); // (nq, dk) @ (dk, nk) -> (nq, nk)
  if (mask) scores = map(scores, (x, i, j) => (mask.data[i * mask.cols + j] === 0 ? -Infinity : x));
  return matmul(softmax(scores), V); // (nq, nk) @ (nk, dv) -> (nq, dv)
}

type CrossArgs = [Xdec: Matrix, Xenc: Matrix, Wq: Matrix, Wk: Matrix, Wv: Matrix];

/** Cross-attention `(Xdec, Xenc, Wq, Wk, Wv) => output`: queries from the decoder, keys and values from the encoder. */
export const crossAttentionMistakes: Record<
  "queriesFromEncoder" | "selfAttentionOnDecoder" | "valuesFromDecoder" | "keysFromDecoder" | "scaledByModelSize" | "forgotScale",
  Mistake<CrossArgs>
> = {
  queriesFromEncoder: {
    id: "queries-from-encoder",
    message: "It looks like you made the queries from the encoder and the keys and values from the decoder. In " +
      "cross-attention the decoder asks: Q = Xdec·Wq, while K = Xenc·Wk and V = Xenc·Wv. The output needs one row " +
      "per decoder token.",
    fn: (Xd, Xe, Wq, Wk, Wv) => plainAttention(matmul(Xe, Wq), matmul(Xd, Wk), matmul(Xd, Wv)),
  },
  selfAttentionOnDecoder: {
    id: "self-attention-on-decoder",
    message: "It looks like you computed self-attention on the decoder: your keys and values come from Xdec, like " +
      "the queries. In cross-attention they come from the other sequence: K = Xenc·Wk and V = Xenc·Wv.",
    fn: (Xd, _Xe, Wq, Wk, Wv) => plainAttention(matmul(Xd, Wq), matmul(Xd, Wk), matmul(Xd, Wv)),
  },
  valuesFromDecoder: {
    id: "values-from-decoder",
    message: "Your keys come from the encoder but your values from the decoder. Keys and values come in pairs from " +
      "the same sequence (the weight on key j is applied to value j), so use V = Xenc·Wv.",
    fn: (Xd, Xe, Wq, Wk, Wv) => plainAttention(matmul(Xd, Wq), matmul(Xe, Wk), matmul(Xd, Wv)),
  },
  keysFromDecoder: {
    id: "keys-from-decoder",
    message: "Your values come from the encoder but your keys from the decoder. Keys and values come in pairs from " +
      "the same sequence (the weight on key j is applied to value j), so use K = Xenc·Wk.",
    fn: (Xd, Xe, Wq, Wk, Wv) => plainAttention(matmul(Xd, Wq), matmul(Xd, Wk), matmul(Xe, Wv)),
  },
  scaledByModelSize: {
    id: "scaled-by-model-size",
    message: "It looks like you divided the scores by √d_model, the width of the inputs. The scale belongs to the " +
      "dot products of queries and keys: divide by √d_k, the number of columns of Wq (and of Q).",
    fn: (Xd, Xe, Wq, Wk, Wv) => plainAttention(matmul(Xd, Wq), matmul(Xe, Wk), matmul(Xe, Wv), 1 / Math.sqrt(Xd.cols)),
  },
  forgotScale: {
    id: mistakeIds.forgotScale,
    message: flawMessages.forgotScale,
    fn: (Xd, Xe, Wq, Wk, Wv) => plainAttention(matmul(Xd, Wq), matmul(Xe, Wk), matmul(Xe, Wv), 1),
  },
};

type SelfArgs = [X: Matrix, Wq: Matrix, Wk: Matrix, Wv: Matrix];

/**
 * Every attention flaw for an entry `(X, Wq, Wk, Wv)` that projects X into Q, K and V first:
 * `projectedAttentionMistakes({ returns: "output", mask: "causal" }).causalOffByOne`.
 */
export function projectedAttentionMistakes(recipe: Recipe): Record<Flaw, Mistake<SelfArgs>> {
  const project = (X: Matrix, Wq: Matrix, Wk: Matrix, Wv: Matrix): Matrix[] => [matmul(X, Wq), matmul(X, Wk), matmul(X, Wv)];
  const flaws = Object.keys(mistakeIds).filter((f) => f !== "forgotToNormalize") as Flaw[];
  return Object.fromEntries(flaws.map((flaw) => {
    const family = fillFamily<SelfArgs>(flaw, (value, [X, Wq, Wk, Wv]) => flawedAttention(recipe, flaw, project(X, Wq, Wk, Wv), value));
    return [flaw, {
      id: mistakeIds[flaw],
      message: flawMessages[flaw],
      fn: (X: Matrix, Wq: Matrix, Wk: Matrix, Wv: Matrix) => flawedAttention(recipe, flaw, project(X, Wq, Wk, Wv)),
      ...(family ? { family } : {}),
    }];
  })) as Record<Flaw, Mistake<SelfArgs>>;
}

/** Decoder (causal) self-attention `(X, Wq, Wk, Wv) => output`: the mistakes the general flaws don't cover. */
export const decoderSelfAttentionMistakes: Record<"forgotCausalMask" | "valuesNotProjected", Mistake<SelfArgs>> = {
  forgotCausalMask: {
    id: "forgot-causal-mask",
    message: "It looks like you didn't mask: each token also attends to the tokens after it, which the decoder " +
      "hasn't written yet. Before the softmax, set the score of query i against key j to -Infinity wherever j > i " +
      "(causalMask(n) has a 1 where j ≤ i).",
    fn: (X, Wq, Wk, Wv) => plainAttention(matmul(X, Wq), matmul(X, Wk), matmul(X, Wv)),
  },
  valuesNotProjected: {
    id: "values-not-projected",
    message: "It looks like you used X itself as the values. Project it like the queries and keys: V = X·Wv.",
    fn: (X, Wq, Wk) => plainAttention(matmul(X, Wq), matmul(X, Wk), X, undefined, causalMask(X.rows)),
  },
};

/** Sinusoidal position codes `(n, d) => PE`, with `angle` giving the flawed angle of position p, column j. */
function sinusoidsWith(n: number, d: number, value: (p: number, j: number) => number): Matrix {
  const pe = zeroMatrix(n, d); // (n, d)
  for (let p = 0; p < n; p++) for (let j = 0; j < d; j++) pe.data[p * d + j] = value(p, j);
  return pe;
}
const angleOf = (p: number, j: number, d: number): number => p / Math.pow(10000, (2 * Math.floor(j / 2)) / d);
const sinOrCos = (j: number, angle: number): number => (j % 2 === 0 ? Math.sin(angle) : Math.cos(angle));

/** Sinusoidal position encodings `(n, d) => PE`, n x d. */
export const positionMistakes: Record<
  "sinCosSwapped" | "columnIndexInExponent" | "doubledColumnIndex" | "positionsFromOne" | "multipliedByFrequency",
  Mistake<[n: number, d: number]>
> = {
  sinCosSwapped: {
    id: "sin-cos-swapped",
    message: "Your sines and cosines are swapped: the even columns (0, 2, 4, …) hold the sine and the odd ones the " +
      "cosine. Position 0 should read 0, 1, 0, 1, …",
    fn: (n, d) => sinusoidsWith(n, d, (p, j) => (j % 2 === 0 ? Math.cos(angleOf(p, j, d)) : Math.sin(angleOf(p, j, d)))),
  },
  columnIndexInExponent: {
    id: "column-index-in-exponent",
    message: "Columns 2i and 2i+1 share one frequency: both use p / 10000^(2i/d) with i = floor(j / 2). It looks " +
      "like you put the column index j itself in the exponent, so each odd column turns at its own, slower speed.",
    fn: (n, d) => sinusoidsWith(n, d, (p, j) => sinOrCos(j, p / Math.pow(10000, j / d))),
  },
  doubledColumnIndex: {
    id: "doubled-column-index",
    message: "It looks like you used 2j/d in the exponent, with j the column. The exponent is 2i/d where i = " +
      "floor(j / 2) is the index of the sine–cosine pair, so for column j it is about j/d, not 2j/d.",
    fn: (n, d) => sinusoidsWith(n, d, (p, j) => sinOrCos(j, p / Math.pow(10000, (2 * j) / d))),
  },
  positionsFromOne: {
    id: "positions-from-one",
    message: "Your positions seem to start at 1. The first row is position 0, so it reads sin(0) = 0 and cos(0) = 1 " +
      "in every pair of columns.",
    fn: (n, d) => sinusoidsWith(n, d, (p, j) => sinOrCos(j, angleOf(p + 1, j, d))),
  },
  multipliedByFrequency: {
    id: "multiplied-by-frequency",
    message: "It looks like you multiplied the position by 10000^(2i/d) instead of dividing by it. The later columns " +
      "should turn more and more slowly (wavelengths from 2π up to 10000·2π), not faster.",
    fn: (n, d) => sinusoidsWith(n, d, (p, j) => sinOrCos(j, p * Math.pow(10000, (2 * Math.floor(j / 2)) / d))),
  },
};

/** A permutation matrix `(order) => P`, P[i][order[i]] = 1, so that P·X puts row order[i] of X at row i. */
export const permutationMistakes: Record<"transposed", Mistake<[order: number[]]>> = {
  transposed: {
    id: "permutation-transposed",
    message: "Your matrix sends row i of X to position order[i], the opposite direction: it is the transpose (the " +
      "inverse) of P. For P·X to hold row order[i] of X at row i, row i of P needs its 1 in column order[i].",
    fn: (order) => {
      const P = zeroMatrix(order.length, order.length); // (n, n)
      order.forEach((k, i) => { P.data[k * order.length + i] = 1; });
      return P;
    },
  },
};

type MultiHeadArgs = [X: Matrix, Wq: Matrix[], Wk: Matrix[], Wv: Matrix[], Wo: Matrix];

function headOutputs(X: Matrix, Wq: Matrix[], Wk: Matrix[], Wv: Matrix[], head: (h: number) => number = (h) => h, s?: number): Matrix[] {
  return Wq.map((_, h) => {
    const k = head(h);
    return plainAttention(matmul(X, Wq[k]), matmul(X, Wk[k]), matmul(X, Wv[k]), s); // (n, dv)
  });
}

/** Multi-head self-attention `(X, Wq[], Wk[], Wv[], Wo) => concat(heads) Wo`. */
export const multiHeadMistakes: Record<
  "forgotOutputProjection" | "summedHeads" | "firstHeadEverywhere" | "scaledByModelSize",
  Mistake<MultiHeadArgs>
> = {
  forgotOutputProjection: {
    id: "forgot-output-projection",
    message: "It looks like you returned the heads laid side by side and stopped there. The output projection is " +
      "part of multi-head attention: multiply the concatenation by Wo, matmul(concatCols(heads), Wo), so that what " +
      "the heads found is mixed back into d_model numbers.",
    fn: (X, Wq, Wk, Wv) => concatColumns(headOutputs(X, Wq, Wk, Wv)),
  },
  summedHeads: {
    id: "summed-heads",
    message: "It looks like you added the heads' outputs together. Lay them side by side instead, with " +
      "concatCols (n × h·d_v), and then multiply by Wo.",
    fn: (X, Wq, Wk, Wv) => headOutputs(X, Wq, Wk, Wv).reduce((sum, out) => map(sum, (x, i, j) => x + out.data[i * out.cols + j])),
  },
  firstHeadEverywhere: {
    id: "first-head-everywhere",
    message: "Every one of your heads uses the first head's matrices. Head h has its own Wq[h], Wk[h] and Wv[h]; " +
      "that is what lets different heads attend to different things.",
    fn: (X, Wq, Wk, Wv, Wo) => matmul(concatColumns(headOutputs(X, Wq, Wk, Wv, () => 0)), Wo),
  },
  scaledByModelSize: {
    id: "head-scaled-by-model-size",
    message: "It looks like you scaled the scores by √d_model. Each head scales its own scores by √d_k, the size " +
      "of its own queries: Math.sqrt(Wq[h].cols).",
    fn: (X, Wq, Wk, Wv, Wo) => matmul(concatColumns(headOutputs(X, Wq, Wk, Wv, (h) => h, 1 / Math.sqrt(X.cols))), Wo),
  },
};

/** One head's slice of a full projection `(W, heads, head) => W[:, head·dk : (head+1)·dk]`, dk = W.cols / heads. */
export const headSliceMistakes: Record<"tookRows" | "headsAsHeadSize" | "everyHthColumn", Mistake<[W: Matrix, heads: number, head: number]>> = {
  tookRows: {
    id: "took-rows",
    message: "It looks like you cut out rows. W is d_model × d_model with one row per input feature, and each head " +
      "owns a block of its columns: columns head·d_k up to (head+1)·d_k, with d_k = W.cols / heads.",
    fn: (W, heads, head) => {
      const dk = W.rows / heads;
      return transpose(sliceColumns(transpose(W), head * dk, (head + 1) * dk)); // (dk, cols)
    },
  },
  headsAsHeadSize: {
    id: "heads-as-head-size",
    message: "It looks like you used the number of heads as the size of each head. Each head gets d_k = W.cols / " +
      "heads columns, so head k starts at column k·d_k.",
    fn: (W, heads, head) => sliceColumns(W, head * heads, (head + 1) * heads),
  },
  everyHthColumn: {
    id: "every-hth-column",
    message: "It looks like you gave the head every h-th column (head, head + h, head + 2h, …). Each head owns one " +
      "block of neighbouring columns: head·d_k up to (head+1)·d_k, with d_k = W.cols / heads.",
    fn: (W, heads, head) => concatColumns(Array.from({ length: W.cols / heads }, (_, t) => sliceColumns(W, head + t * heads, head + t * heads + 1))),
  },
};
