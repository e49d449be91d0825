import { describe, expect, it } from "vitest";
import { add, concatCols, constant, gruCell, matmul, mul, scale, sigmoid, sub, tanh, type Tensor } from "../../src/autograd/index.ts";
import { matrix } from "../../src/kernel/index.ts";
import { expectGradientsMatch, project, randomParam } from "./gradcheck.ts";

const B = 3, H = 4;
const parts = (seed: number, rows: number) => [randomParam(rows, H, seed), randomParam(rows, H, seed + 1), randomParam(rows, H, seed + 2)];

/** The same step from primitive ops, gate by gate. */
function gruByHand(x: Tensor[], h: Tensor, U: Tensor[], b: Tensor[]): Tensor {
  const r = sigmoid(add(x[0], add(matmul(h, U[0]), b[0])));
  const z = sigmoid(add(x[1], add(matmul(h, U[1]), b[1])));
  const n = tanh(add(x[2], mul(r, add(matmul(h, U[2]), b[2]))));
  const one = constant({ rows: B, cols: H, data: new Float64Array(B * H).fill(1) });
  return add(mul(sub(one, z), n), mul(z, h));
}

describe("gruCell", () => {
  const x = parts(10, B), U = parts(20, H).map((u) => u), b = parts(30, 1);
  for (const u of U) u.data.forEach((v, t) => (u.data[t] = v * 0.5));
  const h = randomParam(B, H, 40, 0.5);
  const fused = () => gruCell(concatCols(x), h, concatCols(U), concatCols(b));

  it("gruCell(gx, h, Uh, bh) equals the step written with primitive ops", () => {
    const a = fused().data, e = gruByHand(x, h, U, b).data;
    a.forEach((v, t) => expect(v).toBeCloseTo(e[t], 12));
  });

  it("gruCell(gx, h, Uh, bh) has the gradients of finite differences", () => {
    expectGradientsMatch(() => project(fused()), [...x, h, ...U, ...b]);
  });

  it("gruCell(…, keep) passes the state through where keep is 0", () => {
    const keep = [1, 0, 1];
    const out = gruCell(concatCols(x), h, concatCols(U), concatCols(b), keep);
    expect(Array.from(out.data.subarray(H, 2 * H))).toEqual(Array.from(h.data.subarray(H, 2 * H)));
    expectGradientsMatch(() => project(gruCell(concatCols(x), h, concatCols(U), concatCols(b), keep)), [...x, h, ...U, ...b]);
  });

  it("gruCell names the shapes it expected", () => {
    expect(() => gruCell(constant(matrix([[1, 2]])), h, concatCols(U), concatCols(b))).toThrow("gruCell: gx must be 3x12 for h 3x4, got 1x2");
  });

  it("two steps chained back-propagate through time", () => {
    const h0 = randomParam(B, H, 50, 0.3);
    expectGradientsMatch(() => {
      const h1 = gruCell(concatCols(x), h0, concatCols(U), concatCols(b));
      return project(gruCell(scale(concatCols(x), 0.5), h1, concatCols(U), concatCols(b)));
    }, [h0, ...U]);
  });
});
