// Shared by the kernel tests: compare a matrix with hand-computed nested arrays, entry by entry.

import { expect } from "vitest";
import { type Matrix, shape, toArray } from "../../src/kernel/index.ts";

/** Expects `actual` to have the shape of `expected` and each entry within 10^-digits / 2 of it. */
export function expectClose(actual: Matrix, expected: number[][], digits = 12): void {
  expect(shape(actual)).toBe(`${expected.length}x${expected[0].length}`);
  const a = toArray(actual);
  expected.forEach((row, i) =>
    row.forEach((x, j) => {
      // Infinities and NaN must match exactly; toBeCloseTo can't compare them.
      if (Number.isFinite(x)) expect(a[i][j], `entry [${i}][${j}]`).toBeCloseTo(x, digits);
      else expect(a[i][j], `entry [${i}][${j}]`).toBe(x);
    }),
  );
}
