import { randn, type Matrix } from "kernel";
import { defineChecks } from "../../../../src/exercises/checks.ts";
import { headSliceMistakes as m } from "../../../../src/exercises/mistakes-lessons.ts";

export default defineChecks<[W: Matrix, heads: number, head: number]>({
  entry: "headColumns",
  axes: { rows: "input feature", cols: "column of the block" },
  // d_k ≠ h in every case (so the two can't be confused unnoticed), and head ≥ 1 where blocks and strides differ.
  cases: [
    { name: "d_model = 8, 2 heads, head 1", args: (r) => [randn(8, 8, r), 2, 1] },
    { name: "d_model = 12, 3 heads, head 2", args: (r) => [randn(12, 12, r), 3, 2] },
    { name: "d_model = 6, 3 heads, head 0", args: (r) => [randn(6, 6, r), 3, 0] },
  ],
  mistakes: [m.tookRows, m.headsAsHeadSize, m.everyHthColumn],
});
