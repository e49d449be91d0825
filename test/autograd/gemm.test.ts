import { describe, expect, it } from "vitest";
import { rng } from "../../src/kernel/index.ts";
import { gemm, gemmReference, transposed } from "../../src/autograd/gemm.ts";

describe("gemm(A, B, C, n, k, m)", () => {
  it("gemm adds A·B to C like the plain loop, for sizes that are and aren't multiples of the tile", () => {
    const random = rng(3);
    for (const [n, k, m] of [[4, 2, 3], [5, 3, 7], [1, 1, 1], [9, 6, 4], [3, 5, 2], [8, 9, 13]]) {
      const A = Float64Array.from({ length: n * k }, () => random() - 0.5);
      const B = Float64Array.from({ length: k * m }, () => random() - 0.5);
      const C0 = Float64Array.from({ length: n * m }, () => random());
      const fast = C0.slice(), plain = C0.slice();
      gemm(A, B, fast, n, k, m);
      gemmReference(A, B, plain, n, k, m);
      plain.forEach((x, t) => expect(fast[t]).toBeCloseTo(x, 12));
    }
  });

  it("transposed(A, rows, cols) swaps rows and columns", () => {
    expect(Array.from(transposed(Float64Array.of(1, 2, 3, 4, 5, 6), 2, 3))).toEqual([1, 4, 2, 5, 3, 6]);
  });
});
