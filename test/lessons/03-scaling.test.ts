// @vitest-environment happy-dom
// Lesson 03 on the real runtime: the numbers its prose claims, read from its own cells and checked
// against formulas computed here by hand.
import { describe, expect, it } from "vitest";
import type { Matrix } from "../../src/kernel/index.ts";
import { mountLessonForTest, setInput } from "./harness.ts";

const mount = () => mountLessonForTest("03-scaling");

/** Population variance, written out. */
function variance(xs: ArrayLike<number>): number {
  let mean = 0;
  for (let t = 0; t < xs.length; t++) mean += xs[t] / xs.length;
  let sum = 0;
  for (let t = 0; t < xs.length; t++) sum += (xs[t] - mean) ** 2;
  return sum / xs.length;
}

/** Every row of a against every row of b, by explicit loops. */
function dotProducts(a: Matrix, b: Matrix): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.rows; j++) {
      let s = 0;
      for (let c = 0; c < a.cols; c++) s += a.data[i * a.cols + c] * b.data[j * b.cols + c];
      out.push(s);
    }
  }
  return out;
}

const softmaxByHand = (xs: number[]): number[] => {
  const e = xs.map(Math.exp);
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
};

type Measure = { variance: number; entropy: number; gradient: number };
type Sweep = { dk: number; unscaled: Measure; scaled: Measure }[];

describe("03-scaling", () => {
  it("the head-size-16 check: unscaled variance ≈ 16, scaled ≈ 1, over the lesson's seeded draws", async () => {
    const lesson = await mount();
    const q = (await lesson.value("headQ")) as Matrix;
    const k = (await lesson.value("headK")) as Matrix;
    const check = (await lesson.value("headCheck")) as { q: number; k: number; wei: number; scaled: number };
    expect([q.rows, q.cols, k.rows, k.cols]).toEqual([64, 16, 64, 16]);
    // The draws have unit variance...
    expect(check.q).toBeCloseTo(variance(q.data), 12);
    expect(check.k).toBeCloseTo(variance(k.data), 12);
    expect(Math.abs(check.q - 1)).toBeLessThan(0.1);
    expect(Math.abs(check.k - 1)).toBeLessThan(0.1);
    // ...their dot products have variance ≈ d_k = 16, recomputed here by loops...
    const dots = dotProducts(q, k);
    expect(dots).toHaveLength(64 * 64);
    expect(check.wei).toBeCloseTo(variance(dots), 9);
    expect(check.wei).toBeGreaterThan(16 * 0.9);
    expect(check.wei).toBeLessThan(16 * 1.1);
    // ...and scaled by 1/√16 exactly 1/16 of that, ≈ 1.
    expect(check.scaled).toBeCloseTo(variance(dots.map((x) => x / 4)), 12);
    expect(check.scaled).toBeCloseTo(check.wei / 16, 12);
    expect(Math.abs(check.scaled - 1)).toBeLessThan(0.1);
  });

  it("the histogram at d_k = 16 holds those same draws, and widens with d_k unless scaled", async () => {
    const lesson = await mount();
    const shownVariance = async (): Promise<number> => variance(((await lesson.value("shown")) as Matrix).data);
    expect(await lesson.value("dk")).toBe(16);
    expect(await shownVariance()).toBeCloseTo(((await lesson.value("headCheck")) as { wei: number }).wei, 9);
    await setInput(lesson, "dk", 256);
    const wide = await shownVariance();
    expect(wide).toBeGreaterThan(256 * 0.85);
    expect(wide).toBeLessThan(256 * 1.15);
    await setInput(lesson, "scaled", true);
    expect(await shownVariance()).toBeCloseTo(wide / 256, 9);
    expect(Math.abs((await shownVariance()) - 1)).toBeLessThan(0.15);
  });

  it("softmax([0.1, −0.2, 0.3, −0.2, 0.5]) is diffuse; the same scores × 8 put ≈ 0.80 on the largest", async () => {
    const lesson = await mount();
    const logits = [0.1, -0.2, 0.3, -0.2, 0.5];
    expect(await lesson.value("logits")).toEqual(logits);
    const diffuse = (await lesson.value("diffuse")) as number[];
    const sharp = (await lesson.value("sharp")) as number[];
    softmaxByHand(logits).forEach((p, j) => expect(diffuse[j]).toBeCloseTo(p, 12));
    softmaxByHand(logits.map((x) => 8 * x)).forEach((p, j) => expect(sharp[j]).toBeCloseTo(p, 12));
    expect(diffuse.map((p) => p.toFixed(2))).toEqual(["0.19", "0.14", "0.24", "0.14", "0.29"]);
    expect(sharp[4].toFixed(2)).toBe("0.80");
    expect(Math.max(...sharp)).toBe(sharp[4]);
  });

  it("the sweeps: variance ≈ d_k unscaled and ≈ 1 scaled; entropy and gradient collapse only unscaled", async () => {
    const lesson = await mount();
    const sweep = (await lesson.value("sweep")) as Sweep;
    expect(sweep.map((m) => m.dk)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512]);
    const head = (await lesson.value("headCheck")) as { wei: number };
    expect(sweep[4].unscaled.variance).toBeCloseTo(head.wei, 9); // d_k = 16: the same draws
    for (const m of sweep) {
      // 4,096 seeded dot products per d_k: within 20% of d_k everywhere (within 5% from d_k = 64 on).
      expect(Math.abs(m.unscaled.variance / m.dk - 1)).toBeLessThan(m.dk >= 64 ? 0.05 : 0.2);
      expect(m.scaled.variance).toBeCloseTo(m.unscaled.variance / m.dk, 9);
      // Entropy of 16 keys is at most ln 16.
      expect(m.scaled.entropy).toBeLessThanOrEqual(Math.log(16) + 1e-12);
      expect(m.scaled.entropy).toBeGreaterThan(2);
    }
    const [first, last] = [sweep[0], sweep[sweep.length - 1]];
    expect(last.unscaled.entropy).toBeLessThan(0.5);
    expect(last.unscaled.gradient).toBeLessThan(first.unscaled.gradient / 100);
    const scaledGradients = sweep.map((m) => m.scaled.gradient);
    expect(Math.max(...scaledGradients) / Math.min(...scaledGradients)).toBeLessThan(2);
    expect(await lesson.value("gradientDrop")).toBeCloseTo(first.unscaled.gradient / last.unscaled.gradient, 9);
    // The prose's entropies at the slider's d_k = 16 are the sweep's, from the same draws.
    const current = (await lesson.value("current")) as Sweep[number];
    expect(current).toEqual(sweep[4]);
    expect(current.unscaled.entropy).toBeLessThan(current.scaled.entropy);
  });
});
