// The small analyses the compiler is built from.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileLesson } from "../../src/lesson/compile.ts";
import { contentHash } from "../../src/lesson/hash.ts";
import { slugify } from "../../src/lesson/markdown.ts";
import { lessonLocation, readLessonMeta } from "../../src/lesson/meta.ts";
import { closestName, editDistance } from "../../src/lesson/suggest.ts";

describe("helpers", () => {
  it("editDistance(a, b) counts insertions, deletions and substitutions", () => {
    expect(editDistance("softmax", "softmx")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("closestName(name, candidates) suggests within 2 edits, never for one-letter names", () => {
    expect(closestName("scors", ["scale", "scores"])).toBe("scores");
    expect(closestName("x", ["y", "z"])).toBeNull();
    expect(closestName("mystery", ["matrix", "Plot"])).toBeNull();
  });

  it("contentHash(text) is 32-bit FNV-1a over UTF-8, as 8 hex digits", () => {
    expect(contentHash("")).toBe("811c9dc5");
    expect(contentHash("a")).toBe("e40c292c");
    expect(contentHash("foobar")).toBe("bf9cf968");
    expect(contentHash("é")).not.toBe(contentHash("e"));
  });

  it("slugify(text) keeps lowercase ASCII words joined by dashes", () => {
    expect(slugify("Scores: how well does each key answer?")).toBe("scores-how-well-does-each-key-answer");
    expect(slugify("Café & Crème")).toBe("cafe-creme");
    expect(slugify("∑")).toBe("section");
  });

  it("lessonLocation(path) reads the slug and order from the folder name", () => {
    expect(lessonLocation("lessons/08-alignment/index.md")).toEqual({ dir: "lessons/08-alignment", slug: "08-alignment", order: 8 });
  });
});

describe("readLessonMeta(source, path)", () => {
  it("reads the front matter and exercise ids without compiling cells or math", () => {
    const source = [
      "---", "title: T", "summary: S", "requires: [01-a]", "---", "",
      "Bad math $\\fracc$ is not rendered here.", "",
      "```js", "broken((", "```", "",
      "```exercise", "id: first", "```", "",
      "- a list item holding an exercise:", "", "  ```exercise", "  id: nested", "  ```", "",
    ].join("\n");
    expect(readLessonMeta(source, "lessons/03-t/index.md")).toEqual({
      slug: "03-t", order: 3, title: "T", summary: "S", requires: ["01-a"], exercises: ["first", "nested"],
    });
  });
});

describe("compileLesson(source, path)", () => {
  it("reads Windows line endings like Unix ones", () => {
    const path = "test/lesson/input/cells.md";
    const unix = readFileSync(path, "utf8");
    const windows = unix.replace(/\n/g, "\r\n");
    expect(compileLesson(windows, path).lesson).toEqual(compileLesson(unix, path).lesson);
  });
});
