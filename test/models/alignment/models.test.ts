import { describe, expect, it } from "vitest";
import { backward } from "../../../src/autograd/index.ts";
import { makeBatch } from "../../../src/models/alignment/batch.ts";
import { greedyDecode } from "../../../src/models/alignment/decode.ts";
import { makeCorpus } from "../../../src/models/alignment/grammar.ts";
import { type Sizes, batchLoss, createModel } from "../../../src/models/alignment/model.ts";
import { searchForward } from "../../../src/models/alignment/rnnsearch.ts";
import { Trainer } from "../../../src/models/alignment/train.ts";

const tiny: Sizes = { embedding: 3, hidden: 3, decoder: 4, attention: 3, output: 4 };
const w = (s: string): string[] => s.split(" ");

describe.each(["rnnsearch", "rnnencdec"] as const)("%s", (kind) => {
  it("the batch loss has the gradients of finite differences (sampled entries of every weight)", () => {
    const model = createModel(kind, tiny, 3);
    const batch = makeBatch(makeCorpus(4, 3, 3, 6), model.source, model.target);
    const params = Object.values(model.params);
    for (const p of params) p.grad = null;
    backward(batchLoss(model, batch));
    const h = 1e-5;
    for (const [name, p] of Object.entries(model.params)) {
      for (let k = 0; k < 3; k++) {
        const t = (k * 7919 + 13) % p.data.length;
        const x = p.data[t];
        p.data[t] = x + h;
        const up = batchLoss(model, batch).data[0];
        p.data[t] = x - h;
        const down = batchLoss(model, batch).data[0];
        p.data[t] = x;
        const numeric = (up - down) / (2 * h);
        expect(Math.abs(numeric - (p.grad?.[t] ?? 0)), `${name}[${t}]`).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
      }
    }
  });

  it("a short training run lowers the loss", () => {
    const trainer = new Trainer({ kind, sizes: { embedding: 8, hidden: 8, decoder: 8, attention: 8, output: 8 }, seed: 1, batchSize: 8, minLen: 3, maxLen: 6, lr: 1e-2, lrEnd: 1e-2, steps: 100, clip: 5 });
    const losses = Array.from({ length: 100 }, () => trainer.step());
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(losses.slice(-10))).toBeLessThan(0.75 * mean(losses.slice(0, 10)));
  });
});

describe("RNNsearch attention", () => {
  it("training's batched attention (autograd) equals decoding's kernel additiveAttention, padding included", () => {
    const model = createModel("rnnsearch", { embedding: 6, hidden: 5, decoder: 7, attention: 4, output: 6 }, 11);
    const sources = [w("the big red car sees a small old dog"), w("my cat sleeps")];
    // Decode greedily with the kernel, then teacher-force the same outputs through the training graph.
    const decoded = sources.map((s) => greedyDecode(model, model.source.encode(s), 6));
    const pairs = sources.map((source, b) => ({ source, target: model.target.decode(decoded[b].ids.filter((id) => id !== 2)) }));
    const usable = pairs.every((p, b) => p.target.length === decoded[b].ids.filter((id) => id !== 2 && id !== 0 && id !== 1).length);
    expect(usable).toBe(true);
    const batch = makeBatch(pairs, model.source, model.target);
    const { alignments } = searchForward(model.params, batch);
    sources.forEach((s, b) => {
      const alignment = decoded[b].alignment;
      if (alignment === null) throw new Error("no alignment");
      const steps = Math.min(alignment.rows, pairs[b].target.length + 1);
      for (let i = 0; i < steps; i++) {
        for (let j = 0; j < batch.srcSteps; j++) {
          const trained = alignments[i].data[b * batch.srcSteps + j];
          const kernel = j < s.length + 1 ? alignment.data[i * alignment.cols + j] : 0; // padding: weight 0
          expect(trained).toBeCloseTo(kernel, 10);
        }
      }
    });
  });
});
