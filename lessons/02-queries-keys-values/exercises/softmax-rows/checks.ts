import { map, randn } from "kernel";
import { defineChecks, properties, softmaxMistakes } from "../../../../src/exercises/checks.ts";

export default defineChecks({
  entry: "softmaxRows",
  axes: { rows: "row", cols: "column" },
  // More rows than columns and the other way round, so that a softmax down the columns shows;
  // scores near 1000, so that a softmax without the max subtraction overflows.
  cases: [
    { name: "3 rows of 5 scores", args: (r) => [randn(3, 5, r)] },
    { name: "4 rows of 2 scores", args: (r) => [randn(4, 2, r)] },
    { name: "large scores, near 1000", args: (r) => [map(randn(2, 4, r), (x) => 1000 + 10 * x)] },
  ],
  forbid: ["softmax", "attention", "multiHeadAttention"],
  mistakes: [softmaxMistakes.wrongAxis, softmaxMistakes.noMaxSubtraction, softmaxMistakes.forgotToNormalize],
  properties: [properties.rowsSumToOne, properties.inUnitInterval],
});
