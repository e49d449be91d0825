// @vitest-environment happy-dom
// The alignment lesson mounted headless with the shipped models (fetch reads public/models): a
// translation, its alignment, unknown and bad sentences, and the messages for a missing or corrupt file.
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Matrix } from "../../src/kernel/index.ts";
import { mountLessonForTest, type TestLesson } from "./harness.ts";

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
