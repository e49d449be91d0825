// The models in public/models, as `npm run train` wrote them: small enough, and they translate.
import { readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { translateWords } from "../../../src/models/alignment/decode.ts";
import { translateByRule } from "../../../src/models/alignment/grammar.ts";
import { SHIPPED } from "../../../src/models/alignment/presets.ts";
import { deserializeModel } from "../../../src/models/alignment/serialize.ts";

const w = (s: string): string[] => s.split(" ");

describe.each(["rnnsearch", "rnnencdec"] as const)("public/models/%s.json", (name) => {
  const path = `public/models/${name}.json`;
  const model = deserializeModel(readFileSync(path, "utf8"));

  it("is under 2 MB and records the config, seed and training settings of its preset", () => {
    expect(statSync(path).size).toBeLessThan(2 * 1024 * 1024);
    const { kind, sizes, seed, ...training } = SHIPPED[name];
    expect(model.config).toMatchObject({ kind, ...sizes });
    expect(model.file.seed).toBe(seed);
    expect(model.file.training).toEqual(training);
    expect(model.file.curve.length).toBeGreaterThan(10);
    expect(model.file.curve.at(-1)?.loss).toBeLessThan(model.file.curve[0].loss);
  });

  it("translates a fixed short sentence correctly", () => {
    const source = w("the big red car sees a small old dog");
    expect(translateWords(model, source)).toEqual(translateByRule(source));
    expect(translateWords(model, source).join(" ")).toBe("la voiture rouge grand voit un chien vieux petit");
  });
});

describe("public/models/rnnsearch.json", () => {
  it("translates a long sentence with reordering and ne … jamais correctly", () => {
    const model = deserializeModel(readFileSync("public/models/rnnsearch.json", "utf8"));
    const source = w("my old white dog never eats the red apple with a happy bird and the young pretty woman often visits this big quiet city");
    expect(translateWords(model, source)).toEqual(translateByRule(source));
  });
});
