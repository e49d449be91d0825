import { describe, expect, test } from "vitest";
import {
  ShapeError,
  eye,
  fromFlat,
  isMatrix,
  matrix,
  shape,
  toArray,
  transpose,
  zeros,
} from "../../src/kernel/index.ts";

describe("matrix", () => {
  test("matrix(rows) stores the entries row by row", () => {
    const m = matrix([[1, 2, 3], [4, 5, 6]]);
    expect(m.rows).toBe(2);
    expect(m.cols).toBe(3);
    expect(m.data).toBeInstanceOf(Float64Array);
    expect(Array.from(m.data)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test("matrix(rows) keeps -Infinity, which masked scores need", () => {
    expect(toArray(matrix([[-Infinity, 0]]))).toEqual([[-Infinity, 0]]);
  });

  test("matrix(rows) throws on a ragged row, naming it", () => {
    expect(() => matrix([[1, 2], [3]])).toThrow("matrix: row 1 has 1 value, expected 2 (row 0 has 2)");
    expect(() => matrix([[1], [2, 3, 4]])).toThrow("matrix: row 1 has 3 values, expected 1 (row 0 has 1)");
    expect(() => matrix([[1, 2], [3]])).toThrow(ShapeError);
  });

  test("matrix(rows) throws on empty input", () => {
    expect(() => matrix([])).toThrow("matrix: expected at least one row, got an empty array");
    expect(() => matrix([[]])).toThrow("matrix: row 0 is empty");
    expect(() => matrix([[1], []])).toThrow("matrix: row 1 is empty");
  });

  test("matrix(rows) throws on entries that are not numbers or rows that are not arrays", () => {
    expect(() => matrix([[1, "2" as unknown as number]])).toThrow('matrix: row 0, column 1 must be a number, got "2"');
    expect(() => matrix([1, 2] as unknown as number[][])).toThrow(
      "matrix: row 0 must be an array of numbers, got 1 (for a single row write matrix([[1, 2, 3]]))",
    );
    expect(() => matrix(undefined as unknown as number[][])).toThrow(TypeError);
  });

  test("toArray(m) inverts matrix(rows)", () => {
    const rows = [[1, -2], [3.5, 0], [7, 8]];
    expect(toArray(matrix(rows))).toEqual(rows);
  });

  test("zeros(rows, cols) is all zeros", () => {
    expect(toArray(zeros(2, 3))).toEqual([[0, 0, 0], [0, 0, 0]]);
  });

  test("zeros(rows, cols) rejects sizes that are not positive integers", () => {
    expect(() => zeros(0, 3)).toThrow("zeros: rows must be a positive integer, got 0");
    expect(() => zeros(2, -1)).toThrow("zeros: cols must be a positive integer, got -1");
    expect(() => zeros(1.5, 2)).toThrow("zeros: rows must be a positive integer, got 1.5");
    expect(() => zeros(2, "3" as unknown as number)).toThrow('zeros: cols must be a number, got "3"');
  });

  test("fromFlat(rows, cols, data) reads data row by row and copies it", () => {
    const data = [1, 2, 3, 4, 5, 6];
    const m = fromFlat(3, 2, data);
    data[0] = 99;
    expect(toArray(m)).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(() => fromFlat(2, 3, [1, 2])).toThrow("fromFlat: data has 2 values, expected 6 (2x3)");
  });

  test("eye(n) has ones on the diagonal", () => {
    expect(toArray(eye(3))).toEqual([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
    expect(() => eye(0)).toThrow("eye: n must be a positive integer, got 0");
  });

  test("shape(a) prints rows x cols", () => {
    expect(shape(zeros(2, 3))).toBe("2x3");
  });

  test("isMatrix(x) accepts matrices and rejects look-alikes", () => {
    expect(isMatrix(zeros(1, 1))).toBe(true);
    expect(isMatrix({ rows: 1, cols: 2, data: new Float64Array(2) })).toBe(true);
    expect(isMatrix([[1, 2]])).toBe(false);
    expect(isMatrix({ rows: 1, cols: 2, data: new Float64Array(3) })).toBe(false);
    expect(isMatrix({ rows: 1, cols: 2, data: [1, 2] })).toBe(false);
    expect(isMatrix(null)).toBe(false);
    expect(isMatrix(undefined)).toBe(false);
  });

  test("transpose(a) swaps rows and columns", () => {
    expect(toArray(transpose(matrix([[1, 2, 3], [4, 5, 6]])))).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(toArray(transpose(matrix([[7]])))).toEqual([[7]]);
  });

  test("transpose(a) names the op when a is not a matrix, with a hint for nested arrays", () => {
    expect(() => transpose([[1]] as unknown as never)).toThrow(
      "transpose: a must be a matrix, got an array (wrap nested arrays with matrix(...))",
    );
    expect(() => toArray(null as unknown as never)).toThrow("toArray: m must be a matrix, got null");
  });

  test("ShapeError is an Error named ShapeError", () => {
    const error = (() => {
      try {
        zeros(0, 1);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ShapeError);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe("ShapeError");
  });
});
