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

/** The first cell where `actual` differs from `expected` (same shape assumed), or null. */
export function firstDifference(
  expected: Matrix, actual: Matrix, tol: number,
): { row: number; col: number; expected: number; actual: number } | null {
  for (let t = 0; t < expected.data.length; t++) {
    if (!isClose(actual.data[t], expected.data[t], tol)) {
      const row = Math.floor(t / expected.cols), col = t % expected.cols;
      return { row, col, expected: expected.data[t], actual: actual.data[t] };
    }
  }
  return null;
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

/** A number for a message: short, and readable for NaN and infinities. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
  if (x === 0) return "0";
  const abs = Math.abs(x);
  return abs >= 1e5 || abs < 1e-4 ? x.toExponential(3) : String(Number(x.toPrecision(4)));
}
