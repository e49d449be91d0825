// The catalogue of known mistakes, shared by every exercise. Each mistake is the correct computation with
// one flaw, so the engine can recognise a learner's output by recomputing the flawed version.
import { causalMask, map, matmul, scale, softmax, transpose, type Matrix } from "kernel";
import { negativeLogGrid } from "./fit.ts";
import type { Mistake, MistakeFamily } from "./types.ts";

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
  | "noMaxSubtraction" | "maskedAfterSoftmax" | "maskedWithZero" | "maskedWithFinite" | "maskedWithPenalty"
  | "invertedMask" | "causalOffByOne" | "forgotValues";

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
  noMaxSubtraction: "Your softmax gives NaN when the scores are far from 0: exp(1000) is Infinity (and Infinity / " +
    "Infinity is NaN), exp(-1000) is 0 (and 0 / 0 is NaN). Subtract each row's largest value before Math.exp; it " +
    "cancels out, and the largest entry becomes exp(0) = 1, so exp can neither overflow nor leave only zeros.",
  forgotToNormalize: "It looks like you took exp of each score but didn't divide by the row's sum. Divide every " +
    "entry by the sum of its row so that each row sums to 1.",
  maskedAfterSoftmax: "It looks like you applied the mask after the softmax, so each row of weights no longer sums " +
    "to 1. Set the masked scores to -Infinity before the softmax instead.",
  maskedWithZero: "It looks like you set masked scores to 0 instead of -Infinity. A score of 0 still gets a weight " +
    "of e⁰ in the softmax; use -Infinity so that masked keys get exactly zero weight.",
  maskedWithFinite: "It looks like you hid the masked keys with a large negative number (such as -20 or -1e9) " +
    "instead of -Infinity. A finite score still gets a weight of e^(score − max): tiny while the other scores are " +
    "near 0, but never 0, and as large as any other weight when the visible scores are very negative too. Use " +
    "-Infinity, so that a hidden key gets a weight of exactly 0 whatever the other scores are.",
  maskedWithPenalty: "It looks like you hid the masked keys by subtracting a large number from their scores " +
    "(x - 1e9, an additive mask) instead of replacing them with -Infinity. A hidden key whose own score is large " +
    "enough still gets weight, and no hidden weight is ever exactly 0. Set every hidden score to -Infinity.",
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
  maskedWithZero: "masked-with-zero", maskedWithFinite: "masked-with-finite", maskedWithPenalty: "masked-with-penalty",
  invertedMask: "inverted-mask", causalOffByOne: "causal-off-by-one",
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

/** The free number of the fill flaws: the constant hidden scores become, or the amount subtracted from them. */
const FILLS: Partial<Record<Flaw, { example: number; values: number[]; examples: number[] }>> = {
  maskedWithFinite: { example: -1e9, values: negativeLogGrid(-1, 15), examples: [-10, -20, -30, -100, -1e4, -1e9] },
  maskedWithPenalty: { example: 1e9, values: negativeLogGrid(-1, 15).map((v) => -v), examples: [1e4, 1e9] },
};

/** The one-parameter family of a fill flaw, computed by `attention(value, args)`, or undefined for other flaws. */
export function fillFamily<A extends unknown[]>(flaw: Flaw, attention: (value: number, args: A) => Matrix): MistakeFamily<A> | undefined {
  const fill = FILLS[flaw];
  return fill && { fn: (value, ...args) => attention(value, args), values: fill.values, examples: fill.examples };
}

/**
 * The recipe's computation with one flaw (or none), on arguments `(Q, K, V?, mask?)`; `value` is the fill
 * flaws' constant (a hidden score of `value`, or `x - value`), by default their example.
 */
export function flawedAttention(recipe: Recipe, flaw: Flaw | null, args: readonly Matrix[], value?: number): Matrix {
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
    const c = value ?? (flaw ? FILLS[flaw]?.example : undefined) ?? 0;
    const hide = flaw === "maskedWithZero" ? () => 0 : flaw === "maskedWithFinite" ? () => c
      : flaw === "maskedWithPenalty" ? (x: number) => x - c : () => -Infinity;
    const keep = visible;
    scores = map(scores, (x, i, j) => (keep.data[i * keep.cols + j] === 0 ? hide(x) : x));
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
  const family = fillFamily<Matrix[]>(flaw, (value, args) => flawedAttention(recipe, flaw, args, value));
  return {
    id: mistakeIds[flaw], message: flawMessages[flaw], fn: (...args: Matrix[]) => flawedAttention(recipe, flaw, args),
    ...(family ? { family } : {}),
  };
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

