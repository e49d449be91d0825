// Shared by the fast-path tests: how far a fast result is from the plain reference it must reproduce.

import type { Matrix } from "../../src/kernel/index.ts";

/**
 * The largest difference between a and b, entry by entry, relative to max(1, |x|, |y|); 0 where both are
 * the same infinity or both NaN, Infinity where only one is NaN or infinite, or the shapes differ.
 */
export function largestDifference(a: Matrix, b: Matrix): number {
  if (a.rows !== b.rows || a.cols !== b.cols) return Infinity;
  let worst = 0;
  for (let t = 0; t < a.data.length; t++) {
    const x = a.data[t], y = b.data[t];
    if (x === y || (Number.isNaN(x) && Number.isNaN(y))) continue;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return Infinity;
    worst = Math.max(worst, Math.abs(x - y) / Math.max(1, Math.abs(x), Math.abs(y)));
  }
  return worst;
}

/** True if a and b hold the same bits: the same shape and entries, NaN where NaN, -0 where -0. */
export function sameBits(a: Matrix, b: Matrix): boolean {
  return a.rows === b.rows && a.cols === b.cols && a.data.every((x, t) => Object.is(x, b.data[t]));
}

/** Odd and even shapes, from 1x1 up, that exercise the tiles and the edges they leave over. */
export const SHAPES: readonly (readonly [number, number, number])[] = [
  [1, 1, 1], [1, 5, 1], [5, 3, 1], [5, 3, 7], [2, 4, 4], [3, 5, 2], [4, 8, 4],
  [16, 16, 16], [17, 13, 9], [13, 17, 31], [33, 8, 30], [64, 17, 65],
];
