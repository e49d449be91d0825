import { describe, expect, it } from "vitest";
import { additiveAttention, matrix, toArray } from "../../src/kernel/index.ts";
import {
  additiveScores, attendRows, constant, maskFill, matmul, softmaxRows,
} from "../../src/autograd/index.ts";
import { expectGradientsMatch, project, randomParam } from "./gradcheck.ts";

describe("additiveScores", () => {
  const B = 2, T = 3, ds = 4, dh = 5, da = 3;
  const s = randomParam(B, ds, 1), H = randomParam(B * T, dh, 2);
  const W = randomParam(ds, da, 3, 0.5), U = randomParam(dh, da, 4, 0.5), v = randomParam(da, 1, 5);

  it("additiveScores(sW, HU, v) has the gradients of finite differences", () => {
    expectGradientsMatch(() => project(additiveScores(matmul(s, W), matmul(H, U), v)), [s, H, W, U, v]);
  });

  it("with a padding mask, softmax and attendRows, matches the kernel's additiveAttention sentence by sentence", () => {
    const mask = matrix([[1, 1, 1], [1, 1, 0]]); // sentence 1 has two words
    const scores = additiveScores(matmul(s, W), matmul(H, U), v);
    const weights = softmaxRows(maskFill(scores, mask));
    const context = attendRows(weights, H);
    for (let b = 0; b < B; b++) {
      const Hb = constant({ rows: T, cols: dh, data: H.data.slice(b * T * dh, (b + 1) * T * dh) });
      const Sb = constant({ rows: 1, cols: ds, data: s.data.slice(b * ds, (b + 1) * ds) });
      const maskB = constant({ rows: 1, cols: T, data: mask.data.slice(b * T, (b + 1) * T) });
      const ref = additiveAttention(Sb, Hb, { W, U, v }, { mask: maskB });
      toArray(ref.weights)[0].forEach((x, j) => expect(weights.data[b * T + j]).toBeCloseTo(x, 12));
      toArray(ref.output)[0].forEach((x, k) => expect(context.data[b * dh + k]).toBeCloseTo(x, 12));
    }
    expect(weights.data[1 * T + 2]).toBe(0);
    expectGradientsMatch(() => project(attendRows(softmaxRows(maskFill(additiveScores(matmul(s, W), matmul(H, U), v), mask)), H)), [s, H, W, U, v]);
  });

  it("additiveScores names the shapes it expected", () => {
    expect(() => additiveScores(constant(matrix([[1, 2]])), H, v)).toThrow("additiveScores: HU must be (B·T)x2 for sW 1x2, got 6x5");
  });
});
