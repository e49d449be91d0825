import type { MatrixInput } from "./types.ts";

/** Copies a matrix into nested arrays, checking it is rectangular and not empty. */
export function toRows(m: MatrixInput, op: string): number[][] {
  if (isNested(m)) {
    if (m.length === 0 || m[0].length === 0) throw new Error(`${op}: matrix is empty`);
    const cols = m[0].length;
    m.forEach((row, i) => {
      if (row.length !== cols) throw new Error(`${op}: row ${i} has ${row.length} values, expected ${cols}`);
    });
    return m.map((row) => Array.from(row));
  }
  const { rows, cols, data } = m;
  if (rows < 1 || cols < 1) throw new Error(`${op}: matrix is empty (${rows}x${cols})`);
  if (data.length !== rows * cols) throw new Error(`${op}: data has ${data.length} values, expected ${rows}x${cols}`);
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => data[i * cols + j]));
}

function isNested(m: MatrixInput): m is readonly (readonly number[])[] {
  return Array.isArray(m);
}

/** Checks that a label list has one label per row or column, or makes index labels. */
export function checkLabels(labels: readonly string[] | undefined, n: number, op: string, what: string): string[] {
  if (labels === undefined) return Array.from({ length: n }, (_, i) => String(i));
  if (labels.length !== n) throw new Error(`${op}: ${what} has ${labels.length} labels, expected ${n}`);
  return [...labels];
}

/** 0, 1, …, n − 1: band-scale domains use indices so repeated tokens stay separate. */
export function indices(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
