import { describe, expect, test } from "vitest";
import {
  entropy,
  map,
  matrix,
  randn,
  rowSums,
  softmax,
  softmaxBackward,
  toArray,
} from "../../src/kernel/index.ts";
import { expectClose } from "./expect-close.ts";

describe("softmax", () => {
  test("softmax(m) of [0, ln 3] is [1/4, 3/4]", () => {
    // e^0 = 1, e^ln3 = 3, sum 4
    expectClose(softmax(matrix([[0, Math.log(3)]])), [[0.25, 0.75]]);
  });

  test("softmax(m) of equal scores is uniform, row by row", () => {
    expectClose(softmax(matrix([[0, 0, 0, 0], [5, 5, 5, 5]])), [[0.25, 0.25, 0.25, 0.25], [0.25, 0.25, 0.25, 0.25]]);
  });

  test("softmax(m) sums each row to 1", () => {
    const sums = toArray(rowSums(softmax(map(randn(5, 7, 1), (x) => 10 * x))));
    for (const [s] of sums) expect(s).toBeCloseTo(1, 14);
  });

  test("softmax(m) ignores a constant added to a row", () => {
    const m = randn(3, 4, 2);
    expectClose(softmax(map(m, (x) => x + 100)), toArray(softmax(m)));
  });

  test("softmax(m) is stable for large scores", () => {
    // [1000, 1001] behaves like [0, 1]: 1/(1+e) and e/(1+e)
    const e = Math.E;
    expectClose(softmax(matrix([[1000, 1001]])), [[1 / (1 + e), e / (1 + e)]]);
    expectClose(softmax(matrix([[1e4, -1e4]])), [[1, 0]]);
    expectClose(softmax(matrix([[-1e4, -1e4]])), [[0.5, 0.5]]);
  });

  test("softmax(m) gives -Infinity entries zero weight", () => {
    expectClose(softmax(matrix([[-Infinity, 0, -Infinity, 0]])), [[0, 0.5, 0, 0.5]]);
  });

  test("softmax(m) of a row of all -Infinity is a row of zeros", () => {
    expect(toArray(softmax(matrix([[-Infinity, -Infinity], [0, 0]])))).toEqual([[0, 0], [0.5, 0.5]]);
  });

  test("softmax(m) shares the weight among +Infinity entries, the limit of growing scores", () => {
    expect(toArray(softmax(matrix([[Infinity, 0, Infinity]])))).toEqual([[0.5, 0, 0.5]]);
  });

  test("softmax(m) passes NaN on instead of hiding it", () => {
    expect(toArray(softmax(matrix([[NaN, 0]])))[0].every(Number.isNaN)).toBe(true);
    expect(toArray(softmax(matrix([[NaN, NaN]])))[0].every(Number.isNaN)).toBe(true);
  });

  test("softmax(m) of a 1x1 matrix is [[1]]", () => {
    expect(toArray(softmax(matrix([[-42]])))).toEqual([[1]]);
  });

  test("softmax(m) names the op when m is not a matrix", () => {
    expect(() => softmax([[1, 2]] as unknown as never)).toThrow("softmax: m must be a matrix, got an array");
  });
});

describe("softmaxBackward", () => {
  test("softmaxBackward(y, dy) matches a hand computation", () => {
    // y = [1/4, 3/4], dy = [1, 0]: Σ dy·y = 1/4, dx = [1/4 · (1 - 1/4), 3/4 · (0 - 1/4)] = [3/16, -3/16]
    expectClose(softmaxBackward(matrix([[0.25, 0.75]]), matrix([[1, 0]])), [[3 / 16, -3 / 16]]);
  });

  test("softmaxBackward(y, dy) matches finite differences of softmax", () => {
    const x = randn(3, 5, 11), dy = randn(3, 5, 12);
    // L(x) = Σ dy ⊙ softmax(x), so ∂L/∂x is what softmaxBackward should return
    const loss = (m: typeof x): number => softmax(m).data.reduce((s, v, t) => s + v * dy.data[t], 0);
    const dx = softmaxBackward(softmax(x), dy);
    const h = 1e-6;
    for (let t = 0; t < x.data.length; t++) {
      const plus = map(x, (v, i, j) => (i * x.cols + j === t ? v + h : v));
      const minus = map(x, (v, i, j) => (i * x.cols + j === t ? v - h : v));
      expect(dx.data[t]).toBeCloseTo((loss(plus) - loss(minus)) / (2 * h), 8);
    }
  });

  test("softmaxBackward(y, dy) sums each row to 0, since softmax's outputs always sum to 1", () => {
    const dx = softmaxBackward(softmax(randn(4, 6, 1)), randn(4, 6, 2));
    for (const [s] of toArray(rowSums(dx))) expect(s).toBeCloseTo(0, 14);
  });

  test("softmaxBackward(y, dy) vanishes when softmax saturates", () => {
    // one-hot y: y_j (dy_j - dy_hot) is 0 for every j
    expect(toArray(softmaxBackward(softmax(matrix([[1e4, 0, -1e4]])), matrix([[1, 2, 3]])))).toEqual([[0, 0, 0]]);
  });

  test("softmaxBackward(y, dy) names both shapes when they differ", () => {
    expect(() => softmaxBackward(randn(2, 3, 1), randn(3, 2, 1))).toThrow(
      "softmaxBackward: dy must have the shape of y: y is 2x3, dy is 3x2",
    );
  });
});

describe("entropy", () => {
  test("entropy(p) of a uniform row over n is ln n, of a one-hot row is 0", () => {
    expectClose(entropy(matrix([[0.25, 0.25, 0.25, 0.25], [1, 0, 0, 0], [0.5, 0, 0.5, 0]])), [
      [Math.log(4)],
      [0],
      [Math.log(2)],
    ]);
  });

  test("entropy(p) of [1/4, 3/4] is -(1/4 ln 1/4 + 3/4 ln 3/4)", () => {
    expectClose(entropy(matrix([[0.25, 0.75]])), [[-(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75))]]);
  });
});
