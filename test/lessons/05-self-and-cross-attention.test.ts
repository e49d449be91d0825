// @vitest-environment happy-dom
// Lesson 05 on the real runtime: the self/cross switch changes where K and V come from, the weights
// become n_q × n_k with the right tokens, and the three encoder-decoder blocks have the right shapes.
import { describe, expect, it, vi } from "vitest";
import type { MountedLesson } from "../../src/notebook/index.ts";
import { attention, causalMask, matmul, toArray, transpose, type AttentionResult, type Matrix } from "../../src/kernel/index.ts";
import { argmaxRows, get, mountLessonForTest, setInput } from "./harness.ts";

const mount = () => mountLessonForTest("05-self-and-cross-attention");

/** Picks a radio option of a `viewof` by its visible label (happy-dom can't set a radio group's value). */
async function choose(lesson: MountedLesson, name: string, label: string): Promise<void> {
  const view = (await lesson.value(`viewof ${name}`)) as HTMLElement;
  const radio = Array.from(view.querySelectorAll<HTMLInputElement>("input[type=radio]")).find((r) => r.parentElement?.textContent?.trim() === label);
  if (!radio) throw new Error(`no option "${label}" in viewof ${name}`);
  radio.checked = true;
  view.dispatchEvent(new Event("input", { bubbles: true }));
  await new Promise((r) => setTimeout(r, 50));
  await lesson.settled();
}


// Mounting a lesson and following a few inputs takes seconds in happy-dom, more when files run in parallel.
vi.setConfig({ testTimeout: 30_000 });

describe("05-self-and-cross-attention", () => {
  it("self-attention: queries, keys and values all come from the decoder, masked causally, so the weights are square", async () => {
    const lesson = await mount();
    expect(await get(lesson, "mode")).toBe("self-attention");
    const tgt = await get<string[]>(lesson, "tgtTokens");
    expect(tgt).toEqual(["le", "chat", "noir", "dort"]);
    expect(await get(lesson, "keyTokens")).toEqual(tgt);
    const result = await get<AttentionResult>(lesson, "result");
    expect([result.weights.rows, result.weights.cols]).toEqual([4, 4]);
    const [Xdec, Wq, Wk, Wv] = await Promise.all(["Xdec", "Wq", "Wk", "Wv"].map((n) => get<Matrix>(lesson, n)));
    const expected = attention(matmul(Xdec, Wq), matmul(Xdec, Wk), matmul(Xdec, Wv), { mask: causalMask(4) });
    expect(toArray(result.output)).toEqual(toArray(expected.output));
    toArray(result.weights).forEach((row, i) => row.forEach((w, j) => { if (j > i) expect(w).toBe(0); }));
  });

  it("in self mode every word looks most at itself, because W_Q = W_K is one rotation: q_i · k_j = x_i · x_j", async () => {
    const lesson = await mount();
    const [Xdec, Wq, Wk] = await Promise.all(["Xdec", "Wq", "Wk"].map((n) => get<Matrix>(lesson, n)));
    expect(Wk).toBe(Wq);
    // W Wᵀ = I: a rotation keeps dot products, so a word's own key is its best match (all rows have length 3).
    const WWt = toArray(matmul(Wq, transpose(Wq)));
    WWt.forEach((row, i) => row.forEach((x, j) => expect(x).toBeCloseTo(i === j ? 1 : 0, 12)));
    toArray(Xdec).forEach((row) => expect(Math.hypot(...row)).toBeCloseTo(3, 12));
    expect(argmaxRows((await get<AttentionResult>(lesson, "result")).weights)).toEqual([0, 1, 2, 3]);
    // "la" means what "le" means: the same embedding, so its own key ties with that of the earlier "le".
    await setInput(lesson, "target", "le chat mange la souris noire");
    const weights = toArray((await get<AttentionResult>(lesson, "result")).weights);
    weights.forEach((row, i) => expect(row[i]).toBe(Math.max(...row)));
    expect(weights[3][0]).toBe(weights[3][3]);
  });

  it("cross-attention: the weights become n_q × n_k, French words down, English words across", async () => {
    const lesson = await mount();
    await choose(lesson, "mode", "the encoder (cross)");
    const src = await get<string[]>(lesson, "srcTokens");
    const tgt = await get<string[]>(lesson, "tgtTokens");
    expect(src).toEqual(["the", "black", "cat", "is", "sleeping"]);
    expect(await get(lesson, "keyTokens")).toEqual(src);
    const result = await get<AttentionResult>(lesson, "result");
    expect([result.weights.rows, result.weights.cols]).toEqual([tgt.length, src.length]); // 4 × 5
    expect([result.output.rows, result.output.cols]).toEqual([4, 4]); // n_q × d_v
    for (const row of toArray(result.weights)) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // The output is attention with Q from the decoder and K, V from the encoder, recomputed here.
    const [Xdec, Xenc, Wq, Wk, Wv] = await Promise.all(["Xdec", "Xenc", "Wq", "Wk", "Wv"].map((n) => get<Matrix>(lesson, n)));
    const expected = attention(matmul(Xdec, Wq), matmul(Xenc, Wk), matmul(Xenc, Wv));
    expect(toArray(result.weights)).toEqual(toArray(expected.weights));
    // The prose's claim: each French word's strongest key is its translation.
    expect(argmaxRows(result.weights).map((j) => src[j])).toEqual(["the", "cat", "black", "sleeping"]);
  });

  it("the heatmap's axes carry the decoder's tokens down and the keys' tokens across", async () => {
    const lesson = await mount();
    await choose(lesson, "mode", "the encoder (cross)");
    const svg = document.querySelector('svg[aria-label^="heatmap of cross-attention weights"]');
    expect(svg?.getAttribute("aria-label")).toContain("4 decoder queries by 5 encoder keys");
    const ticks = (axis: string) => Array.from(svg!.querySelectorAll(`g[aria-label="${axis}-axis tick label"] text`), (t) => t.textContent);
    expect(ticks("x")).toEqual(["the", "black", "cat", "is", "sleeping"]);
    expect(ticks("y")).toEqual(["le", "chat", "noir", "dort"]);
  });

  it("the shape flow keeps n_q rows from the queries to the output", async () => {
    const lesson = await mount();
    await choose(lesson, "mode", "the encoder (cross)");
    const stages = await get<{ label: string; rows: number; cols: number }[][]>(lesson, "flowStages");
    const shapes = Object.fromEntries(stages.flat().map((s) => [s.label.split(" ")[0], `${s.rows}x${s.cols}`]));
    expect(shapes).toEqual({ X_dec: "4x8", X_enc: "5x8", Q: "4x8", K: "5x8", V: "5x4", A: "4x5", output: "4x4" });
  });

  it("the three blocks of an encoder-decoder: 5 × 5, 4 × 4 with nothing above the diagonal, 4 × 5", async () => {
    const lesson = await mount();
    const blocks = await get<{ w: Matrix }[]>(lesson, "blocks");
    expect(blocks.map((b) => `${b.w.rows}x${b.w.cols}`)).toEqual(["5x5", "4x4", "4x5"]);
    toArray(blocks[1].w).forEach((row, i) => row.forEach((w, j) => { if (j > i) expect(w).toBe(0); }));
  });

  it("typed sentences flow through: a 3-word decoder against a 6-word encoder gives 3 × 6 weights", async () => {
    const lesson = await mount();
    await choose(lesson, "mode", "the encoder (cross)");
    await setInput(lesson, "source", "the dog sees the white mouse");
    await setInput(lesson, "target", "le chien voit");
    const result = await get<AttentionResult>(lesson, "result");
    expect([result.weights.rows, result.weights.cols]).toEqual([3, 6]);
    expect(argmaxRows(result.weights).slice(1)).toEqual([1, 2]); // chien → dog, voit → sees
  });
});
