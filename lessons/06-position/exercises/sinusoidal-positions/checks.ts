import { defineChecks } from "../../../../src/exercises/checks.ts";
import { positionMistakes as m } from "../../../../src/exercises/mistakes-lessons.ts";

export default defineChecks<[n: number, d: number]>({
  entry: "positionEncodings",
  axes: { rows: "position", cols: "column" },
  forbid: ["sinusoidalPositions"],
  // d = 4 is small enough for every frequency mix-up to show within 6 positions; d = 5 ends with a lone sine.
  cases: [
    { name: "6 positions, d = 4", args: () => [6, 4] },
    { name: "10 positions, d = 8", args: () => [10, 8] },
    { name: "3 positions, d = 5", args: () => [3, 5] },
  ],
  mistakes: [m.sinCosSwapped, m.positionsFromOne, m.columnIndexInExponent, m.doubledColumnIndex, m.multipliedByFrequency],
  properties: [{
    message: "Every entry of a sinusoidal encoding is a sine or a cosine, so it lies between -1 and 1.",
    holds: (PE) => PE.data.every((x) => Math.abs(x) <= 1 + 1e-12),
  }],
});
