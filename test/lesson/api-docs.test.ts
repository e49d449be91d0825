import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as kernel from "kernel";
import { extractApi, firstSentence } from "../../src/lesson/api-docs.ts";

const api = extractApi("src/kernel/index.ts");
const entry = (name: string) => api.find((e) => e.name === name)!;

describe("extractApi", () => {
  it("extractApi(src/kernel/index.ts) lists every export of the kernel, values and types", () => {
    const values = Object.keys(kernel);
    expect(api.map((e) => e.name)).toEqual(expect.arrayContaining(values));
    // The type-only exports, from the index's own text.
    const index = readFileSync("src/kernel/index.ts", "utf8");
    const types = [
      ...[...index.matchAll(/[{,]\s*type (\w+)/g)].map((m) => m[1]), // export { type Matrix, … }
      ...[...index.matchAll(/export type \{([^}]*)\}/g)].flatMap((m) => m[1].split(",").map((n) => n.trim())),
    ];
    expect(types.length).toBeGreaterThan(3);
    expect(api.map((e) => e.name)).toEqual(expect.arrayContaining(types));
    expect(api.length).toBe(new Set([...values, ...types]).size);
  });

  it("extractApi gives a function its signature, doc, summary and example from its TSDoc", () => {
    const softmax = entry("softmax");
    expect(softmax).toMatchObject({ kind: "function", signature: "softmax(m: Matrix): Matrix", file: "src/kernel/softmax.ts" });
    expect(softmax.doc).toContain("A row of all -Infinity");
    expect(softmax.example).toBe("softmax(matrix([[0, Math.log(3)]])) // [[0.25, 0.75]]");
    expect(entry("sliceCols").signature).toBe("sliceCols(a: Matrix, start: number, end?: number): Matrix");
  });

  it("extractApi documents a fast path by its plain twin: matmul is matmul.ts's, not matmulFast's", () => {
    expect(readFileSync("src/kernel/index.ts", "utf8")).toContain("matmulFast as matmul");
    const matmul = entry("matmul");
    expect(matmul.file).toBe("src/kernel/matmul.ts");
    expect(matmul.signature).toBe("matmul(a: Matrix, b: Matrix): Matrix");
    expect(matmul.doc).not.toMatch(/SIMD|bench/);
  });

  it("extractApi names kinds: interfaces with their members, classes", () => {
    expect(entry("Matrix")).toMatchObject({ kind: "interface" });
    expect(entry("Matrix").signature).toContain("readonly data: Float64Array;");
    expect(entry("ShapeError")).toMatchObject({ kind: "class", signature: "class ShapeError" });
  });

  it("firstSentence stops at the first full stop", () => {
    expect(firstSentence("One thing. Another.")).toBe("One thing.");
    expect(firstSentence("no stop")).toBe("no stop");
  });
});
