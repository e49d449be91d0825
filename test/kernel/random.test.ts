import { describe, expect, test } from "vitest";
import { mean, randn, rng, shape, toArray, variance } from "../../src/kernel/index.ts";

// The widely published mulberry32 (Tommy Ettinger), written independently of src/kernel/random.ts.
function mulberry32(a: number): () => number {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const draw = (next: () => number, n: number): number[] => Array.from({ length: n }, next);

describe("random", () => {
  test("rng(seed) follows the reference mulberry32 sequence", () => {
    expect(draw(rng(42), 1000)).toEqual(draw(mulberry32(42), 1000));
    expect(draw(rng(0), 10)).toEqual(draw(mulberry32(0), 10));
  });

  test("rng(seed) gives the same sequence for the same seed and a different one for another seed", () => {
    expect(draw(rng(7), 20)).toEqual(draw(rng(7), 20));
    expect(draw(rng(7), 20)).not.toEqual(draw(rng(8), 20));
  });

  test("rng(seed) stays in [0, 1) and spreads evenly", () => {
    const xs = draw(rng(3), 10000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    // a uniform [0, 1) has mean 1/2; the standard error of 10000 draws is 0.29 / 100 ≈ 0.003
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
  });

  test("rng(seed) accepts negative seeds and rejects non-integers", () => {
    expect(draw(rng(-1), 5)).toEqual(draw(rng(2 ** 32 - 1), 5)); // seeds are taken modulo 2^32
    expect(() => rng(0.5)).toThrow("rng: seed must be an integer, got 0.5");
    expect(() => rng("1" as unknown as number)).toThrow('rng: seed must be an integer, got "1"');
  });

  test("randn(rows, cols, seed) is deterministic for a seed", () => {
    expect(toArray(randn(3, 4, 1))).toEqual(toArray(randn(3, 4, 1)));
    expect(toArray(randn(3, 4, 1))).not.toEqual(toArray(randn(3, 4, 2)));
    expect(shape(randn(3, 3, 1))).toBe("3x3"); // an odd count uses half of the last Box-Muller pair
  });

  test("randn(rows, cols, rng) draws from the generator it is given", () => {
    expect(toArray(randn(2, 2, rng(5)))).toEqual(toArray(randn(2, 2, 5)));
    const next = rng(5);
    expect(toArray(randn(2, 2, next))).not.toEqual(toArray(randn(2, 2, next))); // the generator moved on
  });

  test("randn(rows, cols, seed) has mean ≈ 0 and variance ≈ 1 over 10000 draws", () => {
    const x = randn(100, 100, 123);
    // standard errors: mean 1/√10000 = 0.01, variance √(2/10000) ≈ 0.014; allow about 4 of them
    expect(Math.abs(mean(x))).toBeLessThan(0.04);
    expect(Math.abs(variance(x) - 1)).toBeLessThan(0.06);
    expect(x.data.every(Number.isFinite)).toBe(true);
  });

  test("randn(rows, cols, seedOrRng) validates its arguments", () => {
    expect(() => randn(0, 2, 1)).toThrow("randn: rows must be a positive integer, got 0");
    expect(() => randn(2, 2, 1.5)).toThrow(
      "randn: seedOrRng must be an integer seed or a generator like rng(1), got 1.5",
    );
  });
});
