// @vitest-environment happy-dom
// Lesson 07 on the real runtime: the multi-head output is concat(heads)·Wo, the designed heads attend
// where the lesson says, and the cost counts follow formulas derived here.
import { describe, expect, it, vi } from "vitest";
import { allClose, attention, concatCols, matmul, toArray, type Matrix, type MultiHeadParams, type MultiHeadResult } from "../../src/kernel/index.ts";
import { argmaxRows, get, mountLessonForTest, setInput } from "./harness.ts";

const mount = () => mountLessonForTest("07-multi-head");


// Mounting a lesson and following a few inputs takes seconds in happy-dom, more when files run in parallel.
vi.setConfig({ testTimeout: 30_000 });

describe("07-multi-head", () => {
  it("the output equals concat(heads)·Wo, with every head recomputed here from its own matrices", async () => {
    const lesson = await mount();
    for (const h of [1, 2, 3, 4, 6]) {
      await setInput(lesson, "heads", h);
      const X = await get<Matrix>(lesson, "X");
      const p = await get<MultiHeadParams>(lesson, "params");
      const mha = await get<MultiHeadResult>(lesson, "mha");
      expect(p.Wq).toHaveLength(h);
      expect(p.Wq.map((W) => `${W.rows}x${W.cols}`)).toEqual(Array(h).fill(`12x${12 / h}`));
      const heads = p.Wq.map((_, k) => attention(matmul(X, p.Wq[k]), matmul(X, p.Wk[k]), matmul(X, p.Wv[k])).output);
      const expected = matmul(concatCols(heads), p.Wo); // (6, 12) @ (12, 12)
      expect([mha.output.rows, mha.output.cols]).toEqual([6, 12]);
      expect(allClose(mha.output, expected, 1e-14), `h = ${h}`).toBe(true);
      // Without Wo it would be a different matrix: the projection is part of the result.
      expect(allClose(mha.output, concatCols(heads), 1e-3)).toBe(false);
      expect(await get<number>(lesson, "woGap")).toBeLessThan(1e-14);
    }
  });

  it("the designed heads attend to the previous word, the same word and the next word", async () => {
    const lesson = await mount();
    await setInput(lesson, "heads", 4); // the default in the browser; happy-dom doesn't honour a select's initial option
    expect(await get(lesson, "tokens")).toEqual(["the", "cat", "sat", "on", "the", "mat"]);
    const mha = await get<MultiHeadResult>(lesson, "mha");
    expect(mha.heads).toHaveLength(4);
    const [previous, same, next] = mha.heads.map((head) => head.weights);
    expect(argmaxRows(previous).slice(1)).toEqual([0, 1, 2, 3, 4]); // word t looks at word t − 1
    expect(argmaxRows(next).slice(0, 5)).toEqual([1, 2, 3, 4, 5]); // word t looks at word t + 1
    for (const t of [1, 2, 3, 4]) expect(toArray(previous)[t][t - 1]).toBeGreaterThan(0.8);
    // "the" (words 1 and 5) splits its weight between the two copies of "the"; every other word looks at itself.
    const w = toArray(same);
    for (const t of [0, 4]) expect(w[t][0] + w[t][4]).toBeGreaterThan(0.95);
    for (const t of [1, 2, 3, 5]) expect(w[t][t]).toBeGreaterThan(0.95);
    // "With one head, only the first pattern is left": the single head looks at the previous word.
    await setInput(lesson, "heads", 1);
    const single = (await get<MultiHeadResult>(lesson, "mha")).heads;
    expect(single).toHaveLength(1);
    expect(argmaxRows(single[0].weights).slice(1)).toEqual([0, 1, 2, 3, 4]);
  });

  it("draws one weights map per head, and the maps wrap in a flex row", async () => {
    const lesson = await mount();
    for (const h of [1, 6, 3]) {
      await setInput(lesson, "heads", h);
      const grid = await get<HTMLElement>(lesson, "headGrid");
      expect(grid.style.flexWrap).toBe("wrap");
      expect(grid.querySelectorAll("svg[aria-label^='heatmap of head']")).toHaveLength(h);
    }
  });

  it("counts parameters and operations per number of heads as the formulas derived here", async () => {
    const lesson = await mount();
    const d = await get<number>(lesson, "costModel");
    expect(d).toBe(512); // the original Transformer's base width, and the exercise's
    const costOf = await get<(n: number, d: number, h: number) => { params: number; matmul: number; softmax: number; weights: number }>(lesson, "costOf");
    // Derivation, with d_k = d/h and a multiply-add counted as 2:
    //   parameters: h heads × 3 projections of d × d/h, plus W_O of d × d          = 4d²
    //   matmuls:    3h · 2n·d·(d/h)  +  h · 2n·(d/h)·n  +  h · 2n·n·(d/h)  +  2n·d·d  = 8nd² + 4n²d
    //   softmax:    h maps of n × n, 5 operations per weight                     = 5hn²
    for (const n of [16, 512, 4096]) {
      for (const h of [1, 8, 64]) {
        const c = costOf(n, d, h);
        expect(c.params).toBe(4 * d * d);
        expect(c.matmul).toBe(8 * n * d * d + 4 * n * n * d);
        expect(c.softmax).toBe(5 * h * n * n);
        expect(c.weights).toBe(h * n * n);
      }
    }
    // BERT-base sized: 2,359,296 parameters in one attention layer, whatever the heads.
    expect(costOf(512, 768, 12).params).toBe(2_359_296);
  });

  it("the cost chart follows n and h: its lines move with h, its marker with n, and the prose's numbers with both", async () => {
    const lesson = await mount();
    type Point = { n: number; value: number; series: string };
    const line = (points: Point[], name: string): number[] => points.filter((p) => p.series === name).map((p) => p.value);
    await setInput(lesson, "costHeadCount", 8); // the default in the browser; happy-dom doesn't honour a select's initial option
    const eight = await get<Point[]>(lesson, "costSeries");
    expect([...new Set(eight.map((p) => p.n))]).toEqual([16, 32, 64, 128, 256, 512, 1024, 2048, 4096]);
    await setInput(lesson, "costHeadCount", 32);
    const many = await get<Point[]>(lesson, "costSeries");
    expect(line(many, "parameters")).toEqual(line(eight, "parameters"));
    expect(line(many, "matmul operations")).toEqual(line(eight, "matmul operations"));
    line(many, "attention weights stored").forEach((w, k) => expect(w).toBe(4 * line(eight, "attention weights stored")[k]));
    // The crossing: the smallest n with h·n² > 4·d², i.e. n > 2d/√h, found here by the formula.
    for (const [h, n] of [[1, 512], [32, 4096], [8, 100]] as const) {
      await setInput(lesson, "costHeadCount", h);
      await setInput(lesson, "costLength", n);
      expect(await get<number>(lesson, "costCrossing")).toBe(Math.floor((2 * 512) / Math.sqrt(h)) + 1);
      const now = await get<{ params: number; matmul: number; softmax: number; weights: number }>(lesson, "costNow");
      expect(now.weights).toBe(h * n * n);
      expect(now.softmax).toBe(5 * h * n * n);
      const chart = await get<Element>(lesson, "costChart");
      expect(chart.querySelector("svg[aria-label]")?.getAttribute("aria-label")).toContain(`${h} heads, n = ${n} marked`);
    }
    const text = lesson.root.textContent ?? "";
    expect(text).toMatch(/From [^=]{1,80}= 363 on, the [^=]{1,80} maps hold more numbers than the layer's weights/);
  });

  it("the parameter count matches the lesson's own matrices, 4 · 12² = 576 for every h", async () => {
    const lesson = await mount();
    const costOf = await get<(n: number, d: number, h: number) => { params: number }>(lesson, "costOf");
    for (const h of [1, 2, 3, 4, 6]) {
      await setInput(lesson, "heads", h);
      const p = await get<MultiHeadParams>(lesson, "params");
      const counted = [...p.Wq, ...p.Wk, ...p.Wv, p.Wo].reduce((sum, W) => sum + W.data.length, 0);
      expect(counted).toBe(576);
      expect(costOf(6, 12, h).params).toBe(counted);
    }
  });
});
