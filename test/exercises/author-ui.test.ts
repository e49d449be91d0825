// @vitest-environment happy-dom
// Author mode under a code exercise: a button per run (reference, starter, each declared mistake), the
// verdict each gets, and whether that is the verdict a sound exercise gives. The checker is faked here;
// test/e2e/authoring.test.ts runs the real one in Chromium.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { describeVerdict } from "../../src/exercises/author-ui.ts";
import { mountExercise } from "../../src/exercises/mount.ts";
import { ProgressStore } from "../../src/exercises/progress.ts";
import type { CheckTarget } from "../../src/exercises/runner.ts";
import type { Verdict } from "../../src/exercises/types.ts";
import type { CodeExerciseSpec } from "../../src/lesson/types.ts";

const spec: CodeExerciseSpec = {
  id: "weights", kind: "code", title: "Attention weights", prompt: "<p>Write it.</p>", hints: ["<p>Try.</p>"], hash: "h", line: 1,
  lesson: "07-x", starter: "export function w() { return null; }", solution: "export function w() { return SOLUTION; }", timeoutMs: 3000,
};

const verdicts: Record<string, Verdict> = {
  solution: { status: "pass", message: "Correct! Your function matches the reference on all 2 test cases." },
  starter: { status: "fail", kind: "values", message: "Not quite." },
  "forgot-scale": { status: "fail", kind: "mistake", mistakeId: "forgot-scale", message: "You forgot to scale." },
  "kqt": { status: "fail", kind: "mistake", mistakeId: "forgot-scale", message: "You forgot to scale." },
};
const check = vi.fn(async (target: CheckTarget, code: string): Promise<Verdict> =>
  verdicts[target.mistake ?? (code.includes("SOLUTION") ? "solution" : "starter")]);

let host: HTMLElement;
beforeEach(() => {
  document.body.replaceChildren();
  host = document.createElement("div");
  document.body.append(host);
  check.mockClear();
});

const settle = () => new Promise((r) => setTimeout(r, 20));
const buttons = () => [...host.querySelectorAll("button")].filter((b) => !b.hidden).map((b) => b.textContent);
const button = (name: string) => [...host.querySelectorAll("button")].find((b) => b.textContent === name)!;
const row = (name: string) => host.querySelector<HTMLElement>(`tr[data-run="${name}"] .exercise__author-verdict`)!;

async function mount(mistakes: string[], author = true): Promise<void> {
  mountExercise(host, spec, { store: new ProgressStore(), editor: "textarea", check, author, listMistakes: async () => mistakes });
  await settle();
}

describe("mountExercise(..., { author: true })", () => {
  it("mountExercise adds Run all, Run reference, Run starter and Run mistake <id> for each declared mistake", async () => {
    await mount(["forgot-scale", "kqt"]);
    expect(buttons()).toEqual(["Check", "Hint", "Solution", "Reset", "Run all", "Run reference", "Run starter", "Run mistake forgot-scale", "Run mistake kqt"]);
    expect(host.querySelector("[role=group]")?.getAttribute("aria-label")).toBe("Author tools");
    expect(host.querySelectorAll("[role=region]")).toHaveLength(1);
  });

  it("without author, no author tools", async () => {
    await mount(["forgot-scale"], false);
    expect(buttons()).toEqual(["Check", "Hint", "Solution", "Reset"]);
  });

  it("Run reference runs the solution through the checker and shows its verdict", async () => {
    await mount([]);
    button("Run reference").click();
    await settle();
    expect(check).toHaveBeenCalledWith({ lesson: "07-x", id: "weights", timeoutMs: 3000 }, spec.solution);
    expect(row("reference").textContent).toBe("As expected: pass. Correct! Your function matches the reference on all 2 test cases.");
    expect(row("reference").dataset.outcome).toBe("expected");
    expect(row("starter").textContent).toBe("Not run yet.");
  });

  it("Run all runs every row and flags a mistake that is reported as another one", async () => {
    await mount(["forgot-scale", "kqt"]);
    button("Run all").click();
    await settle();
    expect(check).toHaveBeenCalledWith({ lesson: "07-x", id: "weights", timeoutMs: 3000, mistake: "kqt" }, "");
    expect(row("starter").textContent).toBe("As expected: fail (values). Not quite.");
    expect(row("mistake forgot-scale").textContent).toBe("As expected: fail (mistake “forgot-scale”). You forgot to scale.");
    expect(row("mistake kqt").textContent).toBe("Unexpected: fail (mistake “forgot-scale”). You forgot to scale.");
    expect(row("mistake kqt").dataset.outcome).toBe("unexpected");
    expect(host.querySelector(".exercise__author-status")?.textContent).toBe("1 of 4 runs gave an unexpected verdict: npm run check:lessons says more.");
  });

  it("says so when checks.ts declares no mistakes", async () => {
    await mount([]);
    expect(host.querySelector(".exercise__author-status")?.textContent).toMatch(/^checks.ts declares no mistakes/);
  });
});

describe("describeVerdict(verdict)", () => {
  it("describeVerdict names the status, and the kind of a failure", () => {
    expect(describeVerdict({ status: "timeout", message: "" })).toBe("timeout");
    expect(describeVerdict({ status: "fail", kind: "shape", message: "" })).toBe("fail (shape)");
  });
});
