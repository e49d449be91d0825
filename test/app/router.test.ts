import { describe, expect, test } from "vitest";
import { href, parseRoute } from "../../src/app/router.ts";

describe("router", () => {
  test("parseRoute(hash) reads home, lessons, sections, kernel files and unknown paths", () => {
    expect(parseRoute("")).toEqual({ page: "home" });
    expect(parseRoute("#/")).toEqual({ page: "home" });
    expect(parseRoute("#/lessons/02-queries-keys-values")).toEqual({ page: "lesson", slug: "02-queries-keys-values", section: null });
    expect(parseRoute("#/lessons/02-queries-keys-values/")).toEqual({ page: "lesson", slug: "02-queries-keys-values", section: null });
    expect(parseRoute("#/lessons/02-queries-keys-values/exercises")).toEqual({ page: "lesson", slug: "02-queries-keys-values", section: "exercises" });
    expect(parseRoute("#/kernel/attention.ts")).toEqual({ page: "kernel", file: "attention.ts" });
    expect(parseRoute("#/no/such/page")).toEqual({ page: "not-found", path: "/no/such/page" });
    expect(parseRoute("#/100%")).toEqual({ page: "not-found", path: "/100%" });
  });

  test("parseRoute(hash) reads input values after a lesson's path", () => {
    expect(parseRoute("#/lessons/02-queries-keys-values?dk=8&sentence=the+cat%20sat")).toEqual({
      page: "lesson", slug: "02-queries-keys-values", section: null, values: { dk: "8", sentence: "the cat sat" },
    });
    expect(parseRoute("#/lessons/02-queries-keys-values/exercises?dk=2")).toMatchObject({ section: "exercises", values: { dk: "2" } });
    expect(parseRoute("#/lessons/02-queries-keys-values?")).toEqual({ page: "lesson", slug: "02-queries-keys-values", section: null });
  });

  test("href.lesson(slug, section, values) round-trips through parseRoute, odd characters included", () => {
    const values = { sentence: "a & b = c? 100% 'yes' #1", dk: "8" };
    const link = href.lesson("02-queries-keys-values", undefined, values);
    expect(link).toMatch(/^#\/lessons\/02-queries-keys-values\?/);
    expect(parseRoute(link)).toEqual({ page: "lesson", slug: "02-queries-keys-values", section: null, values });
    expect(href.lesson("02-queries-keys-values", undefined, {})).toBe("#/lessons/02-queries-keys-values");
    expect(href.lesson("02-queries-keys-values", "exercises")).toBe("#/lessons/02-queries-keys-values/exercises");
  });
});
