import { describe, expect, it } from "vitest";
import * as kernel from "kernel";
import { compileLearnerCode, loadLearnerFunction, locateLearnerError } from "../../src/exercises/transform.ts";
import { timedRunner } from "../../src/exercises/node-runner.ts";

const modules = { kernel };

describe("compileLearnerCode", () => {
  it("compileLearnerCode strips TypeScript types and keeps line numbers", async () => {
    const out = await compileLearnerCode('import { type Matrix, matmul } from "kernel";\n\nexport function f(a: Matrix): Matrix {\n  return matmul(a, a);\n}\n');
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.js).not.toContain(": Matrix");
    expect(out.js.split("\n")[3]).toContain("return");
  });

  it("compileLearnerCode reports a syntax error with its line and column", async () => {
    const out = await compileLearnerCode("export function f(a: number {\n  return a;\n}");
    expect(out).toEqual({ ok: false, message: expect.stringMatching(/^Your code has a syntax error on line 1, column 29: /) });
  });

  it("compileLearnerCode finds the real line of an error inside an arrow function", async () => {
    const out = await compileLearnerCode("export const f = (a) => {\n  return a +;\n};");
    expect(out).toMatchObject({ ok: false, message: expect.stringContaining("line 2, column 13") });
  });
});

describe("loadLearnerFunction", () => {
  it("loadLearnerFunction returns the exported function, with the kernel as \"kernel\"", async () => {
    const code = 'import { matmul, transpose, type Matrix } from "kernel";\nexport function f(Q: Matrix, K: Matrix): Matrix {\n  return matmul(Q, transpose(K));\n}';
    const out = await loadLearnerFunction(code, "f", modules);
    expect(out.ok).toBe(true);
    if (out.ok) expect(kernel.toArray(out.fn(kernel.eye(2), kernel.eye(2)) as kernel.Matrix)).toEqual([[1, 0], [0, 1]]);
  });

  it("loadLearnerFunction accepts plain JavaScript and `export const` arrows", async () => {
    const out = await loadLearnerFunction("export const f = (x) => x * 2;", "f", modules);
    expect(out.ok && out.fn(21)).toBe(42);
  });

  it("loadLearnerFunction says which export is missing, and notices a function that is not exported", async () => {
    expect(await loadLearnerFunction("export function g() {}", "attentionWeights", modules)).toEqual({
      ok: false, message: "Your code must export a function named attentionWeights, as in export function attentionWeights(…).",
    });
    const notExported = await loadLearnerFunction("function attentionWeights() {}", "attentionWeights", modules);
    expect(notExported).toMatchObject({ ok: false, message: expect.stringContaining("you defined it, now put export in front") });
    expect(await loadLearnerFunction("export const f = 3;", "f", modules)).toMatchObject({ message: expect.stringContaining("it is a number, not a function") });
  });

  it("loadLearnerFunction rejects imports other than kernel with a clear message", async () => {
    const out = await loadLearnerFunction('import "lodash";\nexport function f() {}', "f", modules);
    expect(out).toEqual({ ok: false, message: expect.stringMatching(/^Your code imports from "lodash", which isn't available here\. Only imports from "kernel" work/) });
  });

  it("loadLearnerFunction reports a redeclared variable (which sucrase lets through) with its line", async () => {
    const out = await loadLearnerFunction("export function f() {\n  let x = 1;\n  let x = 2;\n}", "f", modules);
    expect(out).toMatchObject({ ok: false, message: expect.stringMatching(/syntax error on line 3, column \d+: Identifier 'x' has already been declared/) });
  });

  it("loadLearnerFunction reports an error thrown while the module loads, with its line", async () => {
    const out = await loadLearnerFunction("const a = null;\nconst b = a.x;\nexport function f() {}", "f", modules);
    expect(out).toMatchObject({ ok: false, message: expect.stringMatching(/^Your code threw an error while it was loading \(line 2\): Cannot read properties of null/) });
  });

  it("locateLearnerError finds the line of an error thrown by learner code", async () => {
    const out = await loadLearnerFunction("export function f(a) {\n  const b = 1;\n  return a.c.d;\n}", "f", modules);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    let error: unknown;
    try { out.fn({}); } catch (e) { error = e; }
    expect(locateLearnerError(error)).toBe(" (line 3)");
    expect(locateLearnerError(new Error("elsewhere"))).toBe("");
  });

  it("timedRunner stops an endless loop, in the module body or in a call", async () => {
    const run = timedRunner(100);
    const body = await loadLearnerFunction("while (true) {}\nexport function f() {}", "f", modules, run);
    expect(body).toMatchObject({ ok: false, message: expect.stringContaining("timed out") });
    const call = await loadLearnerFunction("export function f() { while (true) {} }", "f", modules, run);
    expect(call.ok).toBe(true);
    if (call.ok) expect(() => call.fn()).toThrow(/timed out/);
  });
});
