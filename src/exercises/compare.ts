// Comparing matrices the way the verdict engine needs: shapes, tolerance, NaN, and small previews.
import { isMatrix, type Matrix } from "kernel";
import type { MatrixPreview } from "./types.ts";

/** Largest corner of a matrix sent to the page for drawing (rows and columns). */
export const MAX_PREVIEW = 24;

/** True if a and b agree within `tol` relative to b; equal infinities agree; NaN never does. */
export function isClose(a: number, b: number, tol: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= tol * (1 + Math.abs(b));
}

/** Like isClose, but NaN agrees with NaN: used to match a learner's output against a known mistake. */
function isSame(a: number, b: number, tol: number): boolean {
  return (Number.isNaN(a) && Number.isNaN(b)) || isClose(a, b, tol);
}

/** True if both have one shape and every entry agrees (NaN with NaN). */
export function matchesMatrix(a: Matrix, b: Matrix, tol: number): boolean {
  if (a.rows !== b.rows || a.cols !== b.cols) return false;
  for (let t = 0; t < a.data.length; t++) if (!isSame(a.data[t], b.data[t], tol)) return false;
  return true;
}

/** Where two matrices of one shape differ: the cell that differs most, and how many cells differ. */
export interface Difference {
  row: number;
  col: number;
  expected: number;
  actual: number;
  /** |actual − expected| / (1 + |expected|), the measure the tolerance bounds (Infinity for ±Infinity). */
  size: number;
  /** How many cells are outside the tolerance, of `total`. */
  count: number;
  total: number;
}

/** The cell where `actual` differs most from `expected` (same shape assumed), or null when none differs. */
export function largestDifference(expected: Matrix, actual: Matrix, tol: number): Difference | null {
  let worst = -1, size = -1, count = 0;
  for (let t = 0; t < expected.data.length; t++) {
    const a = actual.data[t], b = expected.data[t];
    if (isClose(a, b, tol)) continue;
    count++;
    const s = Number.isFinite(a) && Number.isFinite(b) ? Math.abs(a - b) / (1 + Math.abs(b)) : Infinity;
    if (s > size) { size = s; worst = t; }
  }
  if (worst < 0) return null;
  const row = Math.floor(worst / expected.cols), col = worst % expected.cols;
  return { row, col, expected: expected.data[worst], actual: actual.data[worst], size, count, total: expected.data.length };
}

/** Index of the first NaN in `actual` where `expected` has none, or -1. */
export function firstNaN(expected: Matrix, actual: Matrix): number {
  for (let t = 0; t < actual.data.length; t++) {
    if (Number.isNaN(actual.data[t]) && !Number.isNaN(expected.data[t])) return t;
  }
  return -1;
}

/** "3x5", as the kernel's errors print shapes. */
export function shapeOf(m: { rows: number; cols: number }): string {
  return `${m.rows}x${m.cols}`;
}

/** The top-left corner of m (at most MAX_PREVIEW square) as plain numbers, cheap to post to the page. */
export function preview(m: Matrix, max = MAX_PREVIEW): MatrixPreview {
  const shownRows = Math.min(m.rows, max), shownCols = Math.min(m.cols, max);
  const data: number[] = [];
  for (let i = 0; i < shownRows; i++) {
    for (let j = 0; j < shownCols; j++) data.push(m.data[i * m.cols + j]);
  }
  return { rows: m.rows, cols: m.cols, data, shownRows, shownCols };
}

/** Says in plain words what a non-Matrix return value is, for the learner. */
export function describeValue(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) {
    return Array.isArray(x[0]) ? "an array of arrays" : "an array";
  }
  if (x instanceof Float64Array) return "a Float64Array";
  if (typeof (x as { then?: unknown } | undefined)?.then === "function") return "a Promise";
  if (typeof x === "object") {
    const m = x as { rows?: unknown; cols?: unknown; data?: unknown };
    if ("rows" in m && "cols" in m && "data" in m) return "an object that looks like a Matrix but isn't a valid one";
    return "an object";
  }
  if (typeof x === "number") return `the number ${x}`;
  return `a ${typeof x}`;
}

export { isMatrix };

/** A number for a message: short (`digits` significant digits), and readable for NaN and infinities. */
export function formatNumber(x: number, digits = 4): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  if (x === 0) return "0";
  const abs = Math.abs(x);
  return abs >= 1e5 || abs < 1e-4 ? x.toExponential(digits - 1) : String(Number(x.toPrecision(digits)));
}

/**
 * Two different numbers written with just enough digits to look different: "0.40231" and "0.40235",
 * never "0.4023" twice. Up to 17 significant digits, which tells any two doubles apart.
 */
export function formatPair(a: number, b: number): [string, string] {
  for (let digits = 4; digits < 17; digits++) {
    const pair: [string, string] = [formatNumber(a, digits), formatNumber(b, digits)];
    if (pair[0] !== pair[1]) return pair;
  }
  return [formatNumber(a, 17), formatNumber(b, 17)];
}
