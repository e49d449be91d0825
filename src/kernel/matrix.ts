// The one data type of the kernel: a dense matrix of float64s stored row by row.
// Everything else (vectors, masks, scores) is a Matrix too: a vector is 1 x n or n x 1.

import { ShapeError, checkSize, describe } from "./errors.ts";

/** A rows x cols matrix; the entry at row i, column j is `data[i * cols + j]` (row-major). */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** True if x has positive integer `rows` and `cols` and a Float64Array of exactly rows * cols numbers. */
export function isMatrix(x: unknown): x is Matrix {
  if (typeof x !== "object" || x === null) return false;
  const { rows, cols, data } = x as { rows?: unknown; cols?: unknown; data?: unknown };
  return (
    typeof rows === "number" && Number.isInteger(rows) && rows >= 1 &&
    typeof cols === "number" && Number.isInteger(cols) && cols >= 1 &&
    data instanceof Float64Array && data.length === rows * cols
  );
}

/** Throws a TypeError naming the op and argument unless x is a Matrix. */
export function checkMatrix(op: string, name: string, x: unknown): asserts x is Matrix {
  if (isMatrix(x)) return;
  // The commonest slip is passing number[][] where a Matrix is expected: say how to fix it.
  const hint = Array.isArray(x) ? " (wrap nested arrays with matrix(...))" : "";
  throw new TypeError(`${op}: ${name} must be a matrix, got ${describe(x)}${hint}`);
}

/** The shape as "rows x cols" without spaces, as error messages print it: `shape(zeros(2, 3))` is "2x3". */
export function shape(a: Matrix): string {
  return `${a.rows}x${a.cols}`;
}

/** A matrix from nested arrays, one inner array per row: `matrix([[1, 2], [3, 4]])`. */
export function matrix(rows: readonly (readonly number[])[]): Matrix {
  if (!Array.isArray(rows)) throw new TypeError(`matrix: expected an array of rows, got ${describe(rows)}`);
  if (rows.length === 0) throw new ShapeError("matrix: expected at least one row, got an empty array");
  const cols = Array.isArray(rows[0]) ? rows[0].length : 0;
  const data = new Float64Array(rows.length * cols);
  for (let i = 0; i < rows.length; i++) {
    const r: unknown = rows[i];
    if (!Array.isArray(r)) {
      const hint = typeof r === "number" ? " (for a single row write matrix([[1, 2, 3]]))" : "";
      throw new TypeError(`matrix: row ${i} must be an array of numbers, got ${describe(r)}${hint}`);
    }
    if (r.length === 0) throw new ShapeError(`matrix: row ${i} is empty`);
    if (r.length !== cols) {
      const values = r.length === 1 ? "value" : "values";
      throw new ShapeError(`matrix: row ${i} has ${r.length} ${values}, expected ${cols} (row 0 has ${cols})`);
    }
    for (let j = 0; j < cols; j++) {
      const v: unknown = r[j];
      if (typeof v !== "number") {
        throw new TypeError(`matrix: row ${i}, column ${j} must be a number, got ${describe(v)}`);
      }
      data[i * cols + j] = v;
    }
  }
  return { rows: rows.length, cols, data };
}

/** The entries as nested arrays, one per row: the inverse of `matrix`. */
export function toArray(m: Matrix): number[][] {
  checkMatrix("toArray", "m", m);
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

/** A rows x cols matrix of zeros. */
export function zeros(rows: number, cols: number): Matrix {
  checkSize("zeros", "rows", rows);
  checkSize("zeros", "cols", cols);
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** A rows x cols matrix holding a copy of `data` read row by row: `fromFlat(2, 2, [1, 2, 3, 4])`. */
export function fromFlat(rows: number, cols: number, data: ArrayLike<number>): Matrix {
  checkSize("fromFlat", "rows", rows);
  checkSize("fromFlat", "cols", cols);
  if (data === null || typeof data !== "object" || typeof data.length !== "number") {
    throw new TypeError(`fromFlat: data must be an array of numbers, got ${describe(data)}`);
  }
  if (data.length !== rows * cols) {
    throw new ShapeError(`fromFlat: data has ${data.length} values, expected ${rows * cols} (${rows}x${cols})`);
  }
  // A copy, so that later writes to the caller's array don't change the matrix.
  return { rows, cols, data: Float64Array.from(data) };
}

/** The n x n identity matrix: ones on the diagonal, zeros elsewhere. */
export function eye(n: number): Matrix {
  checkSize("eye", "n", n);
  const out = zeros(n, n);
  for (let i = 0; i < n; i++) out.data[i * n + i] = 1;
  return out;
}

/** The transpose: rows become columns, `out[j][i] = a[i][j]`. */
export function transpose(a: Matrix): Matrix {
  checkMatrix("transpose", "a", a);
  const out = zeros(a.cols, a.rows); // (r, c) -> (c, r)
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) out.data[j * a.rows + i] = a.data[i * a.cols + j];
  }
  return out;
}
