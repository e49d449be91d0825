import { describe, expect, test } from "vitest";
import { floats } from "../../src/kernel/arena.ts";
import { attention, matmul, randn } from "../../src/kernel/index.ts";

describe("floats", () => {
  test("floats(n) is n zeros, and no two results share an entry, across many blocks", () => {
    const arrays: Float64Array[] = [];
    for (let t = 0; t < 3000; t++) {
      const n = 1 + ((t * 37) % 300);
      const x = floats(n);
      expect(x.length).toBe(n);
      expect(x.every((v) => v === 0)).toBe(true);
      x.fill(t + 1); // a piece handed out twice would be overwritten by a later fill
      arrays.push(x);
    }
    arrays.forEach((x, t) => expect(x.every((v) => v === t + 1)).toBe(true));
    // More than one 64 KiB block was used up, and pieces were cut side by side from each.
    expect(new Set(arrays.map((x) => x.buffer)).size).toBeGreaterThan(10);
  });

  test("floats(n) gives a large result a buffer of its own", () => {
    const big = floats(5000);
    expect(big.buffer.byteLength).toBe(8 * 5000);
    expect(big.byteOffset).toBe(0);
  });

  test("results of the kernel stay as they were while later calls run", () => {
    const Q = randn(16, 16, 1), K = randn(16, 16, 2), V = randn(16, 16, 3);
    const first = attention(Q, K, V), product = matmul(Q, K);
    const copies = [first.scores, first.weights, first.output, product].map((m) => m.data.slice());
    for (let t = 0; t < 200; t++) attention(randn(16, 16, t + 10), K, V);
    [first.scores, first.weights, first.output, product].forEach((m, t) => expect(m.data).toEqual(copies[t]));
  });
});
