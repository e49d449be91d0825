import { describe, expect, test } from "vitest";
import { coerce, inputNames } from "../../src/app/share.ts";
import type { CompiledLesson } from "../../src/lesson/types.ts";

describe("share", () => {
  test("coerce(text, like) reads a link's text as the type of the input's default", () => {
    expect(coerce("8", 4)).toBe(8);
    expect(coerce("0.25", 1)).toBe(0.25);
    expect(coerce("lots", 4)).toBeUndefined();
    expect(coerce("", 4)).toBeUndefined();
    expect(coerce("Infinity", 4)).toBeUndefined();
    expect(coerce("true", false)).toBe(true);
    expect(coerce("no", false)).toBeUndefined();
    expect(coerce("the cat", "a dog")).toBe("the cat");
  });

  test("inputNames(lesson) lists the lesson's viewof cells in order", () => {
    const cell = (name: string | null) => ({ name }) as CompiledLesson["cells"][number];
    const lesson = { cells: [cell("viewof sentence"), cell("tokens"), cell(null), cell("viewof dk")] } as CompiledLesson;
    expect(inputNames(lesson)).toEqual(["sentence", "dk"]);
  });
});
