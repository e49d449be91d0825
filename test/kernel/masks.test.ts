import { describe, expect, test } from "vitest";
import { ShapeError, causalMask, paddingMask, toArray } from "../../src/kernel/index.ts";

describe("masks", () => {
  test("causalMask(n) lets query i see keys 0..i", () => {
    expect(toArray(causalMask(3))).toEqual([[1, 0, 0], [1, 1, 0], [1, 1, 1]]);
    expect(toArray(causalMask(1))).toEqual([[1]]);
  });

  test("causalMask(n, m) is n x m, still with j <= i", () => {
    expect(toArray(causalMask(2, 4))).toEqual([[1, 0, 0, 0], [1, 1, 0, 0]]);
    expect(toArray(causalMask(3, 2))).toEqual([[1, 0], [1, 1], [1, 1]]);
  });

  test("causalMask(n, m) rejects sizes that are not positive integers", () => {
    expect(() => causalMask(0)).toThrow("causalMask: n must be a positive integer, got 0");
    expect(() => causalMask(2, 2.5)).toThrow("causalMask: m must be a positive integer, got 2.5");
    expect(() => causalMask(-1)).toThrow(ShapeError);
  });

  test("paddingMask(nq, nk, length) shows the first length keys to every query", () => {
    expect(toArray(paddingMask(2, 4, 3))).toEqual([[1, 1, 1, 0], [1, 1, 1, 0]]);
    expect(toArray(paddingMask(1, 2, 2))).toEqual([[1, 1]]);
    expect(toArray(paddingMask(1, 2, 0))).toEqual([[0, 0]]);
  });

  test("paddingMask(nq, nk, length) rejects a length outside 0..nk", () => {
    expect(() => paddingMask(2, 4, 5)).toThrow("paddingMask: length must be an integer from 0 to nk (4), got 5");
    expect(() => paddingMask(2, 4, -1)).toThrow(ShapeError);
    expect(() => paddingMask(0, 4, 1)).toThrow("paddingMask: nq must be a positive integer, got 0");
  });
});
