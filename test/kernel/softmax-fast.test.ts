import { describe, expect, test } from "vitest";
import { causalMask, map, matrix, randn, rng, toArray } from "../../src/kernel/index.ts";
import { softmax } from "../../src/kernel/softmax.ts";
import { expFast, softmaxFast, softmaxInto } from "../../src/kernel/softmax-fast.ts";
import { SHAPES, largestDifference, sameBits } from "./same.ts";

const ULP_OF_1 = Number.EPSILON; // 2^-52

describe("expFast", () => {
  test("expFast(x) is within 2 ulp of Math.exp(x) for x from -708 to 0", () => {
    const next = rng(7);
    let worst = 0;
    for (let t = 0; t < 200_000; t++) {
      // half the points spread over [-708, 0], half near 0 where softmax spends most of its time
      const x = t % 2 === 0 ? -708 * next() : -4 * next();
      const exact = Math.exp(x);
      worst = Math.max(worst, Math.abs(expFast(x) - exact) / exact);
    }
    expect(worst).toBeLessThan(2 * ULP_OF_1);
  });

  test("expFast(x) is exact at 0 and -Infinity, tiny below -708 and 0 below -745.2", () => {
    expect(expFast(0)).toBe(1);
    expect(expFast(-0)).toBe(1);
    expect(expFast(-Infinity)).toBe(0);
    expect(expFast(-745.3)).toBe(0);
    expect(expFast(-1e4)).toBe(0);
    for (const x of [-708.5, -720, -740, -745.1]) expect(Math.abs(expFast(x) - Math.exp(x))).toBeLessThan(1e-320);
  });

  test("expFast(x) hands x > 0 and NaN to Math.exp", () => {
    expect(expFast(1)).toBe(Math.E);
    expect(expFast(800)).toBe(Infinity);
    expect(expFast(NaN)).toBeNaN();
  });
});

describe("softmaxFast", () => {
  test.each(SHAPES)("softmaxFast(m) equals softmax(m) within 1e-15: (%i, %i)", (rows, cols) => {
    for (const size of [1, 30, 1e4]) {
      const m = map(randn(rows, cols, rows * 31 + cols), (x) => size * x);
      expect(largestDifference(softmaxFast(m), softmax(m))).toBeLessThan(1e-15);
    }
  });

  test("softmaxFast(m) handles -Infinity, all -Infinity, +Infinity and NaN rows as softmax does", () => {
    const m = matrix([
      [-Infinity, 0, -Infinity, 0],
      [-Infinity, -Infinity, -Infinity, -Infinity],
      [Infinity, 3, Infinity, -Infinity],
      [1, NaN, 2, 3],
      [NaN, -Infinity, -Infinity, -Infinity],
      [Infinity, NaN, 0, 1],
      [NaN, NaN, NaN, NaN],
      [1e4, -1e4, 0, 1e4],
      [-1e4, -1e4, -1e4, -1e4],
    ]);
    expect(toArray(softmaxFast(m))).toEqual(toArray(softmax(m)));
  });

  test("softmaxFast(m) of a causally masked matrix has no NaN and zeros above the diagonal", () => {
    const mask = causalMask(9);
    const m = map(randn(9, 9, 5), (x, i, j) => (mask.data[i * 9 + j] === 0 ? -Infinity : 1e4 * x));
    const y = softmaxFast(m);
    expect(y.data.some(Number.isNaN)).toBe(false);
    expect(largestDifference(y, softmax(m))).toBeLessThan(1e-15);
  });

  test("softmaxFast(m) names the op when m is not a matrix", () => {
    expect(() => softmaxFast([[1, 2]] as never)).toThrow("softmax: m must be a matrix, got an array");
  });
});

describe("softmaxInto", () => {
  test("softmaxInto(m, m) works in place", () => {
    const m = randn(7, 5, 3);
    const expected = softmaxFast(m);
    softmaxInto(m, m);
    expect(sameBits(m, expected)).toBe(true);
  });
});
