// The catalogue of known mistakes, shared by every exercise. Each mistake is the correct computation with
// one flaw, so the engine can recognise a learner's output by recomputing the flawed version.
import { causalMask, map, matmul, scale, softmax, transpose, type Matrix } from "kernel";
import type { Mistake } from "./types.ts";

/** What an attention-shaped entry `(Q, K, V?, mask?)` computes when it is right. */
export interface Recipe {
  /** The stage the entry returns: Q·Kᵀ (scaled or not), softmax of it, or weights · V. */
  returns: "scores" | "weights" | "output";
  /** Divide the scores by √d_k; default true, except when `returns` is "scores". */
  scaled?: boolean;
  /** No mask (default); a 0/1 mask as the last argument (1 = may see); or a causal mask. */
  mask?: "none" | "argument" | "causal";
}

/** One flaw in an attention computation; each has its own message. */
export type Flaw =
  | "kqt" | "forgotTranspose" | "forgotScale" | "dividedByDk" | "scaledScores" | "appliedSoftmax" | "softmaxWrongAxis"
  | "noMaxSubtraction" | "maskedAfterSoftmax" | "maskedWithZero" | "invertedMask" | "causalOffByOne"
  | "forgotValues";

/** The learner-facing message of every flaw (whole sentences with the next step). */
export const flawMessages: Record<Flaw | "forgotToNormalize", string> = {
  kqt: "It looks like you computed K·Qᵀ instead of Q·Kᵀ. Each query is a row of Q, so Q comes first: " +
    "matmul(Q, transpose(K)) gives one row per query and one column per key.",
  forgotTranspose: "It looks like you multiplied Q by K without transposing K. Q is n_q × d_k and K is n_k × d_k, " +
    "so the inner sizes only match once K is transposed: matmul(Q, transpose(K)).",
  forgotScale: "It looks like you forgot to scale the scores. Divide Q·Kᵀ by √d_k, the square root of the " +
    "number of columns of Q, before the softmax.",
  dividedByDk: "It looks like you divided the scores by d_k instead of √d_k. Use Math.sqrt(Q.cols): the square " +
    "root is what keeps the scores' spread near 1.",
  scaledScores: "It looks like you scaled the scores by 1/√d_k. This exercise asks for the raw dot products Q·Kᵀ; " +
    "scaling comes later.",
  appliedSoftmax: "It looks like you applied softmax to the scores. This exercise asks for the raw scores Q·Kᵀ; " +
    "leave the softmax for the next step.",
  softmaxWrongAxis: "Your weights sum to 1 down each column; softmax should run across each row (over the keys), " +
    "so that each query's weights sum to 1.",
  noMaxSubtraction: "Your softmax gives NaN when the scores are large: exp(1000) is Infinity, and Infinity / Infinity " +
    "is NaN. Subtract each row's largest value before Math.exp; it cancels out and keeps exp from overflowing.",
  forgotToNormalize: "It looks like you took exp of each score but didn't divide by the row's sum. Divide every " +
    "entry by the sum of its row so that each row sums to 1.",
  maskedAfterSoftmax: "It looks like you applied the mask after the softmax, so each row of weights no longer sums " +
    "to 1. Set the masked scores to -Infinity before the softmax instead.",
  maskedWithZero: "It looks like you set masked scores to 0 instead of -Infinity. A score of 0 still gets a weight " +
    "of e⁰ in the softmax; use -Infinity so that masked keys get exactly zero weight.",
  invertedMask: "It looks like your mask is inverted: you hid the keys that should be visible and kept the hidden " +
    "ones. A 1 in the mask means the query may see that key.",
  causalOffByOne: "Your causal mask is off by one: query i should see keys 0 to i, including its own position " +
    "(j ≤ i), not only the earlier ones.",
  forgotValues: "It looks like you returned the attention weights instead of the output. Multiply the weights " +
    "by the values: matmul(weights, V).",
};

/** Stable ids of the catalogue's mistakes, by flaw name. */
export const mistakeIds: Record<Flaw | "forgotToNormalize", string> = {
  kqt: "k-q-transpose", forgotTranspose: "forgot-transpose", forgotScale: "forgot-scale", dividedByDk: "divided-by-dk", scaledScores: "scaled-scores",
  appliedSoftmax: "applied-softmax", softmaxWrongAxis: "softmax-wrong-axis", noMaxSubtraction: "no-max-subtraction",
  forgotToNormalize: "forgot-to-normalize", maskedAfterSoftmax: "masked-after-softmax",
  maskedWithZero: "masked-with-zero", invertedMask: "inverted-mask", causalOffByOne: "causal-off-by-one",
  forgotValues: "forgot-values",
};

/** Softmax over each column instead of each row. */
export function columnSoftmax(m: Matrix): Matrix {
  return transpose(softmax(transpose(m))); // (r, c) -> (c, r) -> softmax rows -> (r, c)
}

/** Softmax without subtracting the row max: exp overflows to Infinity and the row becomes NaN. */
export function naiveSoftmax(m: Matrix): Matrix {
  const e = map(m, Math.exp);
  const sums = rowValues(e, (row) => row.reduce((a, b) => a + b, 0));
  return map(e, (x, i) => x / sums[i]);
}

/** exp(x - row max) without dividing by the row's sum. */
export function unnormalizedSoftmax(m: Matrix): Matrix {
  const maxes = rowValues(m, (row) => row.reduce((a, b) => Math.max(a, b), -Infinity));
  return map(m, (x, i) => Math.exp(x - maxes[i]));
}

function rowValues(m: Matrix, f: (row: Float64Array) => number): number[] {
  return Array.from({ length: m.rows }, (_, i) => f(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
}

/** The recipe's computation with one flaw (or none), on arguments `(Q, K, V?, mask?)`. */
export function flawedAttention(recipe: Recipe, flaw: Flaw | null, args: readonly Matrix[]): Matrix {
  const [Q, K] = args;
  const V = recipe.returns === "output" ? args[2] : undefined;
  const scaled = recipe.scaled ?? recipe.returns !== "scores";
  const dk = Q.cols;
  // (nq, d) @ (d, nk) -> (nq, nk); K·Qᵀ gives (nk, nq); Q·K throws unless d = nk, as the learner's would
  let scores = flaw === "kqt" ? matmul(K, transpose(Q)) : flaw === "forgotTranspose" ? matmul(Q, K) : matmul(Q, transpose(K));
  const factor = flaw === "forgotScale" ? 1 : flaw === "dividedByDk" ? 1 / dk
    : scaled || flaw === "scaledScores" ? 1 / Math.sqrt(dk) : 1;
  scores = scale(scores, factor);
  let visible = maskOf(recipe, flaw, args, scores.rows, scores.cols);
  if (visible && flaw === "invertedMask") visible = map(visible, (x) => 1 - x);
  if (visible && flaw !== "maskedAfterSoftmax") {
    const fill = flaw === "maskedWithZero" ? 0 : -Infinity;
    const keep = visible;
    scores = map(scores, (x, i, j) => (keep.data[i * keep.cols + j] === 0 ? fill : x));
  }
  if (recipe.returns === "scores" && flaw !== "appliedSoftmax") return scores;
  let weights = flaw === "softmaxWrongAxis" ? columnSoftmax(scores)
    : flaw === "noMaxSubtraction" ? naiveSoftmax(scores) : softmax(scores);
  if (visible && flaw === "maskedAfterSoftmax") {
    const keep = visible;
    weights = map(weights, (x, i, j) => (keep.data[i * keep.cols + j] === 0 ? 0 : x));
  }
  if (recipe.returns !== "output" || flaw === "forgotValues") return weights;
  return matmul(weights, V as Matrix); // (nq, nk) @ (nk, dv) -> (nq, dv)
}

function maskOf(recipe: Recipe, flaw: Flaw | null, args: readonly Matrix[], rows: number, cols: number): Matrix | null {
  if (recipe.mask === "argument") return args[args.length - 1];
  if (recipe.mask !== "causal") return null;
  if (flaw !== "causalOffByOne") return causalMask(rows, cols);
  return map(causalMask(rows, cols), (_, i, j) => (j < i ? 1 : 0)); // forgot the diagonal: j < i
}

/** A Mistake for an attention-shaped entry `(Q, K, V?, mask?)` that computes `recipe` with `flaw`. */
export function attentionMistake(recipe: Recipe, flaw: Flaw): Mistake<Matrix[]> {
  return { id: mistakeIds[flaw], message: flawMessages[flaw], fn: (...args: Matrix[]) => flawedAttention(recipe, flaw, args) };
}

/** Every attention flaw as a Mistake for one recipe: `attentionMistakes({ returns: "output" }).forgotScale`. */
export function attentionMistakes(recipe: Recipe): Record<Flaw, Mistake<Matrix[]>> {
  const flaws = Object.keys(mistakeIds).filter((f) => f !== "forgotToNormalize") as Flaw[];
  return Object.fromEntries(flaws.map((f) => [f, attentionMistake(recipe, f)])) as Record<Flaw, Mistake<Matrix[]>>;
}

/** Mistakes for a row-wise softmax entry `(X) => Matrix` (typed Matrix[] like every catalogue mistake). */
export const softmaxMistakes: Record<"wrongAxis" | "noMaxSubtraction" | "forgotToNormalize", Mistake<Matrix[]>> = {
  wrongAxis: { id: mistakeIds.softmaxWrongAxis, message: flawMessages.softmaxWrongAxis, fn: (x) => columnSoftmax(x) },
  noMaxSubtraction: { id: mistakeIds.noMaxSubtraction, message: flawMessages.noMaxSubtraction, fn: (x) => naiveSoftmax(x) },
  forgotToNormalize: {
    id: mistakeIds.forgotToNormalize, message: flawMessages.forgotToNormalize, fn: (x) => unnormalizedSoftmax(x),
  },
};

/** The catalogue: `mistakes.attention(recipe).kqt`, `mistakes.softmax.wrongAxis`. */
export const mistakes = { attention: attentionMistakes, softmax: softmaxMistakes };

// ---------------------------------------------------------------------------------------------------
// Lessons 05–07 (self and cross attention, position, multi-head). Each group names its entry's
// arguments; the flawed versions are written with plain matmul and softmax, as a learner would, so a
// mistake that throws throws the same shape error the learner's code does. (Imported under other names
// so that this block can't clash with names later added to the import at the top.)
import { concatCols as concatColumns, sliceCols as sliceColumns, zeros as zeroMatrix } from "kernel";

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
  return Object.fromEntries(flaws.map((flaw) => [flaw, {
    id: mistakeIds[flaw],
    message: flawMessages[flaw],
    fn: (X: Matrix, Wq: Matrix, Wk: Matrix, Wv: Matrix) => flawedAttention(recipe, flaw, project(X, Wq, Wk, Wv)),
  }])) as Record<Flaw, Mistake<SelfArgs>>;
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
