import { afterEach, describe, expect, test } from "vitest";
import { map, randn, transpose, zeros } from "../../src/kernel/index.ts";
import { matmul } from "../../src/kernel/matmul.ts";
import { matmulFast, matmulInto, matmulTransposedInto } from "../../src/kernel/matmul-fast.ts";
import { simd, simdTilesInto } from "../../src/kernel/wasm/matmul-simd.ts";
import { SHAPES, sameBits } from "./same.ts";

// Beyond SHAPES, products big enough for the WebAssembly tiles, with odd edges left over for JavaScript.
const LARGE: readonly (readonly [number, number, number])[] = [[21, 30, 19], [64, 64, 64], [101, 33, 66]];

afterEach(() => {
  simd.enabled = true;
});

describe.each([true, false])("with WebAssembly SIMD enabled: %s", (enabled) => {
  test.each([...SHAPES, ...LARGE])("matmulFast(a, b) equals matmul(a, b) bit for bit: (%i, %i) @ (%i, …)", (n, k, m) => {
    simd.enabled = enabled;
    const a = randn(n, k, n * 100 + k), b = randn(k, m, m * 100 + 7);
    expect(sameBits(matmulFast(a, b), matmul(a, b))).toBe(true);
    // Values far apart in size, where a different order of additions would round differently.
    const wide = map(a, (x, i, j) => x * 10 ** ((i + 3 * j) % 9 - 4));
    expect(sameBits(matmulFast(wide, b), matmul(wide, b))).toBe(true);
  });

  test.each([...SHAPES, ...LARGE])("matmulTransposedInto(a, b, out, scale) is matmul(a, bᵀ) · scale bit for bit: (%i, %i) @ (%i, …)ᵀ", (n, k, m) => {
    simd.enabled = enabled;
    const a = randn(n, k, n + 1), b = randn(m, k, m + 2), out = zeros(n, m);
    for (const scale of [1, 1 / Math.sqrt(k), 1e4, -0.5]) {
      matmulTransposedInto(a, b, out, scale);
      expect(sameBits(out, map(matmul(a, transpose(b)), (x) => x * scale))).toBe(true);
    }
  });

  test("matmulFast(a, b) passes Infinity and NaN on exactly as matmul does", () => {
    simd.enabled = enabled;
    const a = randn(36, 20, 1), b = randn(20, 37, 2);
    a.data[3] = Infinity;
    a.data[117] = -Infinity;
    b.data[20] = NaN;
    expect(sameBits(matmulFast(a, b), matmul(a, b))).toBe(true);
  });
});

describe("matmulFast", () => {
  test("matmulFast(a, b) names both shapes when the inner dimensions differ, as matmul does", () => {
    expect(() => matmulFast(randn(2, 3, 1), randn(4, 5, 1))).toThrow("matmul: inner dimensions differ: a is 2x3, b is 4x5");
    expect(() => matmulFast(randn(2, 3, 1), [[1]] as never)).toThrow("matmul: b must be a matrix, got an array");
  });

  test("matmulFast(a, b) gives the same answer after the WebAssembly memory grows", () => {
    const small = randn(20, 20, 1), big = randn(300, 200, 2), bigB = randn(200, 300, 3);
    const before = matmulFast(small, small);
    expect(sameBits(matmulFast(big, bigB), matmul(big, bigB))).toBe(true);
    expect(sameBits(matmulFast(small, small), before)).toBe(true);
  });
});

describe("matmulInto", () => {
  test("matmulInto(a, b, out) overwrites whatever out held", () => {
    const a = randn(5, 3, 1), b = randn(3, 6, 2), out = map(zeros(5, 6), () => 42);
    matmulInto(a, b, out);
    expect(sameBits(out, matmul(a, b))).toBe(true);
  });
});

describe("simdTilesInto", () => {
  test("simdTilesInto(...) runs on Node, which has WebAssembly SIMD", () => {
    const a = randn(4, 4, 1), out = zeros(4, 4);
    expect(simdTilesInto(a.data, a.data, out.data, { n4: 4, k: 4, m4: 4, m: 4 }, false, 1)).toBe(true);
    expect(sameBits(out, matmul(a, a))).toBe(true);
  });

  test("simdTilesInto(...) does nothing and says so when switched off", () => {
    simd.enabled = false;
    const a = randn(4, 4, 1), out = zeros(4, 4);
    expect(simdTilesInto(a.data, a.data, out.data, { n4: 4, k: 4, m4: 4, m: 4 }, false, 1)).toBe(false);
    expect(Array.from(out.data).every((x) => x === 0)).toBe(true);
  });
});
