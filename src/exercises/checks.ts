// What a lesson's checks.ts imports: `defineChecks`, the mistake catalogue and common properties.
import type { Matrix } from "kernel";
import type { CheckSpec, Property } from "./types.ts";

export { mistakes, attentionMistakes, attentionMistake, softmaxMistakes, type Recipe, type Flaw } from "./mistakes.ts";
export { farApartQK, farApartProjections, quarters, FAR_DK } from "./cases.ts";
export type { CheckSpec, CheckCase, Mistake, Property } from "./types.ts";

/**
 * Types a checks spec. Arguments are `Matrix[]` unless named, so inline mistakes get typed parameters:
 * `defineChecks({ entry: "double", cases, mistakes: [{ id, message, fn: (X) => scale(X, 3) }] })`;
 * for other arguments, `defineChecks<[Matrix, number]>({...})`.
 */
export function defineChecks<A extends unknown[] = Matrix[]>(spec: NoInfer<CheckSpec<A>>): CheckSpec<A> {
  return spec;
}

function everyRow(m: Matrix, test: (row: Float64Array) => boolean): boolean {
  for (let i = 0; i < m.rows; i++) if (!test(m.data.subarray(i * m.cols, (i + 1) * m.cols))) return false;
  return true;
}

/** Properties that many exercises share. */
export const properties = {
  rowsSumToOne: {
    message: "Each row of your weights should sum to 1 (one distribution over the keys per query), " +
      "but at least one row doesn't. Divide each entry by the sum of its row.",
    holds: (out: Matrix) => everyRow(out, (row) => Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-6),
  } satisfies Property<unknown[]>,
  inUnitInterval: {
    message: "Every weight should lie between 0 and 1, but some of yours don't. Softmax makes each entry " +
      "positive (exp) and at most 1 (divided by the row's sum).",
    holds: (out: Matrix) => out.data.every((x) => x >= 0 && x <= 1 + 1e-12),
  } satisfies Property<unknown[]>,
  /** Causal weights: every key after its query (j > i) has a weight of exactly 0, not merely a small one. */
  futureWeightsZero: {
    message: "Every key after its query (j > i) must get a weight of exactly 0, but at least one of yours is " +
      "small rather than 0. Set those scores to -Infinity before the softmax: e^-∞ is exactly 0, while e to " +
      "any finite number is not.",
    holds: (out: Matrix) => out.data.every((x, t) => t % out.cols <= Math.floor(t / out.cols) || x === 0),
  } satisfies Property<unknown[]>,
};
