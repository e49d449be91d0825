import { describe, expect, it } from "vitest";
import { matrix, randn, toArray } from "../../src/kernel/index.ts";
import {
  add, attendRows, concatCols, constant, crossEntropy, gatherRows, logSoftmax, maskFill, matmul, mean, mul,
  nll, scale, sigmoid, sliceRows, softmaxRows, stackSteps, sub, sum, tanh,
} from "../../src/autograd/index.ts";
import { expectGradientsMatch, project, randomParam } from "./gradcheck.ts";

describe("linear ops", () => {
  it("matmul(a, b) has the gradients of finite differences for both inputs", () => {
    const a = randomParam(3, 4, 1), b = randomParam(4, 5, 2);
    expectGradientsMatch(() => project(matmul(a, b)), [a, b]);
  });
  it("matmul(a, b) forward equals the kernel's product", () => {
    const a = randomParam(2, 3, 1), b = randomParam(3, 2, 2);
    const expected = [[0, 0], [0, 0]].map((r, i) => r.map((_, j) => [0, 1, 2].reduce((s, p) => s + a.data[i * 3 + p] * b.data[p * 2 + j], 0)));
    toArray(matmul(a, b)).forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(expected[i][j], 12)));
  });
  it("matmul(a, b) names both shapes when the inner sizes differ", () => {
    expect(() => matmul(randomParam(2, 3, 1), randomParam(4, 5, 2))).toThrow("matmul: inner dimensions differ: a is 2x3, b is 4x5");
  });
  it("add(a, b) with b of a's shape or one broadcast row", () => {
    const a = randomParam(3, 4, 1), b = randomParam(3, 4, 2), bias = randomParam(1, 4, 3);
    expectGradientsMatch(() => project(add(a, b)), [a, b]);
    expectGradientsMatch(() => project(add(a, bias)), [a, bias]);
    expect(() => add(a, randomParam(2, 4, 4))).toThrow("add: b must be 3x4 or 1x4");
  });
  it("mul, scale, sub, sum and mean", () => {
    const a = randomParam(2, 3, 1), b = randomParam(2, 3, 2);
    expectGradientsMatch(() => project(mul(a, b)), [a, b]);
    expectGradientsMatch(() => project(scale(a, -2.5)), [a]);
    expectGradientsMatch(() => project(sub(a, b)), [a, b]);
    expectGradientsMatch(() => sum(mul(a, a)), [a]);
    expectGradientsMatch(() => mean(mul(a, b)), [a, b]);
    expect(mean(a).data[0]).toBeCloseTo(a.data.reduce((s, x) => s + x, 0) / 6, 12);
  });
});

describe("activations", () => {
  it("tanh(a) and sigmoid(a)", () => {
    const a = randomParam(3, 3, 5, 2);
    expectGradientsMatch(() => project(tanh(a)), [a]);
    expectGradientsMatch(() => project(sigmoid(a)), [a]);
    expect(sigmoid(constant(matrix([[0]]))).data[0]).toBe(0.5);
  });
});

describe("softmax and losses", () => {
  it("softmaxRows(a) sums each row to 1 and has the right gradient", () => {
    const a = randomParam(3, 5, 6, 2);
    for (const row of toArray(softmaxRows(a))) expect(row.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expectGradientsMatch(() => project(softmaxRows(a)), [a]);
  });
  it("logSoftmax(a) is stable for large scores and has the right gradient", () => {
    const a = randomParam(2, 4, 7, 3);
    expectGradientsMatch(() => project(logSoftmax(a)), [a]);
    const big = logSoftmax(constant(matrix([[1000, 1000]])));
    expect(toArray(big)[0]).toEqual([-Math.LN2, -Math.LN2]);
  });
  it("nll(logp, targets, weights) skips rows of weight 0 and has the right gradient", () => {
    const a = randomParam(4, 5, 8);
    const targets = [1, 0, 4, 2], weights = [1, 0, 1, 0.5];
    expectGradientsMatch(() => nll(logSoftmax(a), targets, weights), [a]);
    const all = nll(logSoftmax(a), targets).data[0];
    const logp = toArray(logSoftmax(a));
    expect(all).toBeCloseTo(-targets.reduce((s, t, i) => s + logp[i][t], 0) / 4, 12);
    expect(() => nll(logSoftmax(a), [1, 2, 3, 9])).toThrow("nll: target 3 must be a column from 0 to 4, got 9");
  });
  it("crossEntropy(logits, targets, weights) equals nll(logSoftmax(logits)) with the same gradient", () => {
    const a = randomParam(4, 5, 9, 2);
    const targets = [1, 0, 4, 2], weights = [1, 0, 1, 0.5];
    expect(crossEntropy(a, targets, weights).data[0]).toBeCloseTo(nll(logSoftmax(a), targets, weights).data[0], 12);
    expectGradientsMatch(() => crossEntropy(a, targets, weights), [a]);
  });
});

describe("moving entries", () => {
  it("concatCols([a, b, c]) puts the parts side by side", () => {
    const a = randomParam(2, 1, 1), b = randomParam(2, 3, 2), c = randomParam(2, 2, 3);
    const out = concatCols([a, b, c]);
    expect([out.rows, out.cols]).toEqual([2, 6]);
    expect(toArray(out)[1].slice(1, 4)).toEqual(toArray(b)[1]);
    expectGradientsMatch(() => project(concatCols([a, b, c])), [a, b, c]);
  });
  it("sliceRows(a, start, end) and its gradient", () => {
    const a = randomParam(5, 3, 4);
    expect(toArray(sliceRows(a, 1, 3))).toEqual(toArray(a).slice(1, 3));
    expectGradientsMatch(() => project(sliceRows(a, 1, 3)), [a]);
    expect(() => sliceRows(a, 3, 3)).toThrow("sliceRows: need 0 <= start < end <= 5 for 5x3, got 3 and 3");
  });
  it("gatherRows(table, indices) looks up embeddings and accumulates repeated rows", () => {
    const table = randomParam(6, 3, 5);
    const idx = [2, 0, 2, 5];
    expect(toArray(gatherRows(table, idx))[2]).toEqual(toArray(table)[2]);
    expectGradientsMatch(() => project(gatherRows(table, idx)), [table]);
    expect(() => gatherRows(table, [6])).toThrow("gatherRows: index 0 must be a row from 0 to 5, got 6");
  });
  it("stackSteps(steps) groups the rows by sequence: row b·T + t is row b of step t", () => {
    const steps = [randomParam(2, 3, 1), randomParam(2, 3, 2), randomParam(2, 3, 3)];
    const out = toArray(stackSteps(steps));
    expect(out[1 * 3 + 2]).toEqual(toArray(steps[2])[1]);
    expect(out[0 * 3 + 1]).toEqual(toArray(steps[1])[0]);
    expectGradientsMatch(() => project(stackSteps(steps)), steps);
  });
  it("maskFill(a, mask) hides entries and blocks their gradient", () => {
    const a = randomParam(2, 4, 6);
    const mask = matrix([[1, 1, 0, 1], [1, 0, 0, 0]]);
    const w = softmaxRows(maskFill(a, mask));
    expect(toArray(w)[1]).toEqual([1, 0, 0, 0]);
    expectGradientsMatch(() => project(softmaxRows(maskFill(a, mask))), [a]);
    expectGradientsMatch(() => project(maskFill(a, mask, -3)), [a]);
  });
  it("attendRows(weights, H) averages each sentence's own rows", () => {
    const w = randomParam(2, 3, 7), H = randomParam(6, 4, 8);
    const out = toArray(attendRows(w, H));
    const expected = [0, 1, 2, 3].map((k) => [0, 1, 2].reduce((s, j) => s + w.data[3 + j] * H.data[(3 + j) * 4 + k], 0));
    out[1].forEach((x, k) => expect(x).toBeCloseTo(expected[k], 12));
    expectGradientsMatch(() => project(attendRows(w, H)), [w, H]);
  });
});

describe("graphs", () => {
  it("a tensor used twice accumulates both gradients", () => {
    const a = randomParam(2, 2, 1);
    expectGradientsMatch(() => sum(add(mul(a, a), tanh(a))), [a]);
  });
  it("constants build no graph", () => {
    const out = tanh(matmul(constant(randn(2, 2, 1)), constant(randn(2, 2, 2))));
    expect(out.requiresGrad).toBe(false);
    expect(out.parents).toEqual([]);
  });
});
