// The emitted module is real JavaScript: import it and run the cell bodies; its source map points
// back into the .md.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { SourceMapConsumer } from "source-map-js";
import { afterAll, describe, expect, it } from "vitest";
import { compileLesson } from "../../src/lesson/compile.ts";
import type { CompiledLesson } from "../../src/lesson/types.ts";

const source = `---
title: Runs
summary: Cells that compute.
---

\`\`\`js
y = x * 2
\`\`\`

\`\`\`js
viewof q = ({ value: 5 })
\`\`\`

\`\`\`js
total = {
  let sum = 0;
  for (const v of [x, y]) sum += v;
  return sum + viewof q.value;
}
\`\`\`

\`\`\`js
later = await Promise.resolve(y + 1)
\`\`\`

\`\`\`js
counter = {
  for (let i = 0; i < x; ++i) yield i;
}
\`\`\`

Double is \${y + 0}.

\`\`\`exercise
id: pick
kind: choice
title: Pick
prompt: Which?
options:
  - text: this
    correct: true
  - text: that
    feedback: Not that.
\`\`\`
`;

const dir = mkdtempSync(join(tmpdir(), "lesson-module-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function importLesson(code: string): Promise<CompiledLesson> {
  const file = join(dir, `lesson-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, code);
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)).default;
}

const result = compileLesson(source, "lessons/07-runs/index.md", { knownNames: ["x"] });
const cell = (lesson: CompiledLesson, name: string | null, index = 0) => lesson.cells.filter((c) => c.name === name)[index];

describe("compileLesson(…).code", () => {
  it("evaluates to a CompiledLesson with the metadata", async () => {
    const lesson = await importLesson(result.code);
    expect(lesson).toMatchObject({ slug: "07-runs", order: 7, title: "Runs", summary: "Cells that compute.", requires: [] });
    expect(lesson.path).toBe("lessons/07-runs/index.md");
    expect(lesson.exercises.map((e) => e.id)).toEqual(["pick"]);
    expect(Object.keys(lesson).sort()).toEqual(["cells", "exercises", "html", "order", "outline", "path", "requires", "slug", "summary", "title"]);
  });

  it("turns `y = x * 2` into a function of x: called with 3 it gives 6", async () => {
    const y = cell(await importLesson(result.code), "y");
    expect(y.inputs).toEqual(["x"]);
    expect((y.body as (x: number) => number)(3)).toBe(6);
  });

  it("passes a view as its own parameter", async () => {
    const total = cell(await importLesson(result.code), "total");
    expect(total.inputs).toEqual(["x", "y", "viewof q"]);
    expect((total.body as (x: number, y: number, q: { value: number }) => number)(3, 6, { value: 5 })).toBe(14);
  });

  it("makes async cells return promises and generator cells return generators", async () => {
    const lesson = await importLesson(result.code);
    await expect((cell(lesson, "later").body as (y: number) => Promise<number>)(6)).resolves.toBe(7);
    const counter = (cell(lesson, "counter").body as (x: number) => Generator<number>)(3);
    expect([...counter]).toEqual([0, 1, 2]);
  });

  it("compiles inline values to anonymous inline cells", async () => {
    const inline = cell(await importLesson(result.code), null);
    expect(inline).toMatchObject({ inline: true, inputs: ["y"], line: 32 });
    expect((inline.body as (y: number) => number)(6)).toBe(6);
  });

  it("maps cell bodies back to their lines and columns in the .md", () => {
    const consumer = new SourceMapConsumer(result.map as never);
    const lines = result.code.split("\n");
    // The body follows the cell's data (which quotes the source), so take the last occurrence.
    const find = (text: string) => {
      let line = lines.length - 1;
      while (line > 0 && !lines[line].includes(text)) line--;
      return { line: line + 1, column: lines[line].lastIndexOf(text) };
    };
    expect(consumer.originalPositionFor(find("sum += v"))).toMatchObject({ source: "index.md", line: 17, column: 26 });
    expect(consumer.originalPositionFor(find("x * 2"))).toMatchObject({ line: 7, column: 4 });
    expect(consumer.originalPositionFor(find("$viewof_q.value"))).toMatchObject({ line: 18, column: 15 });
    expect(consumer.sourceContentFor("index.md")).toBe(source);
  });
});
