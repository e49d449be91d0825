// @vitest-environment happy-dom
// The alignment lesson mounted headless with the shipped models (fetch reads public/models): a
// translation, its alignment, unknown and bad sentences, and the messages for a missing or corrupt file.
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { matmul, toArray, type Matrix } from "../../src/kernel/index.ts";
import { greedyDecode } from "../../src/models/alignment/decode.ts";
import { BUCKETS, score, testSet } from "../../src/models/alignment/evaluate.ts";
import { translateByRule } from "../../src/models/alignment/grammar.ts";
import { EXAMPLES } from "../../src/models/alignment/sentence.ts";
import { deserializeModel } from "../../src/models/alignment/serialize.ts";
import { get, mountLessonForTest, setInput, type TestLesson } from "./harness.ts";

vi.setConfig({ testTimeout: 60_000 }); // each test mounts the lesson and translates; slow on a busy machine

type Files = Record<string, { status: number; body: string }>;

function serve(files: Files): void {
  vi.stubGlobal("fetch", async (url: URL | string) => {
    const name = String(url).split("/").pop() ?? "";
    const file = files[name] ?? { status: 404, body: "not found" };
    return { ok: file.status === 200, status: file.status, text: async () => file.body } as unknown as Response;
  });
}

const shipped = (): Files => ({
  "rnnsearch.json": { status: 200, body: readFileSync("public/models/rnnsearch.json", "utf8") },
  "rnnencdec.json": { status: 200, body: readFileSync("public/models/rnnencdec.json", "utf8") },
});

// Loading the models and translating may take longer than the runtime's default 10 s.
const mount = () => mountLessonForTest("08-alignment", { settleTimeoutMs: 30_000 });

async function type(mounted: TestLesson, text: string): Promise<void> {
  const input = mounted.root.querySelector<HTMLInputElement>("input[type=text]");
  if (!input) throw new Error("no text input");
  input.value = text;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  await new Promise((r) => setTimeout(r, 50));
  await mounted.settled(30_000);
}

interface Translations {
  problem: string | null;
  search: { source: string[]; output: string[]; alignment: Matrix };
  encdec: { output: string[] };
  reference: string[];
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

// The failure cases run first: loadShipped() caches only a successful load.
describe("08-alignment without its model files", () => {
  it("says which file is missing and how to make it, in place of the charts", async () => {
    serve({});
    const mounted = await mount();
    const { root } = mounted;
    const alert = root.querySelector(".model-error");
    expect(alert?.textContent).toContain("models/rnnsearch.json is missing (HTTP 404)");
    expect(alert?.textContent).toContain("npm run train -- rnnsearch");
    expect(((await mounted.value("translations")) as Translations).problem).toContain("missing");
  });

  it("says a corrupt file is not a valid model", async () => {
    serve({ ...shipped(), "rnnencdec.json": { status: 200, body: '{"format": "something else"}' } });
    const mounted = await mount();
    const { root } = mounted;
    expect(root.querySelector(".model-error")?.textContent).toContain("models/rnnencdec.json is not a valid trained model");
  });
});

describe("08-alignment with the shipped models", () => {
  it("translates the first example correctly and reorders the adjectives in its alignment", async () => {
    serve(shipped());
    const mounted = await mount();
    const { root } = mounted;
    const t = (await mounted.value("translations")) as Translations;
    expect(t.problem).toBeNull();
    expect(t.search.output.join(" ")).toBe("la voiture rouge grand voit un chien vieux petit </s>");
    expect(t.reference.join(" ")).toBe("la voiture rouge grand voit un chien vieux petit");
    // Each output word's strongest source word: noun first, then the adjectives backwards.
    const A = t.search.alignment;
    const argmax = (i: number): string => {
      const row = Array.from(A.data.subarray(i * A.cols, (i + 1) * A.cols));
      return t.search.source[row.indexOf(Math.max(...row))];
    };
    expect(t.search.output.slice(1, 4).map((_, k) => argmax(k + 1))).toEqual(["car", "red", "big"]);
    expect(root.querySelector("table.translations")?.textContent).toContain("RNNsearch");
    expect((await mounted.value("alignmentChart")) instanceof Element).toBe(true);
  });

  it("marks unknown words, reads them as <unk>, and still translates", async () => {
    serve(shipped());
    const mounted = await mount();
    const { root } = mounted;
    await type(mounted, "the zebra sleeps");
    const t = (await mounted.value("translations")) as Translations;
    expect(t.search.source).toEqual(["the", "<unk>", "sleeps", "</s>"]);
    expect(root.querySelector(".translations mark")?.textContent).toBe("zebra");
    expect(root.querySelector(".unknown-words")?.textContent).toContain("zebra");
  });

  it("asks for a sentence when the box is empty, and for a shorter one past 30 words", async () => {
    serve(shipped());
    const mounted = await mount();
    const { root } = mounted;
    await type(mounted, "   ");
    expect(root.querySelector(".translation-problem")?.textContent).toContain("empty");
    await type(mounted, Array.from({ length: 33 }, () => "cat").join(" "));
    expect(root.querySelector(".translation-problem")?.textContent).toContain("33 words");
  });

  it("computes BLEU by length for both models: RNNsearch stays high, RNNencdec falls", async () => {
    serve(shipped());
    const mounted = await mount();
    const rows = (await mounted.value("bleuRows")) as { encdec: { bleu: number }; search: { bleu: number } }[];
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r.search.bleu).toBeGreaterThan(85);
    expect(rows[0].encdec.bleu - rows[3].encdec.bleu).toBeGreaterThan(15);
  });
});

// What the prose and the quiz say about the shipped RNNsearch, derived here from the model files
// themselves (decoded with the models' own code, not read from the lesson's cells).
describe("08-alignment: the prose's claims about the shipped models", () => {
  const search = deserializeModel(readFileSync("public/models/rnnsearch.json", "utf8"));
  const encdec = deserializeModel(readFileSync("public/models/rnnencdec.json", "utf8"));
  const words = (s: string): string[] => s.split(" ");
  const decode = (model: typeof search, source: string[]) => {
    const d = greedyDecode(model, model.source.encode(source));
    return { output: model.target.decode(d.ids), alignment: d.alignment ? toArray(d.alignment) : null };
  };

  it("RNNsearch translates every example; RNNencdec the two shortest, and on the two longest drops words and puts in others", () => {
    const byLength = [...EXAMPLES].sort((a, b) => words(a).length - words(b).length);
    for (const example of EXAMPLES) expect(decode(search, words(example)).output, example).toEqual(translateByRule(words(example)));
    for (const example of byLength.slice(0, 2)) expect(decode(encdec, words(example)).output, example).toEqual(translateByRule(words(example)));
    for (const example of byLength.slice(-2)) {
      const out = decode(encdec, words(example)).output, ref = translateByRule(words(example));
      expect(ref.some((w) => !out.includes(w)), `dropped in: ${example}`).toBe(true);
      expect(out.some((w) => !ref.includes(w)), `put in: ${example}`).toBe(true);
    }
  });

  it("the first example's alignment: la and voiture look at car, rouge and grand walk back, voit jumps to sees; the quiz's numbers", () => {
    const source = [...words(EXAMPLES[0]), "</s>"];
    const { output, alignment } = decode(search, words(EXAMPLES[0]));
    expect(output.join(" ")).toBe("la voiture rouge grand voit un chien vieux petit");
    const A = alignment!;
    const strongest = A.map((row) => source[row.indexOf(Math.max(...row))]);
    expect(strongest.slice(0, 5)).toEqual(["car", "car", "red", "big", "sees"]);
    // The quiz: *the* is nobody's strongest source word; for *la*, car 0.39 against the 0.13.
    expect(strongest).not.toContain("the");
    expect(A[0][source.indexOf("car")].toFixed(2)).toBe("0.39");
    expect(A[0][source.indexOf("the")].toFixed(2)).toBe("0.13");
  });

  it("most of every example's alignment lies within two places of the diagonal, and the lesson says how much for its sentence", async () => {
    const share = (A: number[][]): number => A.reduce((s, row, i) => s + row.reduce((t, w, j) => t + (Math.abs(i - j) <= 2 ? w : 0), 0), 0) / A.length;
    for (const example of EXAMPLES) expect(share(decode(search, words(example)).alignment!), example).toBeGreaterThan(0.8);
    serve(shipped());
    const lesson = await mount();
    expect(await lesson.value("nearDiagonal")).toBe(`${Math.round(100 * share(decode(search, words(EXAMPLES[0])).alignment!))}%`);
  });

  it("at 24–30 words the toy gap is far larger than the paper's 26.75 − 17.82, and the prose quotes it", async () => {
    const longest = testSet(2025, BUCKETS, 30).at(-1)!;
    const [e, s] = [score(encdec, longest).bleu, score(search, longest).bleu];
    expect(s - e).toBeGreaterThan(26.75 - 17.82);
    serve(shipped());
    const lesson = await mount();
    expect(await lesson.value("toyGap")).toEqual({ bucket: "24–30", encdec: e.toFixed(1), search: s.toFixed(1) });
  });
});

describe("08-alignment: weights that change nothing, and the cost of a layer", () => {
  it("the other weights are weights (≥ 0, rows summing to 1), give the same outputs, and differ, moving the largest weight", async () => {
    serve({});
    const lesson = await mount();
    type Explain = { V: Matrix; weights: Matrix; moved: Matrix };
    for (const move of [0, 0.5, 1]) {
      await setInput(lesson, "moveWeights", move);
      const { V, weights, moved } = await get<Explain>(lesson, "explain");
      const [a, b] = [toArray(weights), toArray(moved)];
      for (const row of b) {
        for (const w of row) expect(w).toBeGreaterThanOrEqual(0);
        expect(row.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
      }
      const [out, other] = [toArray(matmul(weights, V)), toArray(matmul(moved, V))];
      out.forEach((row, i) => row.forEach((x, c) => expect(Math.abs(x - other[i][c])).toBeLessThan(1e-12)));
      const gap = Math.max(...a.flatMap((row, i) => row.map((w, k) => Math.abs(w - b[i][k]))));
      if (move === 0) expect(gap).toBe(0);
      else expect(gap).toBeGreaterThan(0.1 * move);
      if (move === 1) {
        const argmax = (row: number[]) => row.indexOf(Math.max(...row));
        const changed = a.filter((row, i) => argmax(row) !== argmax(b[i])).length;
        expect(changed).toBeGreaterThan(0);
        expect(await lesson.value("explainNote")).toContain(`${changed} of the 3 queries now put the most weight on another key`);
      }
    }
  });

  it("Table 1's leading terms at the reader's n and d: n²d against nd², crossing at n = d", async () => {
    serve({});
    const lesson = await mount();
    await setInput(lesson, "pathWidth", 512);
    await setInput(lesson, "pathLength", 30);
    let note = await get<string>(lesson, "layerCostNote");
    expect(note).toContain("self-attention does 17 times less arithmetic"); // nd² / n²d = d/n = 512/30
    expect(note).toContain(`${(30 * 30 * 512).toLocaleString("en-US")} against ${(30 * 512 * 512).toLocaleString("en-US")}`);
    expect(note).toContain("1 sequential step where the recurrent layer needs 30");
    expect(note).toContain("reaches the last in 1 step instead of 29");
    await setInput(lesson, "pathLength", 1024);
    note = await get<string>(lesson, "layerCostNote");
    expect(note).toContain("self-attention does 2.0 times more arithmetic");
    const chart = await get<Element>(lesson, "layerCostChart");
    expect(chart.querySelector("svg[aria-label]")?.getAttribute("aria-label")).toContain("d = 512, n = 1024 marked");
  });
});

