// Golden tests, like Framework's test/input -> test/output: every test/lesson/input/*.md is compiled
// and compared with test/lesson/output/<name>.json. A thrown error is the expected output too, so
// error messages (and their path:line:column) are pinned: `error` is what compileLesson throws,
// `errors` every problem lintLesson finds in the same file. UPDATE_GOLDEN=1 rewrites the outputs;
// read every changed file before committing it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileLesson, lintLesson, type CompileOptions } from "../../src/lesson/compile.ts";
import { LessonError } from "../../src/lesson/errors.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const inputDir = "test/lesson/input";
const outputDir = join(root, "test/lesson/output");

/** The builtins the fixtures may use without defining (the real list lives in src/notebook/names.ts). */
export const FIXTURE_NAMES = ["Inputs", "Plot", "d3", "html", "tex", "softmax", "matmul", "attention", "toArray"];

export const fixtureFiles: Pick<CompileOptions, "readFile" | "exists"> = {
  readFile: (path) => (existsSync(join(root, path)) ? readFileSync(join(root, path), "utf8") : null),
  exists: (path) => existsSync(join(root, path)),
};

function compileFixture(name: string): unknown {
  const path = `${inputDir}/${name}.md`;
  const source = readFileSync(join(root, path), "utf8");
  const options = { knownNames: FIXTURE_NAMES, ...fixtureFiles };
  const lint = lintLesson(source, path, options);
  try {
    const { lesson, warnings } = compileLesson(source, path, options);
    expect(lint.errors).toEqual([]);
    expect(lint.warnings).toEqual(warnings);
    const { title, summary, requires, slug, order, outline, html, cells, exercises } = lesson;
    return {
      title,
      summary,
      requires,
      slug,
      order,
      outline,
      html: html.split("\n"),
      cells: cells.map(({ id, name, inputs, hidden, inline, line, source, body }) => ({ id, name, inputs, hidden, inline, line, source, body })),
      exercises,
      warnings: warnings.map((w) => w.message),
    };
  } catch (error) {
    if (!(error instanceof LessonError)) throw error;
    expect(lint.errors[0]?.message).toBe(error.message);
    const warnings = lint.warnings.map((w) => w.message);
    return { error: error.message, errors: lint.errors.map((e) => e.message), ...(warnings.length ? { warnings } : {}) };
  }
}

const names = readdirSync(join(root, inputDir))
  .filter((file) => file.endsWith(".md"))
  .map((file) => file.slice(0, -".md".length))
  .sort();

describe("compileLesson(source, path) matches test/lesson/output", () => {
  it.each(names)("%s", (name) => {
    const actual = compileFixture(name);
    const file = join(outputDir, `${name}.json`);
    if (process.env.UPDATE_GOLDEN) writeFileSync(file, JSON.stringify(actual, null, 2) + "\n");
    expect(existsSync(file), `${file} is missing: run UPDATE_GOLDEN=1 npx vitest run test/lesson`).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(file, "utf8")));
  });

  it("has an input for every output", () => {
    const outputs = readdirSync(outputDir).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -".json".length));
    expect(outputs.sort()).toEqual(names);
  });
});
