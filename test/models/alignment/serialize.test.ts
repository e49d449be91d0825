import { describe, expect, it } from "vitest";
import { createModel } from "../../../src/models/alignment/model.ts";
import { greedyDecode } from "../../../src/models/alignment/decode.ts";
import { ModelFileError, deserializeModel, serializeModel } from "../../../src/models/alignment/serialize.ts";

const sizes = { embedding: 4, hidden: 5, decoder: 6, attention: 3, output: 4 };

describe("serializeModel / deserializeModel", () => {
  it("round-trips a model through JSON text, weights rounded to float32", () => {
    const model = createModel("rnnsearch", sizes, 2);
    const text = JSON.stringify(serializeModel(model, { seed: 2, training: { steps: 0 }, curve: [{ step: 1, loss: 2.5 }] }));
    const back = deserializeModel(text);
    expect(back.config).toEqual(model.config);
    expect(back.source.words).toEqual(model.source.words);
    for (const [name, t] of Object.entries(model.params)) {
      const u = back.params[name];
      expect([u.rows, u.cols]).toEqual([t.rows, t.cols]);
      t.data.forEach((x, k) => expect(u.data[k]).toBe(Math.fround(x)));
    }
    const ids = model.source.encode(["the", "cat", "sleeps"]);
    expect(greedyDecode(back, ids, 5).ids).toHaveLength(greedyDecode(model, ids, 5).ids.length);
    expect(back.file.curve).toEqual([{ step: 1, loss: 2.5 }]);
  });

  it("deserializeModel names what is wrong with a corrupt file", () => {
    const good = serializeModel(createModel("rnnencdec", { ...sizes, attention: 0 }, 1), { seed: 1, training: {}, curve: [] });
    expect(() => deserializeModel("{not json")).toThrow(ModelFileError);
    expect(() => deserializeModel({ ...good, format: "x" })).toThrow('unknown format "x"');
    const { ["decoder.Uh"]: _dropped, ...fewer } = good.weights;
    expect(() => deserializeModel({ ...good, weights: fewer })).toThrow("weight decoder.Uh is missing");
    const short = { ...good.weights, "out.by": { shape: [1, 2], float32: btoa("abcd") } };
    expect(() => deserializeModel({ ...good, weights: short })).toThrow(/weight out\.by has 1 numbers, expected 1x\d+/);
    expect(() => deserializeModel({ ...good, vocabulary: { source: ["a"], target: [] } })).toThrow("vocabularies' sizes differ");
  });
});
