import { describe, expect, it } from "vitest";
import { builtinValues } from "../../src/notebook/builtins.ts";
import { BUILTIN_NAMES, LIBRARY_NAMES } from "../../src/notebook/names.ts";
import * as kernel from "../../src/kernel/index.ts";

describe("builtins", () => {
  it("builtinValues() defines exactly the names the compiler knows (less the runtime's own)", () => {
    const runtimeOwn = new Set(["invalidation", "visibility"]);
    const compilerNames = BUILTIN_NAMES.filter((n) => !runtimeOwn.has(n)).sort();
    expect(Object.keys(builtinValues()).sort()).toEqual(compilerNames);
  });

  it("builtinValues() exposes every kernel export under its own name", () => {
    const values = builtinValues();
    for (const [name, value] of Object.entries(kernel)) expect(values[name], name).toBe(value);
  });

  it("LIBRARY_NAMES includes Plot, Inputs, d3, html and tex", () => {
    for (const name of ["Plot", "Inputs", "d3", "html", "tex"]) expect(LIBRARY_NAMES).toContain(name);
  });
});
