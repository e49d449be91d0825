import { describe, expect, it } from "vitest";
import { importChange } from "../../src/exercises/kernel-help.ts";

describe("importChange", () => {
  it("importChange adds a name to the kernel import, once", () => {
    const code = 'import { zeros, type Matrix } from "kernel";\n';
    expect(importChange(code, "softmax")).toEqual({ from: code.indexOf("{") + 1, insert: " softmax," });
    expect(importChange(code, "zeros")).toBeNull();
  });

  it("importChange writes an import when there is none, and leaves a namespace import alone", () => {
    expect(importChange("export function f() {}\n", "matmul")).toEqual({ from: 0, insert: 'import { matmul } from "kernel";\n' });
    expect(importChange('import * as k from "kernel";\n', "matmul")).toBeNull();
  });
});
