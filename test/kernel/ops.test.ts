import { describe, expect, test } from "vitest";
import {
  ShapeError,
  add,
  allClose,
  col,
  concatCols,
  hadamard,
  map,
  matrix,
  mean,
  row,
  rowSums,
  scale,
  sliceCols,
  sub,
  toArray,
  variance,
} from "../../src/kernel/index.ts";

const a = matrix([[1, 2, 3], [4, 5, 6]]);

describe("ops", () => {
  test("add(a, b) adds entry by entry", () => {
    expect(toArray(add(a, matrix([[10, 20, 30], [40, 50, 60]])))).toEqual([[11, 22, 33], [44, 55, 66]]);
  });

  test("add(a, b) broadcasts a 1 x cols b over every row", () => {
    expect(toArray(add(a, matrix([[10, 20, 30]])))).toEqual([[11, 22, 33], [14, 25, 36]]);
  });

  test("add(a, b) names both shapes when they don't fit", () => {
    expect(() => add(a, matrix([[1, 2], [3, 4]]))).toThrow("add: b must be 2x3 or 1x3: a is 2x3, b is 2x2");
    expect(() => add(a, matrix([[1, 2], [3, 4]]))).toThrow(ShapeError);
  });

  test("sub(a, b) subtracts entry by entry, broadcasting a row", () => {
    expect(toArray(sub(a, a))).toEqual([[0, 0, 0], [0, 0, 0]]);
    expect(toArray(sub(a, matrix([[1, 1, 1]])))).toEqual([[0, 1, 2], [3, 4, 5]]);
  });

  test("hadamard(a, b) multiplies entry by entry", () => {
    expect(toArray(hadamard(a, a))).toEqual([[1, 4, 9], [16, 25, 36]]);
    expect(toArray(hadamard(a, matrix([[0, 1, -1]])))).toEqual([[0, 2, -3], [0, 5, -6]]);
  });

  test("scale(a, s) multiplies every entry by s", () => {
    expect(toArray(scale(a, -2))).toEqual([[-2, -4, -6], [-8, -10, -12]]);
    expect(() => scale(a, "2" as unknown as number)).toThrow('scale: s must be a number, got "2"');
  });

  test("map(a, f) applies f with the entry's row and column", () => {
    expect(toArray(map(a, (x) => x * x))).toEqual([[1, 4, 9], [16, 25, 36]]);
    expect(toArray(map(a, (x, i, j) => 10 * i + j))).toEqual([[0, 1, 2], [10, 11, 12]]);
    expect(() => map(a, 3 as unknown as () => number)).toThrow("map: f must be a function, got 3");
  });

  test("row(a, i) is row i as a 1 x cols matrix", () => {
    expect(toArray(row(a, 1))).toEqual([[4, 5, 6]]);
    expect(() => row(a, 2)).toThrow("row: i must be an integer from 0 to 1 for a 2x3 matrix, got 2");
  });

  test("col(a, j) is column j as a rows x 1 matrix", () => {
    expect(toArray(col(a, 2))).toEqual([[3], [6]]);
    expect(() => col(a, -1)).toThrow("col: j must be an integer from 0 to 2 for a 2x3 matrix, got -1");
  });

  test("concatCols(ms) lays matrices side by side", () => {
    expect(toArray(concatCols([matrix([[1], [2]]), matrix([[3, 4], [5, 6]])]))).toEqual([[1, 3, 4], [2, 5, 6]]);
    expect(toArray(concatCols([a]))).toEqual(toArray(a));
  });

  test("concatCols(ms) names the matrix with the wrong number of rows", () => {
    expect(() => concatCols([a, matrix([[1]])])).toThrow(
      "concatCols: ms[1] must have 2 rows like ms[0]: ms[0] is 2x3, ms[1] is 1x1",
    );
    expect(() => concatCols([])).toThrow("concatCols: expected at least one matrix");
  });

  test("sliceCols(a, start, end) takes columns start to end - 1", () => {
    expect(toArray(sliceCols(a, 1, 3))).toEqual([[2, 3], [5, 6]]);
    expect(toArray(sliceCols(a, 2))).toEqual([[3], [6]]);
    expect(() => sliceCols(a, 2, 2)).toThrow(
      "sliceCols: need 0 <= start < end <= 3 for a 2x3 matrix, got start 2, end 2",
    );
  });

  test("sliceCols(concatCols(ms), ...) gives back each piece", () => {
    const left = matrix([[1], [2]]), right = matrix([[3, 4], [5, 6]]);
    const both = concatCols([left, right]);
    expect(toArray(sliceCols(both, 0, 1))).toEqual(toArray(left));
    expect(toArray(sliceCols(both, 1, 3))).toEqual(toArray(right));
  });

  test("rowSums(a) sums each row into a rows x 1 matrix", () => {
    expect(toArray(rowSums(a))).toEqual([[6], [15]]);
  });

  test("mean(a) and variance(a) cover all entries; variance is the population variance", () => {
    // mean (1+...+6)/6 = 3.5; squared deviations 6.25, 2.25, 0.25, 0.25, 2.25, 6.25 sum to 17.5; / 6
    expect(mean(a)).toBe(3.5);
    expect(variance(a)).toBeCloseTo(17.5 / 6, 15);
    expect(variance(matrix([[5]]))).toBe(0);
  });

  test("allClose(a, b, tol) compares shapes and entries within tol", () => {
    expect(allClose(a, a)).toBe(true);
    expect(allClose(a, add(a, matrix([[1e-12, 0, 0]])))).toBe(true);
    expect(allClose(a, add(a, matrix([[1e-6, 0, 0]])))).toBe(false);
    expect(allClose(a, add(a, matrix([[1e-6, 0, 0]])), 1e-5)).toBe(true);
    expect(allClose(a, row(a, 0))).toBe(false);
  });

  test("allClose(a, b) is relative for large entries, matches equal infinities, and rejects NaN", () => {
    expect(allClose(matrix([[1e12]]), matrix([[1e12 + 1]]))).toBe(true);
    expect(allClose(matrix([[-Infinity, 1]]), matrix([[-Infinity, 1]]))).toBe(true);
    expect(allClose(matrix([[-Infinity]]), matrix([[Infinity]]))).toBe(false);
    expect(allClose(matrix([[Infinity]]), matrix([[1e300]]))).toBe(false);
    expect(allClose(matrix([[NaN]]), matrix([[NaN]]))).toBe(false);
  });
});
