// @vitest-environment happy-dom
// Lesson 06 on the real runtime: the live equivariance check. Without positions the outputs of
// "dog bites man" and "man bites dog" are equal up to the permutation; with sinusoidal positions added
// they are not. And the similarity of two positions depends only on their distance.
import { describe, expect, it, vi } from "vitest";
import { add, allClose, attention, matmul, matrix, sinusoidalPositions, toArray, transpose, type Matrix } from "../../src/kernel/index.ts";
import { get, mountLessonForTest, setInput } from "./harness.ts";

const mount = () => mountLessonForTest("06-position");


/** Row i of the result is row order[i] of m. */
const permuteRows = (m: Matrix, order: number[]): number[][] => order.map((k) => toArray(m)[k]);

// Mounting a lesson and following a few inputs takes seconds in happy-dom, more when files run in parallel.
vi.setConfig({ testTimeout: 30_000 });

describe("06-position", () => {
  it("without positions, 'man bites dog' gets the outputs of 'dog bites man' with the rows swapped", async () => {
    const lesson = await mount();
    expect(await get(lesson, "tokens")).toEqual(["dog", "bites", "man"]);
    expect(await get(lesson, "permuted")).toEqual(["man", "bites", "dog"]);
    const order = await get<number[]>(lesson, "order");
    expect(order).toEqual([2, 1, 0]);
    const [outA, outB] = await Promise.all([get<Matrix>(lesson, "outA"), get<Matrix>(lesson, "outB")]);
    // Checked here from the two outputs, independently of the lesson's own check …
    permuteRows(outA, order).forEach((row, i) => row.forEach((x, j) => expect(toArray(outB)[i][j]).toBeCloseTo(x, 12)));
    // … and the lesson's live check agrees.
    expect(await get(lesson, "equivariant")).toBe(true);
    expect(await get<number>(lesson, "gap")).toBeLessThan(1e-12);
    expect(await get(lesson, "matched")).toBe(3);
    // The outputs themselves are not trivially equal: the rows do differ from word to word.
    expect(allClose(outA, outB, 1e-6)).toBe(false);
  });

  it("with sinusoidal positions added, permuting no longer just permutes the outputs", async () => {
    const lesson = await mount();
    await setInput(lesson, "withPositions", true);
    const [outA, outB, P] = await Promise.all(["outA", "outB", "P"].map((n) => get<Matrix>(lesson, n)));
    expect(await get(lesson, "equivariant")).toBe(false);
    expect(await get<number>(lesson, "gap")).toBeGreaterThan(1e-3);
    expect(await get(lesson, "matched")).toBe(0);
    expect(allClose(matmul(P, outA), outB, 1e-6)).toBe(false);
    // Even "bites", at position 1 in both sentences, now gets a different output.
    expect(Math.max(...toArray(outA)[1].map((x, j) => Math.abs(x - toArray(outB)[1][j])))).toBeGreaterThan(1e-3);
  });

  it("the lesson's outputs are self-attention over embedding + PE, recomputed here", async () => {
    const lesson = await mount();
    await setInput(lesson, "withPositions", true);
    const W = await get<{ q: Matrix; k: Matrix; v: Matrix }>(lesson, "W");
    const embed = await get<(words: string[]) => Matrix>(lesson, "embed");
    const XA = embed(["dog", "bites", "man"]);
    await setInput(lesson, "withPositions", false);
    const plain = (await get<(words: string[]) => Matrix>(lesson, "embed"))(["dog", "bites", "man"]);
    expect(allClose(XA, add(plain, sinusoidalPositions(3, 8)), 1e-15)).toBe(true);
    await setInput(lesson, "withPositions", true);
    const expected = attention(matmul(XA, W.q), matmul(XA, W.k), matmul(XA, W.v)).output;
    expect(allClose(await get<Matrix>(lesson, "outA"), expected, 1e-15)).toBe(true);
  });

  it("every reordering keeps equivariance without positions and breaks it with them", async () => {
    const lesson = await mount();
    await setInput(lesson, "sentence", "the dog bit the old man");
    for (const reorder of ["reverse the sentence", "move the first word to the end", "shuffle (seeded)"]) {
      await setInput(lesson, "reorder", reorder);
      await setInput(lesson, "withPositions", false);
      expect(await get(lesson, "reorder")).toBe(reorder);
      expect(await get(lesson, "equivariant"), reorder).toBe(true);
      await setInput(lesson, "withPositions", true);
      expect(await get(lesson, "equivariant"), reorder).toBe(false);
    }
  });

  it("the similarity of positions t and t + k is the same from position 0 and from position n/2", async () => {
    const lesson = await mount();
    const series = await get<{ name: string; points: [number, number][] }[]>(lesson, "similarity");
    expect(series.map((s) => s.name)).toEqual(["from position 0", "from position 16"]);
    const d = await get<number>(lesson, "dPE");
    // Derived here: PE_t · PE_{t+k} / (d/2) = mean over the d/2 pairs of cos(k ω_i), ω_i = 10000^(-2i/d).
    series[0].points.forEach(([k, y], idx) => {
      const expected = Array.from({ length: d / 2 }, (_, i) => Math.cos(k / 10000 ** ((2 * i) / d))).reduce((a, b) => a + b) / (d / 2);
      expect(y).toBeCloseTo(expected, 12);
      expect(series[1].points[idx][1]).toBeCloseTo(expected, 12);
    });
    expect(await get<number>(lesson, "curveGap")).toBeLessThan(1e-12);
  });

  it("PE at t + k is PE at t with each column pair turned by k·ω_i: the lesson's shift check agrees with one done here", async () => {
    const lesson = await mount();
    for (const [nPos, dPE] of [[32, 16], [12, 6]]) {
      await setInput(lesson, "nPos", nPos);
      await setInput(lesson, "dPE", dPE);
      const pe = toArray(sinusoidalPositions(2 * nPos, dPE));
      let gap = 0;
      for (const t of [0, 3, nPos - 1]) {
        for (const k of [1, 5, nPos]) {
          for (let i = 0; i < dPE / 2; i++) {
            const a = k * 10000 ** ((-2 * i) / dPE);
            // [sin, cos] times the 2×2 rotation by a, written as a product of matrices here.
            const turned = toArray(matmul(matrix([[pe[t][2 * i], pe[t][2 * i + 1]]]), matrix([[Math.cos(a), -Math.sin(a)], [Math.sin(a), Math.cos(a)]])))[0];
            gap = Math.max(gap, Math.abs(turned[0] - pe[t + k][2 * i]), Math.abs(turned[1] - pe[t + k][2 * i + 1]));
          }
        }
      }
      expect(gap).toBeLessThan(1e-12);
      const shown = await get<number>(lesson, "shiftGap");
      expect(shown).toBeLessThan(1e-12);
      expect(shown).toBeGreaterThanOrEqual(gap);
    }
  });

  it("RoPE: the scores depend only on the offsets, so moving the sentence leaves them; added sinusoids do not", async () => {
    const lesson = await mount();
    const W = await get<{ q: Matrix; k: Matrix }>(lesson, "W");
    const embed = await get<(words: string[]) => Matrix>(lesson, "embed"); // positions are off by default
    const words = ["dog", "bites", "man"];
    const X = embed(words);
    /** Row r's pair i turned by (start + r)·θ_i, θ_i = 10000^(−2i/d), with explicit cos and sin. */
    const turn = (M: Matrix, start: number): number[][] => toArray(M).map((row, r) => row.map((x, j) => {
      const i = Math.floor(j / 2), angle = (start + r) * 10000 ** ((-2 * i) / M.cols);
      return j % 2 === 0 ? x * Math.cos(angle) - row[j + 1] * Math.sin(angle) : row[j - 1] * Math.sin(angle) + x * Math.cos(angle);
    }));
    const scoresByHand = (start: number): number[][] => {
      const [Q, K] = [turn(matmul(X, W.q), start), turn(matmul(X, W.k), start)];
      return Q.map((q) => K.map((k) => q.reduce((s, x, c) => s + x * k[c], 0) / Math.sqrt(q.length)));
    };
    const ropeScores = await get<(start: number, mode: string) => Matrix>(lesson, "ropeScores");
    const at0 = scoresByHand(0);
    for (const start of [0, 7, 50]) {
      const byHand = scoresByHand(start);
      toArray(ropeScores(start, "rope")).forEach((row, m) => row.forEach((x, n) => expect(x).toBeCloseTo(byHand[m][n], 12)));
      byHand.forEach((row, m) => row.forEach((x, n) => expect(x).toBeCloseTo(at0[m][n], 12))); // only n − m counts
    }
    // At start 0, RoPE leaves token 0 alone: its scores against itself are the plain q·k.
    const plain = toArray(matmul(matmul(X, W.q), transpose(matmul(X, W.k))));
    expect(at0[0][0]).toBeCloseTo(plain[0][0] / 2, 12);
    // Added sinusoids: the same words at a later start get other scores.
    const added = (start: number) => toArray(ropeScores(start, "added"));
    const moved = Math.max(...added(7).flatMap((row, m) => row.map((x, n) => Math.abs(x - added(0)[m][n]))));
    expect(moved).toBeGreaterThan(0.01);
    const spread = await get<{ rope: number; added: number }>(lesson, "ropeSpread");
    expect(spread.rope).toBeLessThan(1e-12);
    expect(spread.added).toBeGreaterThanOrEqual(moved);
    expect(await get<string>(lesson, "ropeNote")).toContain(`move by up to ${spread.added.toFixed(2)}`);
  });

  it("the RoPE inputs redraw the turned queries and the scores heatmap", async () => {
    const lesson = await mount();
    const turnsAt0 = (await get<Element>(lesson, "ropeTurns")).outerHTML;
    await setInput(lesson, "ropeStart", 20);
    expect((await get<Element>(lesson, "ropeTurns")).outerHTML).not.toBe(turnsAt0);
    const title = () => Array.from(lesson.root.querySelectorAll("figure"), (f) => f.querySelector("h2, h3")?.textContent ?? "").find((t) => t.startsWith("Scores with"));
    expect(title()).toContain("Scores with RoPE, sentence from position 20");
    await setInput(lesson, "ropeMode", "added");
    expect(title()).toContain("Scores with added sinusoids, sentence from position 20");
  });
});
