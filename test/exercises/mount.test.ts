// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from "vitest";
import { mountExercise } from "../../src/exercises/mount.ts";
import { ProgressStore } from "../../src/exercises/progress.ts";
import { mountProgressTools } from "../../src/exercises/progress-tools.ts";
import type { Verdict } from "../../src/exercises/types.ts";
import type { ChoiceExerciseSpec, CodeExerciseSpec, NumericExerciseSpec } from "../../src/lesson/types.ts";

const code: CodeExerciseSpec = {
  id: "dot-scores", kind: "code", title: "Scores as dot products", prompt: "<p>Write <code>dotScores</code>.</p>",
  hints: ["<p>first</p>", "<p>second</p>", "<p>third</p>"], hash: "h1", line: 1, lesson: "02-queries-keys-values",
  starter: "export function dotScores(Q, K) {\n  return null;\n}\n", solution: "export function dotScores(Q, K) {\n  return matmul(Q, transpose(K));\n}\n",
  timeoutMs: 3000,
};
const preview = { rows: 2, cols: 2, shownRows: 2, shownCols: 2 };
const fakeCheck = vi.fn(async (_target: unknown, source: string): Promise<Verdict> =>
  source.includes("transpose(K)")
    ? { status: "pass", message: "Correct! Your function matches the reference on all 3 test cases." }
    : { status: "fail", kind: "values", message: "Not quite.", caseName: "a", expected: { ...preview, data: [1, 2, 3, 4] }, actual: { ...preview, data: [0, 0, 0, 0] } });

let host: HTMLElement;
let store: ProgressStore;
beforeEach(() => {
  localStorage.clear();
  document.body.replaceChildren();
  host = document.createElement("div");
  document.body.append(host);
  store = new ProgressStore();
  fakeCheck.mockClear();
});

const region = () => host.querySelector<HTMLElement>("section[role=region]")!;
const button = (name: string) => [...region().querySelectorAll("button")].find((b) => b.textContent === name)!;
const textbox = () => region().querySelector<HTMLTextAreaElement>("textarea")!;
const type = (text: string) => { textbox().value = text; textbox().dispatchEvent(new Event("input")); };
const settle = () => new Promise((r) => setTimeout(r, 20));

describe("mountExercise (code)", () => {
  it("mountExercise names the region by the title and offers Check, Hint, Solution and Reset", () => {
    mountExercise(host, code, { store, editor: "textarea", check: fakeCheck });
    const labelled = document.getElementById(region().getAttribute("aria-labelledby")!)!;
    expect(labelled.tagName).toBe("H3");
    expect(labelled.textContent).toBe("Scores as dot products");
    const visible = [...region().querySelectorAll("button")].filter((b) => !b.hidden).map((b) => b.textContent);
    expect(visible).toEqual(["Check", "Hint", "Solution", "Reset"]);
    expect(textbox().getAttribute("aria-label")).toBe("Code for Scores as dot products");
    expect(textbox().value).toBe(code.starter);
    expect(region().querySelector("[role=status]")?.getAttribute("aria-live")).toBe("polite");
  });

  it("mountExercise reveals hints one at a time and remembers how many", () => {
    mountExercise(host, code, { store, editor: "textarea", check: fakeCheck });
    button("Hint").click();
    expect([...region().querySelectorAll(".exercise__hint-label")].map((h) => h.textContent)).toEqual(["Hint 1 of 3"]);
    button("Hint").click();
    expect(region().querySelectorAll(".exercise__hint")).toHaveLength(2);
    expect(store.get("dot-scores")?.hintsUsed).toBe(2);
  });

  it("mountExercise shows the solution beside the learner's code, never over it", () => {
    mountExercise(host, code, { store, editor: "textarea", check: fakeCheck });
    type("my attempt");
    button("Solution").click();
    const solution = region().querySelector<HTMLElement>(".exercise__solution")!;
    expect(solution.hidden).toBe(false);
    expect(solution.textContent).toContain("matmul(Q, transpose(K))");
    expect(solution.parentElement).toBe(textbox().closest(".exercise__work"));
    expect(textbox().value).toBe("my attempt");
    expect(button("Solution").getAttribute("aria-expanded")).toBe("true");
    button("Solution").click();
    expect(solution.hidden).toBe(true);
  });

  it("mountExercise resets to the starter and Undo reset brings the learner's code back", () => {
    mountExercise(host, code, { store, editor: "textarea", check: fakeCheck });
    type("my attempt");
    button("Reset").click();
    expect(textbox().value).toBe(code.starter);
    expect(button("Undo reset").hidden).toBe(false);
    button("Undo reset").click();
    expect(textbox().value).toBe("my attempt");
    expect(button("Undo reset").hidden).toBe(true);
    expect(store.get("dot-scores")?.code).toBe("my attempt");
  });

  it("mountExercise checks the code, says Correct on a pass and saves the pass", async () => {
    mountExercise(host, code, { store, editor: "textarea", check: fakeCheck });
    type(code.solution);
    button("Check").click();
    expect(region().querySelector("[role=status]")?.textContent).toBe("Checking…");
    await settle();
    expect(region().querySelector("[role=status]")?.textContent).toMatch(/^Correct/);
    expect(store.get("dot-scores")).toMatchObject({ status: "pass", attempts: 1, code: code.solution });
    expect(region().querySelector<HTMLElement>(".exercise__badge")?.hidden).toBe(false);
  });

  it("mountExercise draws expected and actual side by side when values differ", async () => {
    mountExercise(host, code, { store, editor: "textarea", check: fakeCheck });
    button("Check").click();
    await vi.waitFor(() => expect(region().querySelectorAll(".exercise__compare-panel")).toHaveLength(2), { timeout: 5000 });
    const titles = [...region().querySelectorAll(".exercise__compare-title")].map((t) => t.textContent);
    expect(titles).toEqual(["Expected (2×2)", "Yours (2×2)"]);
    expect(store.get("dot-scores")).toMatchObject({ status: "fail", attempts: 1 });
    // No axes declared: the heatmaps speak of rows and columns, not of queries and keys.
    const labels = [...region().querySelectorAll(".exercise__compare-panel svg[aria-label]")].map((svg) => svg.getAttribute("aria-label"));
    expect(labels.join(" ")).toMatch(/\brow\b.*\bcolumn\b/);
    expect(labels.join(" ")).not.toMatch(/query|key/);
  });

  it("mountExercise names the heatmaps' axes as the checks declare them", async () => {
    const withAxes = vi.fn(async (): Promise<Verdict> => ({
      status: "fail", kind: "values", message: "Not quite.", caseName: "a", axes: { rows: "decoder state", cols: "encoder state" },
      expected: { ...preview, data: [1, 2, 3, 4] }, actual: { ...preview, data: [0, 0, 0, 0] },
    }));
    mountExercise(host, code, { store, editor: "textarea", check: withAxes });
    button("Check").click();
    await vi.waitFor(() => expect(region().querySelectorAll(".exercise__compare-panel svg[aria-label]")).toHaveLength(2), { timeout: 5000 });
    const label = region().querySelector(".exercise__compare-panel svg[aria-label]")!.getAttribute("aria-label")!;
    expect(label).toContain("decoder state");
    expect(label).toContain("encoder state");
  });

  it("mountExercise restores saved code and a pass without running anything", () => {
    store.update("dot-scores", "h1", { code: "saved code", status: "pass", attempts: 2 });
    mountExercise(host, code, { store, editor: "textarea", check: fakeCheck });
    expect(textbox().value).toBe("saved code");
    expect(region().querySelector("[role=status]")?.textContent).toMatch(/^Correct/);
    expect(fakeCheck).not.toHaveBeenCalled();
  });

  it("mountExercise loads CodeMirror as a textbox named after the exercise", async () => {
    mountExercise(host, code, { store, check: fakeCheck });
    await vi.waitFor(() => expect(region().querySelector(".cm-content")).not.toBeNull(), { timeout: 10_000 });
    const content = region().querySelector(".cm-content")!;
    expect(content.getAttribute("role")).toBe("textbox");
    expect(content.getAttribute("aria-label")).toBe("Code for Scores as dot products");
    expect(region().querySelector("textarea")).toBeNull();
  }, 15_000);
});

describe("mountExercise (numeric and choice)", () => {
  const numeric: NumericExerciseSpec = {
    id: "two-key-softmax", kind: "numeric", title: "Two keys", prompt: "<p>Weight?</p>", hints: [], hash: "n1", line: 1,
    answer: 0.75, tolerance: 0.005, feedback: [{ answer: 0.25, message: "That is the <em>first</em> key." }],
  };
  const choice: ChoiceExerciseSpec = {
    id: "weights-shape", kind: "choice", title: "The shape", prompt: "<p>Which shape?</p>", hints: ["<p>h</p>"], hash: "c1", line: 1,
    options: [{ text: "3 × 5", correct: true, feedback: "One row per query." }, { text: "5 × 3", correct: false, feedback: "That is one row per key." }],
  };

  it("a numeric exercise has a labelled input and feedback for likely wrong answers", () => {
    mountExercise(host, numeric, { store });
    const input = region().querySelector<HTMLInputElement>("input")!;
    expect(document.querySelector(`label[for="${input.id}"]`)?.textContent).toBe("Your answer");
    input.value = "0.25";
    button("Check").click();
    expect(region().querySelector("[role=status]")?.textContent).toBe("Not quite. That is the first key.");
    input.value = "3/4";
    button("Check").click();
    expect(region().querySelector("[role=status]")?.textContent).toBe("Correct! Read as 0.75. That is right.");
    expect(store.get("two-key-softmax")).toMatchObject({ status: "pass", attempts: 2, code: "3/4" });
    input.value = "1/4";
    button("Check").click();
    expect(region().querySelector("[role=status]")?.textContent).toBe("Not quite. Read as 0.25. That is the first key.");
    input.value = "0.7 5";
    button("Check").click();
    expect(region().querySelector("[role=status]")?.textContent).toMatch(/^I couldn't read “0.7 5” as a number \(two numbers in a row/);
    expect(store.get("two-key-softmax")).toMatchObject({ attempts: 3 }); // an unreadable answer is not an attempt
    expect(document.getElementById(input.getAttribute("aria-describedby")!)?.textContent).toContain("2^20");
  });

  it("a choice exercise is a radio group with a legend and feedback per option", () => {
    mountExercise(host, choice, { store });
    const group = region().querySelector("fieldset[role=radiogroup]")!;
    expect(group.querySelector("legend")?.textContent).toBe("Which shape?");
    const radios = group.querySelectorAll<HTMLInputElement>("input[type=radio]");
    button("Check").click();
    expect(region().querySelector("[role=status]")?.textContent).toBe("Choose an answer first.");
    radios[1].checked = true;
    button("Check").click();
    expect(region().querySelector("[role=status]")?.textContent).toBe("Not quite. That is one row per key.");
    radios[0].checked = true;
    button("Check").click();
    expect(region().querySelector("[role=status]")?.textContent).toBe("Correct! One row per query.");
  });
});

describe("mountProgressTools", () => {
  it("mountProgressTools offers Export and Import and rejects a foreign file with a reason", async () => {
    store.update("a", "h", { code: "keep", status: "pass" });
    mountProgressTools(host, store);
    const names = [...host.querySelectorAll("button")].map((b) => b.textContent);
    expect(names).toEqual(["Export progress", "Import progress"]);
    const input = host.querySelector<HTMLInputElement>("input[type=file]")!;
    expect(document.querySelector(`label[for="${input.id}"]`)?.textContent).toBe("Progress file");
    Object.defineProperty(input, "files", { value: [new File(['{"hello": 1}'], "x.json")], configurable: true });
    input.dispatchEvent(new Event("change"));
    await vi.waitFor(() => expect(host.querySelector("[role=status]")?.textContent).toMatch(/^Nothing was imported\. This file is not a progress file/));
    expect(store.get("a")?.code).toBe("keep");
  });
});
