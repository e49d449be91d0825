import { describe, expect, test } from "vitest";
import { ShapeError, eye, matmul, matrix, randn, toArray, transpose } from "../../src/kernel/index.ts";

describe("matmul", () => {
  test("matmul(a, b) multiplies 2x2 matrices", () => {
    // [1 2; 3 4] [5 6; 7 8]: 1·5+2·7 = 19, 1·6+2·8 = 22, 3·5+4·7 = 43, 3·6+4·8 = 50
    expect(toArray(matmul(matrix([[1, 2], [3, 4]]), matrix([[5, 6], [7, 8]])))).toEqual([[19, 22], [43, 50]]);
  });

  test("matmul(a, b) of a (2, 3) and a (3, 1) is (2, 1)", () => {
    // 1 - 3 = -2, 4 - 6 = -2
    expect(toArray(matmul(matrix([[1, 2, 3], [4, 5, 6]]), matrix([[1], [0], [-1]])))).toEqual([[-2], [-2]]);
  });

  test("matmul(a, b) of a row and a column is their dot product", () => {
    expect(toArray(matmul(matrix([[1, 2, 3]]), matrix([[4], [5], [6]])))).toEqual([[32]]);
  });

  test("matmul(a, eye(n)) is a", () => {
    const a = randn(3, 4, 1);
    expect(toArray(matmul(a, eye(4)))).toEqual(toArray(a));
    expect(toArray(matmul(eye(3), a))).toEqual(toArray(a));
  });

  test("matmul(a, b) transposed is matmul(bᵀ, aᵀ)", () => {
    const a = randn(2, 3, 1), b = randn(3, 4, 2);
    const left = toArray(transpose(matmul(a, b)));
    const right = toArray(matmul(transpose(b), transpose(a)));
    left.forEach((r, i) => r.forEach((x, j) => expect(x).toBeCloseTo(right[i][j], 12)));
  });

  test("matmul(a, b) names both shapes when the inner dimensions differ", () => {
    expect(() => matmul(randn(2, 3, 1), randn(4, 5, 1))).toThrow("matmul: inner dimensions differ: a is 2x3, b is 4x5");
    expect(() => matmul(randn(2, 3, 1), randn(4, 5, 1))).toThrow(ShapeError);
  });

  test("matmul(a, b) names the argument that is not a matrix", () => {
    expect(() => matmul(randn(2, 3, 1), [[1]] as unknown as never)).toThrow(
      "matmul: b must be a matrix, got an array (wrap nested arrays with matrix(...))",
    );
    expect(() => matmul(undefined as unknown as never, randn(2, 3, 1))).toThrow("matmul: a must be a matrix, got undefined");
  });
});
