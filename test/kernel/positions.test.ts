import { describe, expect, test } from "vitest";
import { shape, sinusoidalPositions, toArray } from "../../src/kernel/index.ts";
import { expectClose } from "./expect-close.ts";

describe("sinusoidalPositions", () => {
  test("sinusoidalPositions(n, d) row 0 alternates sin 0 = 0 and cos 0 = 1", () => {
    expect(toArray(sinusoidalPositions(1, 4))).toEqual([[0, 1, 0, 1]]);
  });

  test("sinusoidalPositions(n, d) matches hand values", () => {
    // d = 4: columns 0, 1 use p / 10000^0 = p; columns 2, 3 use p / 10000^(2/4) = p / 100
    expectClose(sinusoidalPositions(3, 4), [
      [0, 1, 0, 1],
      [Math.sin(1), Math.cos(1), Math.sin(0.01), Math.cos(0.01)],
      [Math.sin(2), Math.cos(2), Math.sin(0.02), Math.cos(0.02)],
    ]);
  });

  test("sinusoidalPositions(n, d) with odd d ends with a sine", () => {
    // d = 3: column 2 is sin(p / 10000^(2/3))
    const pe = toArray(sinusoidalPositions(2, 3));
    expect(shape(sinusoidalPositions(2, 3))).toBe("2x3");
    expect(pe[1][0]).toBeCloseTo(Math.sin(1), 15);
    expect(pe[1][1]).toBeCloseTo(Math.cos(1), 15);
    expect(pe[1][2]).toBeCloseTo(Math.sin(1 / Math.pow(10000, 2 / 3)), 15);
  });

  test("sinusoidalPositions(n, d) pairs lie on the unit circle", () => {
    for (const r of toArray(sinusoidalPositions(10, 8))) {
      for (let j = 0; j < 8; j += 2) expect(r[j] ** 2 + r[j + 1] ** 2).toBeCloseTo(1, 14);
    }
  });

  test("sinusoidalPositions(n, d) rejects sizes that are not positive integers", () => {
    expect(() => sinusoidalPositions(0, 4)).toThrow("sinusoidalPositions: n must be a positive integer, got 0");
    expect(() => sinusoidalPositions(4, 2.5)).toThrow("sinusoidalPositions: d must be a positive integer, got 2.5");
  });
});
