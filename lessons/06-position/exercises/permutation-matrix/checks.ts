import { defineChecks } from "../../../../src/exercises/checks.ts";
import { permutationMistakes as m } from "../../../../src/exercises/mistakes-lessons.ts";

export default defineChecks<[order: number[]]>({
  entry: "permutationMatrix",
  axes: { rows: "row of P X", cols: "row of X" },
  // A swap is its own inverse, so the cases that tell P from Pᵀ are the rotations and the 4-cycle.
  cases: [
    { name: "order [2, 1, 0] (dog bites man → man bites dog)", args: () => [[2, 1, 0]] },
    { name: "order [1, 2, 0] (first word moved to the end)", args: () => [[1, 2, 0]] },
    { name: "order [3, 0, 1, 2]", args: () => [[3, 0, 1, 2]] },
  ],
  mistakes: [m.transposed],
  properties: [{
    message: "Every row and every column of a permutation matrix holds exactly one 1 and zeros elsewhere.",
    holds: (P) => Array.from({ length: P.rows }, (_, i) => i).every((i) => {
      let row = 0, col = 0;
      for (let j = 0; j < P.cols; j++) { row += P.data[i * P.cols + j]; col += P.data[j * P.cols + i]; }
      return row === 1 && col === 1 && P.data.every((x) => x === 0 || x === 1);
    }),
  }],
});
