// @vitest-environment happy-dom
// Every lesson compiles through the real Vite plugin, mounts on the real runtime, and every cell
// fulfils: no cell in error. Then a few of each lesson's claims are checked against the kernel.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { CompiledLesson } from "../../src/lesson/types.ts";
import { mountLesson, type MountedLesson } from "../../src/notebook/index.ts";
import { matmul, toArray, type Matrix } from "../../src/kernel/index.ts";

const modules = import.meta.glob<CompiledLesson>("/lessons/*/index.md", { import: "default" });

// Nothing here reaches the network: a lesson that fetches (08 asks for its trained models) gets a 404,
// whatever happens to listen on the machine, and must say so in place. 08's own test serves the models.
beforeEach(() => {
  vi.stubGlobal("fetch", async () => new Response("not found", { status: 404 }));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

async function mount(path: string): Promise<{ lesson: CompiledLesson; root: HTMLElement; mounted: MountedLesson }> {
  const lesson = await modules[path]();
  const root = document.createElement("div");
  document.body.appendChild(root);
  const mounted = mountLesson(root, lesson);
  return { lesson, root, mounted };
}

describe.each(Object.keys(modules))("%s", (path) => {
  it("mounts with every cell fulfilled", async () => {
    const { lesson, root, mounted } = await mount(path);
    const errors = await mounted.settled();
    expect(errors.map((e) => `line ${e.cell.line}: ${e.message}`)).toEqual([]);
    expect(lesson.cells.length).toBeGreaterThan(0);
    // Every cell placeholder got an output.
    for (const cell of lesson.cells) {
      expect(root.querySelector(`[data-cell="${cell.id}"]`), `placeholder for line ${cell.line}`).not.toBeNull();
    }
    mounted.dispose();
  });
});

describe("02-queries-keys-values", () => {
  const path = "/lessons/02-queries-keys-values/index.md";

  it("weights are softmax rows and the output is weights · V", async () => {
    const { mounted } = await mount(path);
    await mounted.settled();
    const result = (await mounted.value("result")) as { weights: Matrix; output: Matrix };
    const V = (await mounted.value("V")) as Matrix;
    const tokens = (await mounted.value("tokens")) as string[];
    expect(tokens).toEqual(["the", "cat", "sat", "on", "the", "mat"]);
    for (const row of toArray(result.weights)) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const expected = toArray(matmul(result.weights, V));
    toArray(result.output).forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(expected[i][j], 12)));
    mounted.dispose();
  });

  it("the same word gets the same embedding, so both 'the' rows of Q are equal", async () => {
    const { mounted } = await mount(path);
    await mounted.settled();
    const Q = toArray((await mounted.value("Q")) as Matrix);
    expect(Q[0]).toEqual(Q[4]);
    expect(Q[0]).not.toEqual(Q[1]);
    mounted.dispose();
  });

  it("the prose names the key the chosen query weighs most", async () => {
    const { mounted } = await mount(path);
    await mounted.settled();
    const result = (await mounted.value("result")) as { weights: Matrix };
    const focus = (await mounted.value("focus")) as number;
    const row = toArray(result.weights)[focus];
    const best = row.indexOf(Math.max(...row));
    expect(await mounted.value("topKey")).toBe(best);
    mounted.dispose();
  });
});
