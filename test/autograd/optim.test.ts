import { describe, expect, it } from "vitest";
import { randn, rng } from "../../src/kernel/index.ts";
import {
  Adam, SGD, add, backward, clipGradNorm, constant, crossEntropy, gatherRows, matmul, param, tanh, type Optimizer, type Tensor,
} from "../../src/autograd/index.ts";
import { randomParam } from "./gradcheck.ts";

/** A two-layer classifier of 40 random points into 3 classes: a run of `steps` returns the first and last loss. */
function train(make: (params: Tensor[]) => Optimizer, steps: number): [number, number] {
  const random = rng(7);
  const X = constant(randn(40, 5, random));
  const targets = Array.from({ length: 40 }, (_, i) => (X.data[i * 5] + X.data[i * 5 + 1] > 0 ? 0 : X.data[i * 5 + 2] > 0 ? 1 : 2));
  const W1 = randomParam(5, 16, 1, 0.4), b1 = param(randn(1, 16, 2)), W2 = randomParam(16, 3, 3, 0.4);
  const opt = make([W1, b1, W2]);
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    const loss = crossEntropy(matmul(tanh(add(matmul(X, W1), b1)), W2), targets);
    losses.push(loss.data[0]);
    opt.zeroGrad();
    backward(loss);
    opt.step();
  }
  return [losses[0], losses[losses.length - 1]];
}

describe("optimizers", () => {
  it("Adam lowers the loss of a tiny classifier", () => {
    const [first, last] = train((p) => new Adam(p, { lr: 0.05 }), 150);
    expect(last).toBeLessThan(first * 0.3);
  });
  it("SGD with momentum lowers the loss too", () => {
    const [first, last] = train((p) => new SGD(p, { lr: 0.1, momentum: 0.9 }), 150);
    expect(last).toBeLessThan(first * 0.5);
  });
  it("an embedding table learns: gatherRows rows move toward their targets", () => {
    const E = randomParam(4, 3, 9, 0.1), W = randomParam(3, 4, 10, 0.1);
    const opt = new Adam([E, W], { lr: 0.1 });
    const ids = [0, 1, 2, 3];
    let loss = Infinity;
    for (let s = 0; s < 100; s++) {
      const l = crossEntropy(matmul(gatherRows(E, ids), W), ids);
      loss = l.data[0];
      opt.zeroGrad();
      backward(l);
      opt.step();
    }
    expect(loss).toBeLessThan(0.05);
  });
  it("clipGradNorm(params, max) scales the joint gradient norm down to max and returns the old norm", () => {
    const a = randomParam(2, 2, 1);
    a.grad = Float64Array.of(3, 0, 0, 4);
    expect(clipGradNorm([a], 1)).toBe(5);
    [0.6, 0, 0, 0.8].forEach((x, t) => expect(a.grad?.[t]).toBeCloseTo(x, 12));
    expect(clipGradNorm([a], 10)).toBeCloseTo(1, 12);
  });
});
