// @vitest-environment happy-dom
// Lesson 04 on the real runtime: decoder vs encoder, the wrong ways to mask, padding, and the leak
// detector, read from the lesson's own cells and checked against sums computed here.
import { describe, expect, it } from "vitest";
import { attention, causalMask, matmul, toArray, type Matrix } from "../../src/kernel/index.ts";
import { mountLessonForTest, setInput } from "./harness.ts";

const mount = () => mountLessonForTest("04-masking");

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const dot = (a: Matrix, i: number, b: Matrix, j: number): number => {
  let s = 0;
  for (let c = 0; c < a.cols; c++) s += a.data[i * a.cols + c] * b.data[j * b.cols + c];
  return s;
};
const times = (X: Matrix, W: Matrix): Matrix => {
  const data = new Float64Array(X.rows * W.cols);
  for (let i = 0; i < X.rows; i++) {
    for (let j = 0; j < W.cols; j++) for (let c = 0; c < X.cols; c++) data[i * W.cols + j] += X.data[i * X.cols + c] * W.data[c * W.cols + j];
  }
  return { rows: X.rows, cols: W.cols, data };
};

type Attn = { scores: Matrix; weights: Matrix; output: Matrix };
type Leak = { causal: number[]; open: number[]; causalPast: number; openPast: number };

describe("04-masking", () => {
  it("a decoder hides the future with −∞ scores and zero weights; an encoder hides nothing", async () => {
    const lesson = await mount();
    const n = ((await lesson.value("tokens")) as string[]).length;
    expect(n).toBe(6);
    const decoder = (await lesson.value("blockResult")) as Attn;
    const [scores, weights] = [toArray(decoder.scores), toArray(decoder.weights)];
    for (let i = 0; i < n; i++) {
      expect(sum(weights[i])).toBeCloseTo(1, 12);
      for (let j = i + 1; j < n; j++) {
        expect(scores[i][j]).toBe(-Infinity);
        expect(weights[i][j]).toBe(0);
      }
    }
    expect(weights[0][0]).toBe(1);
    await setInput(lesson, "block", "encoder");
    const encoder = (await lesson.value("blockResult")) as Attn;
    expect(encoder.scores.data.every(Number.isFinite)).toBe(true);
    expect(encoder.weights.data.every((w) => w > 0)).toBe(true);
  });

  it("masking after the softmax breaks the row sums, masking with 0 leaves weight on hidden keys", async () => {
    const lesson = await mount();
    const [X, Wq, Wk] = await Promise.all(["X", "Wq", "Wk"].map((n) => lesson.value(n) as Promise<Matrix>));
    const [Q, K] = [times(X, Wq), times(X, Wk)];
    const n = X.rows;
    // Row 0 by hand: its raw scores s_0j = q_0 · k_j / √d_k; only key 0 is visible to it.
    const s = Array.from({ length: n }, (_, j) => dot(Q, 0, K, j) / Math.sqrt(Q.cols));
    const e = s.map(Math.exp);
    const compare = (await lesson.value("compare")) as { weights: Matrix; firstRowSum: number; firstRowHidden: number }[];
    const [right, after, zero] = compare;
    for (const row of toArray(right.weights)) expect(sum(row)).toBeCloseTo(1, 12);
    expect(right.firstRowHidden).toBe(0);
    // After the softmax: row 0 keeps only its own share of the unmasked softmax.
    expect(after.firstRowSum).toBeCloseTo(e[0] / sum(e), 12);
    expect(after.firstRowSum).toBeLessThan(1);
    toArray(after.weights).slice(0, n - 1).forEach((row) => expect(sum(row)).toBeLessThan(1));
    // With 0: the n - 1 hidden keys each count as e^0 = 1.
    expect(zero.firstRowSum).toBeCloseTo(1, 12);
    expect(zero.firstRowHidden).toBeCloseTo((n - 1) / (e[0] + n - 1), 12);
    expect(zero.firstRowHidden).toBeGreaterThan(0.5);
  });

  it("padding keys get no weight, whatever the second sequence's length and the block", async () => {
    const lesson = await mount();
    type Seq = { labels: string[]; length: number; weights: Matrix };
    const check = async (secondLength: number): Promise<void> => {
      const batch = (await lesson.value("batch")) as Seq[];
      expect(batch[1].length).toBe(secondLength);
      const longest = Math.max(...batch.map((b) => b.length));
      for (const seq of batch) {
        expect(seq.labels).toHaveLength(longest);
        expect(seq.labels.slice(seq.length).every((l) => l === "pad")).toBe(true);
        for (const row of toArray(seq.weights)) {
          expect(sum(row)).toBeCloseTo(1, 12);
          expect(row.slice(seq.length).every((w) => w === 0)).toBe(true);
        }
      }
      expect(await lesson.value("padWeight")).toBe("0.00");
    };
    await check(3);
    await setInput(lesson, "secondLength", 1);
    await check(1);
    await setInput(lesson, "block", "encoder");
    await setInput(lesson, "secondLength", 5);
    await check(5);
  });

  it("the leak detector: editing a later token moves no earlier output under the causal mask, and does without it", async () => {
    const lesson = await mount();
    const n = ((await lesson.value("tokens")) as string[]).length;
    const expectNoLeak = async (editAt: number): Promise<void> => {
      const leak = (await lesson.value("leak")) as Leak;
      expect(leak.causal.slice(0, editAt).every((d) => d === 0)).toBe(true);
      expect(leak.causalPast).toBe(0);
      expect(leak.openPast).toBeGreaterThan(1e-4);
      expect(leak.causal[editAt]).toBeGreaterThan(0);
    };
    for (const [editAt, nudge] of [[2, 1], [1, -2], [4, 0.5], [n - 1, 2]]) {
      await setInput(lesson, "editAt", editAt);
      await setInput(lesson, "nudge", nudge);
      await expectNoLeak(editAt);
    }
    // No edit, no change, with or without the mask.
    await setInput(lesson, "nudge", 0);
    const still = (await lesson.value("leak")) as Leak;
    expect([...still.causal, ...still.open].every((d) => d === 0)).toBe(true);
  });

  it("the sentence under the block's heatmaps follows the block: the decoder's first weight is 1, the encoder's is spread", async () => {
    const lesson = await mount();
    const [X, Wq, Wk] = await Promise.all(["X", "Wq", "Wk"].map((n) => lesson.value(n) as Promise<Matrix>));
    const [Q, K] = [times(X, Wq), times(X, Wk)];
    const e = Array.from({ length: X.rows }, (_, j) => Math.exp(dot(Q, 0, K, j) / Math.sqrt(Q.cols)));
    const ownUnmasked = e[0] / sum(e); // token 0 over every key, by hand
    await setInput(lesson, "block", "decoder");
    const decoder = (await lesson.value("blockNote")) as string;
    expect(decoder).toContain("In the decoder");
    expect(decoder).toContain("its own weight is 1.00");
    await setInput(lesson, "block", "encoder");
    const encoder = (await lesson.value("blockNote")) as string;
    expect(encoder).not.toContain("In the decoder");
    expect(encoder).toContain(`over all ${X.rows} tokens and keeps ${ownUnmasked.toFixed(2)} for itself`);
    expect(ownUnmasked).toBeLessThan(0.9);
  });

  it("teacher forcing: one masked pass gives every output that generation computes pass by pass", async () => {
    const lesson = await mount();
    const [X, Wq, Wk, Wv] = await Promise.all(["X", "Wq", "Wk", "Wv"].map((n) => lesson.value(n) as Promise<Matrix>));
    const n = X.rows;
    const rows = (m: Matrix, k: number): Matrix => ({ rows: k, cols: m.cols, data: m.data.slice(0, k * m.cols) });
    // Generation, with the kernel directly: pass t attends over tokens 0..t and keeps row t.
    const passes = Array.from({ length: n }, (_, t) => {
      const P = rows(X, t + 1);
      return toArray(attention(matmul(P, Wq), matmul(P, Wk), matmul(P, Wv)).output)[t];
    });
    const masked = toArray(attention(matmul(X, Wq), matmul(X, Wk), matmul(X, Wv), { mask: causalMask(n) }).output);
    const open = toArray(attention(matmul(X, Wq), matmul(X, Wk), matmul(X, Wv)).output);
    const gap = (a: number[], b: number[]): number => Math.max(...a.map((x, c) => Math.abs(x - b[c])));
    passes.forEach((row, t) => expect(gap(row, masked[t]), `position ${t}`).toBeLessThan(1e-12));
    for (const steps of [1, 4, n]) {
      await setInput(lesson, "steps", steps);
      const generated = toArray((await lesson.value("generated")) as Matrix);
      expect(generated).toHaveLength(steps);
      generated.forEach((row, t) => expect(gap(row, passes[t])).toBeLessThan(1e-12));
      const check = (await lesson.value("trainingCheck")) as { matching: number; largest: number };
      expect(check.matching).toBe(steps);
      expect(await lesson.value("trainingNote")).toContain(`All ${steps} generated`);
    }
    // Trained without the mask, only the last position (which sees the whole sentence either way) agrees.
    await setInput(lesson, "trainOpen", true);
    const parallel = toArray(((await lesson.value("parallel")) as { output: Matrix }).output);
    parallel.forEach((row, t) => expect(gap(row, open[t])).toBeLessThan(1e-12));
    passes.forEach((row, t) => {
      if (t < n - 1) expect(gap(row, open[t])).toBeGreaterThan(1e-3);
    });
    const check = (await lesson.value("trainingCheck")) as { matching: number };
    expect(check.matching).toBe(1);
    await setInput(lesson, "steps", 3);
    expect(((await lesson.value("trainingCheck")) as { matching: number }).matching).toBe(0);
    expect(await lesson.value("trainingNote")).toContain("only 0 of the 3 generated rows match");
  });
});
