// Finite-difference gradient checks: the analytic gradient of every op against (f(x+h) − f(x−h)) / 2h.
import { expect } from "vitest";
import { randn, rng } from "../../src/kernel/index.ts";
import { type Tensor, backward, constant, mul, param, sum } from "../../src/autograd/index.ts";

/** A parameter of the given shape with seeded normal entries (times `scale`). */
export function randomParam(rows: number, cols: number, seed: number, scale = 1): Tensor {
  const m = randn(rows, cols, seed);
  for (let t = 0; t < m.data.length; t++) m.data[t] *= scale;
  return param(m);
}

/** Reduces a finite output to a number with fixed random weights, so every entry's gradient matters. */
export function project(out: Tensor, seed = 99): Tensor {
  const w = randn(out.rows, out.cols, seed);
  return sum(mul(out, constant(w)));
}

/**
 * Checks ∂loss/∂p for every parameter against central differences. `f` must rebuild the graph from the
 * parameters' current data on every call.
 */
export function expectGradientsMatch(f: () => Tensor, params: readonly Tensor[], { h = 1e-5, tol = 1e-6 } = {}): void {
  for (const p of params) p.grad = null;
  backward(f());
  for (const [k, p] of params.entries()) {
    const analytic = p.grad ?? new Float64Array(p.data.length);
    const data = p.data;
    for (let t = 0; t < data.length; t++) {
      const x = data[t];
      data[t] = x + h;
      const up = f().data[0];
      data[t] = x - h;
      const down = f().data[0];
      data[t] = x;
      const numeric = (up - down) / (2 * h);
      const err = Math.abs(numeric - analytic[t]) / Math.max(1, Math.abs(numeric));
      if (err > tol) expect.fail(`param ${k} entry ${t}: analytic ${analytic[t]}, numeric ${numeric}`);
    }
  }
}

export const seeded = (seed: number): (() => number) => rng(seed);
