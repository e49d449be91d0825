// Small element-wise and slicing helpers. Lessons use them to build things by hand, and the autograd
// builds its ops on them. Each returns a new matrix; none changes its arguments.

import { ShapeError, checkNumber, describe } from "./errors.ts";
import { type Matrix, checkMatrix, shape, zeros } from "./matrix.ts";

// The one broadcasting rule of the kernel: b has the shape of a, or b is a single row (1 x cols)
// applied to every row of a, as when adding a bias to each row of X W.
function elementwise(op: string, a: Matrix, b: Matrix, f: (x: number, y: number) => number): Matrix {
  checkMatrix(op, "a", a);
  checkMatrix(op, "b", b);
  const sameShape = a.rows === b.rows && a.cols === b.cols;
  const rowOfB = b.rows === 1 && b.cols === a.cols;
  if (!sameShape && !rowOfB) {
    throw new ShapeError(`${op}: b must be ${shape(a)} or 1x${a.cols}: a is ${shape(a)}, b is ${shape(b)}`);
  }
  const out = zeros(a.rows, a.cols);
  for (let i = 0; i < a.rows; i++) {
    const bi = sameShape ? i : 0; // the row of b that meets row i of a
    for (let j = 0; j < a.cols; j++) out.data[i * a.cols + j] = f(a.data[i * a.cols + j], b.data[bi * a.cols + j]);
  }
  return out;
}

/** a + b, entry by entry; b may be one row (1 x cols), added to every row of a. */
export function add(a: Matrix, b: Matrix): Matrix {
  return elementwise("add", a, b, (x, y) => x + y);
}

/** a − b, entry by entry; b may be one row (1 x cols), subtracted from every row of a. */
export function sub(a: Matrix, b: Matrix): Matrix {
  return elementwise("sub", a, b, (x, y) => x - y);
}

/** a ⊙ b, the entry-by-entry (Hadamard) product; b may be one row (1 x cols), applied to every row. */
export function hadamard(a: Matrix, b: Matrix): Matrix {
  return elementwise("hadamard", a, b, (x, y) => x * y);
}

/** s · a, every entry multiplied by the number s. */
export function scale(a: Matrix, s: number): Matrix {
  checkMatrix("scale", "a", a);
  if (typeof s !== "number") throw new TypeError(`scale: s must be a number, got ${describe(s)}`);
  return map(a, (x) => x * s);
}

/** A matrix of f(a[i][j], i, j): `map(a, Math.tanh)`, `map(a, (x, i, j) => (j <= i ? x : 0))`. */
export function map(a: Matrix, f: (x: number, i: number, j: number) => number): Matrix {
  checkMatrix("map", "a", a);
  if (typeof f !== "function") throw new TypeError(`map: f must be a function, got ${describe(f)}`);
  const out = zeros(a.rows, a.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) out.data[i * a.cols + j] = f(a.data[i * a.cols + j], i, j);
  }
  return out;
}

function checkIndex(op: string, name: string, k: unknown, size: number, a: Matrix): asserts k is number {
  if (typeof k !== "number" || !Number.isInteger(k) || k < 0 || k >= size) {
    throw new ShapeError(`${op}: ${name} must be an integer from 0 to ${size - 1} for a ${shape(a)} matrix, got ${String(k)}`);
  }
}

/** Row i of a, as a 1 x cols matrix. */
export function row(a: Matrix, i: number): Matrix {
  checkMatrix("row", "a", a);
  checkIndex("row", "i", i, a.rows, a);
  return { rows: 1, cols: a.cols, data: a.data.slice(i * a.cols, (i + 1) * a.cols) };
}

/** Column j of a, as a rows x 1 matrix. */
export function col(a: Matrix, j: number): Matrix {
  checkMatrix("col", "a", a);
  checkIndex("col", "j", j, a.cols, a);
  const out = zeros(a.rows, 1);
  for (let i = 0; i < a.rows; i++) out.data[i] = a.data[i * a.cols + j];
  return out;
}

/** The matrices side by side, [m0 | m1 | ...]; all must have the same number of rows. */
export function concatCols(ms: readonly Matrix[]): Matrix {
  if (!Array.isArray(ms) || ms.length === 0) throw new ShapeError("concatCols: expected at least one matrix");
  ms.forEach((m, k) => checkMatrix("concatCols", `ms[${k}]`, m));
  const rows = ms[0].rows;
  ms.forEach((m, k) => {
    if (m.rows !== rows) {
      throw new ShapeError(`concatCols: ms[${k}] must have ${rows} rows like ms[0]: ms[0] is ${shape(ms[0])}, ms[${k}] is ${shape(m)}`);
    }
  });
  const cols = ms.reduce((sum, m) => sum + m.cols, 0);
  const out = zeros(rows, cols);
  let offset = 0; // where the next matrix's first column lands
  for (const m of ms) {
    for (let i = 0; i < rows; i++) out.data.set(m.data.subarray(i * m.cols, (i + 1) * m.cols), i * cols + offset);
    offset += m.cols;
  }
  return out;
}

/** Columns start (inclusive) to end (exclusive) of a, like Array.prototype.slice; end defaults to a.cols. */
export function sliceCols(a: Matrix, start: number, end: number = a.cols): Matrix {
  checkMatrix("sliceCols", "a", a);
  const valid = Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= a.cols;
  if (!valid) {
    throw new ShapeError(`sliceCols: need 0 <= start < end <= ${a.cols} for a ${shape(a)} matrix, got start ${String(start)}, end ${String(end)}`);
  }
  const out = zeros(a.rows, end - start);
  for (let i = 0; i < a.rows; i++) out.data.set(a.data.subarray(i * a.cols + start, i * a.cols + end), i * out.cols);
  return out;
}

/** The sum of each row, as a rows x 1 matrix. */
export function rowSums(a: Matrix): Matrix {
  checkMatrix("rowSums", "a", a);
  const out = zeros(a.rows, 1);
  for (let i = 0; i < a.rows; i++) {
    let sum = 0;
    for (let j = 0; j < a.cols; j++) sum += a.data[i * a.cols + j];
    out.data[i] = sum;
  }
  return out;
}

/** The mean of all entries. */
export function mean(a: Matrix): number {
  checkMatrix("mean", "a", a);
  let sum = 0;
  for (const x of a.data) sum += x;
  return sum / a.data.length;
}

/** The population variance of all entries: the mean of (x − mean)². */
export function variance(a: Matrix): number {
  const mu = mean(a);
  let sum = 0;
  for (const x of a.data) sum += (x - mu) * (x - mu);
  return sum / a.data.length;
}

/**
 * True if a and b have the same shape and every pair of entries is within tol, measured relative to the
 * larger magnitude once that passes 1: |x − y| <= tol · max(1, |x|, |y|). Equal infinities count as close;
 * NaN is close to nothing.
 */
export function allClose(a: Matrix, b: Matrix, tol = 1e-9): boolean {
  checkMatrix("allClose", "a", a);
  checkMatrix("allClose", "b", b);
  checkNumber("allClose", "tol", tol);
  if (a.rows !== b.rows || a.cols !== b.cols) return false;
  for (let t = 0; t < a.data.length; t++) {
    const x = a.data[t], y = b.data[t];
    if (x === y) continue; // also covers matching infinities, where x - y would be NaN
    // An infinity is only close to itself; without this check tol · Infinity would accept anything.
    if (!Number.isFinite(x) || !Number.isFinite(y)) return false;
    if (!(Math.abs(x - y) <= tol * Math.max(1, Math.abs(x), Math.abs(y)))) return false;
  }
  return true;
}
