import { causalMask, map, matmul, randn, type Matrix } from "kernel";
import { defineChecks } from "../../../../src/exercises/checks.ts";
import { flawMessages, mistakeIds } from "../../../../src/exercises/mistakes.ts";

/** W X, where row t of W is `weight(t, s)` for every s. */
const averaged = (X: Matrix, weight: (t: number, s: number) => number): Matrix =>
  matmul(map(causalMask(X.rows), (_, t, s) => weight(t, s)), X); // (T, T) @ (T, C) -> (T, C)

export default defineChecks({
  entry: "averagePast",
  axes: { rows: "token", cols: "channel" },
  // T ≠ C, so averaging over the channels has the wrong numbers and the transposed result the wrong shape.
  cases: [
    { name: "5 tokens, 3 channels", args: (r) => [randn(5, 3, r)] },
    { name: "4 tokens, 2 channels", args: (r) => [randn(4, 2, r)] },
    { name: "3 tokens, 6 channels", args: (r) => [randn(3, 6, r)] },
  ],
  mistakes: [
    {
      id: "averaged-everything",
      message: "Every row of your result is the average of all the tokens, including the ones after it. A token " +
        "may only listen to itself and the tokens before it: row t averages rows 0 to t.",
      fn: (X) => averaged(X, () => 1 / X.rows),
    },
    {
      id: "averaged-the-future",
      message: "Your row t averages rows t to the end: the token and the ones after it. Turn it around: row t " +
        "averages rows 0 to t, the past.",
      fn: (X) => averaged(X, (t, s) => (s >= t ? 1 / (X.rows - t) : 0)),
    },
    {
      id: "summed-not-averaged",
      message: "It looks like you added up rows 0 to t but didn't divide by how many there are. Divide row t's " +
        "sum by t + 1.",
      fn: (X) => averaged(X, (t, s) => (s <= t ? 1 : 0)),
    },
    {
      id: "divided-by-t",
      message: "Your averages are a little too large: row t sums t + 1 rows (0 to t), so divide by t + 1, not by " +
        "t (counting from 0, that divides row 0 by zero).",
      fn: (X) => averaged(X, (t, s) => (s <= t ? 1 / t : 0)), // row 0 becomes ±Infinity, as the learner's does
    },
    {
      id: mistakeIds.causalOffByOne,
      message: flawMessages.causalOffByOne,
      fn: (X) => averaged(X, (t, s) => (s < t ? 1 / t : 0)),
    },
  ],
});
