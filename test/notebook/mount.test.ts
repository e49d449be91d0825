// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import type { CompiledCell, CompiledLesson } from "../../src/lesson/types.ts";
import { mountLesson } from "../../src/notebook/index.ts";

function cell(id: string, name: string | null, inputs: string[], body: (...args: never[]) => unknown, line: number): CompiledCell {
  return { id, name, inputs, body, source: `${name ?? ""} = …`, hidden: false, inline: false, line };
}

function lesson(cells: CompiledCell[]): CompiledLesson {
  return {
    slug: "99-test", order: 99, title: "Test", summary: "", requires: [], path: "lessons/99-test/index.md",
    html: cells.map((c) => `<div class="cell" data-cell="${c.id}"></div>`).join("\n"),
    cells, exercises: [], outline: [],
  };
}

const text = (root: HTMLElement, id: string) => root.querySelector(`[data-cell="${id}"] .cell-output`)!.textContent;

describe("mountLesson", () => {
  it("mountLesson(root, lesson) computes cells from their inputs and shows their values", async () => {
    const root = document.createElement("div");
    const mounted = mountLesson(root, lesson([
      cell("a", "a", [], () => 3, 1),
      cell("b", "b", ["a"], ((a: number) => a * 2) as (...args: never[]) => unknown, 2),
    ]), { builtins: {} });
    expect(await mounted.settled()).toEqual([]);
    expect(await mounted.value("b")).toBe(6);
    expect(text(root, "b")).toContain("b = 6");
    mounted.dispose();
  });

  it("mountLesson(root, lesson) confines an error to its cell and names it in dependents", async () => {
    const root = document.createElement("div");
    const mounted = mountLesson(root, lesson([
      cell("bad", "bad", [], () => { throw new Error("boom"); }, 10),
      cell("dep", "dep", ["bad"], ((x: number) => x + 1) as (...args: never[]) => unknown, 20),
      cell("ok", "ok", [], () => 42, 30),
      cell("dep2", "dep2", ["dep"], ((x: number) => x + 1) as (...args: never[]) => unknown, 40),
    ]), { builtins: {} });
    const errors = await mounted.settled();
    expect(errors.map((e) => [e.cell.name, e.upstream, e.origin.name])).toEqual([
      ["bad", false, "bad"], ["dep", true, "bad"], ["dep2", true, "bad"],
    ]);
    expect(text(root, "dep2")).toBe("Waiting on `bad`, which failed (line 10): boom");
    expect(text(root, "bad")).toBe("Error in `bad` (line 10): boom");
    expect(text(root, "dep")).toBe("Waiting on `bad`, which failed (line 10): boom");
    expect(text(root, "ok")).toContain("ok = 42");
    mounted.dispose();
  });

  it("mountLesson(root, lesson) defines x from viewof x and recomputes dependents on input", async () => {
    const root = document.createElement("div");
    document.body.appendChild(root);
    const mounted = mountLesson(root, lesson([
      cell("v", "viewof n", [], () => Object.assign(document.createElement("input"), { type: "number", value: "2" }), 1),
      cell("sq", "sq", ["n"], ((n: string) => Number(n) ** 2) as (...args: never[]) => unknown, 2),
    ]), { builtins: {} });
    await mounted.settled();
    expect(await mounted.value("sq")).toBe(4);
    const input = root.querySelector("input")!;
    input.value = "5";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 100));
    await mounted.settled();
    expect(await mounted.value("sq")).toBe(25);
    mounted.dispose();
  });

  it("mountLesson(root, lesson) writes an inline value as text inside its sentence", async () => {
    const root = document.createElement("div");
    const inline: CompiledCell = { ...cell("n", null, [], () => 6, 3), inline: true };
    const l = { ...lesson([inline]), html: '<p>With <span class="inline-cell" data-cell="n"></span> tokens.</p>' };
    const mounted = mountLesson(root, l, { builtins: {} });
    await mounted.settled();
    expect(root.querySelector("p")!.textContent).toBe("With 6 tokens.");
    expect(root.querySelector("p div")).toBeNull();
    mounted.dispose();
  });
});
