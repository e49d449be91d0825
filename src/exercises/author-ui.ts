// Author mode (`?author` in the URL): under a code exercise, a table of what the checker says about the
// exercise's own files. The reference should pass, the starter should fail cleanly, and each mistake
// declared in checks.ts should be recognised as itself. Each row has its button; "Run all" runs them in turn.
// Everything runs in the checking worker, like a learner's code, so the verdicts are the ones learners get.
import "./author.css";
import { el, type Frame } from "./frame.ts";
import type { CodeExerciseSpec } from "../lesson/types.ts";
import type { CheckTarget, runCheck } from "./runner.ts";
import type { Verdict } from "./types.ts";

export interface AuthorOptions {
  check: typeof runCheck;
  /** The ids of the mistakes checks.ts declares (default: loads checks.ts on the page). */
  listMistakes?: (lesson: string, id: string) => Promise<string[]>;
}

interface Row {
  name: string;
  expected: string;
  run: () => Promise<Verdict>;
  isExpected: (v: Verdict) => boolean;
  cell: HTMLElement;
  button: HTMLButtonElement;
}

async function declaredMistakes(lesson: string, id: string): Promise<string[]> {
  const { loadExercise } = await import("./load.ts");
  return ((await loadExercise(lesson, id)).checks.mistakes ?? []).map((m) => m.id);
}

/** "fail (mistake “forgot-scale”)", "pass", "timeout": what kind of verdict, before its message. */
export function describeVerdict(v: Verdict): string {
  if (v.status !== "fail") return v.status;
  return v.kind === "mistake" ? `fail (mistake “${v.mistakeId}”)` : `fail (${v.kind})`;
}

/** Adds the author tools to a mounted code exercise; returns its cleanup. */
export function mountAuthorTools(frame: Frame, spec: CodeExerciseSpec, opts: AuthorOptions): { destroy(): void } {
  const { doc } = frame;
  const target: CheckTarget = { lesson: spec.lesson, id: spec.id, timeoutMs: spec.timeoutMs };
  // A group, not a region: the exercise's region stays the only one named after its title.
  const box = el(doc, "div", "exercise__author");
  box.setAttribute("role", "group");
  box.setAttribute("aria-label", "Author tools");
  box.append(
    el(doc, "h4", "exercise__author-title", "Author tools"),
    el(doc, "p", "exercise__author-note", "The checker on this exercise's own files: the reference should pass, the starter should fail cleanly, and each declared mistake should be caught with its own message."),
  );
  const actions = el(doc, "div", "exercise__author-actions");
  const table = el(doc, "table", "exercise__author-table");
  table.append(el(doc, "caption", "visually-hidden", `Verdicts for ${spec.title}`));
  const head = el(doc, "tr");
  for (const title of ["Run", "Expected", "Verdict"]) head.append(Object.assign(el(doc, "th", undefined, title), { scope: "col" }));
  const thead = el(doc, "thead");
  thead.append(head);
  const body = el(doc, "tbody");
  table.append(thead, body);
  const note = el(doc, "p", "exercise__author-status");
  note.setAttribute("role", "status");
  box.append(actions, table, note);
  frame.section.insertBefore(box, frame.warning);

  let destroyed = false;
  let busy = false;
  const rows: Row[] = [];
  const runAllButton = el(doc, "button", "exercise__button", "Run all");
  runAllButton.type = "button";

  function addRow(name: string, label: string, expected: string, run: () => Promise<Verdict>, isExpected: (v: Verdict) => boolean): void {
    const tr = el(doc, "tr");
    tr.dataset.run = name;
    const button = el(doc, "button", "exercise__button exercise__author-run", label);
    button.type = "button";
    const cell = el(doc, "td", "exercise__author-verdict", "Not run yet.");
    const first = el(doc, "td");
    first.append(button);
    tr.append(first, el(doc, "td", undefined, expected), cell);
    body.append(tr);
    const row = { name, expected, run, isExpected, cell, button };
    button.addEventListener("click", () => void runRows([row]));
    rows.push(row);
  }

  async function runRows(which: Row[]): Promise<void> {
    if (busy) return;
    busy = true;
    box.setAttribute("aria-busy", "true");
    let surprises = 0;
    for (const row of which) {
      row.cell.textContent = "Running…";
      row.cell.dataset.outcome = "busy";
      const verdict = await row.run();
      if (destroyed) return;
      const ok = row.isExpected(verdict);
      if (!ok) surprises++;
      row.cell.textContent = `${ok ? "As expected" : "Unexpected"}: ${describeVerdict(verdict)}. ${verdict.message}`;
      row.cell.dataset.outcome = ok ? "expected" : "unexpected";
    }
    busy = false;
    box.removeAttribute("aria-busy");
    note.textContent = which.length === 1 ? "" : surprises === 0
      ? `All ${which.length} runs gave the expected verdict.`
      : `${surprises} of ${which.length} runs gave an unexpected verdict: npm run check:lessons says more.`;
  }

  addRow("reference", "Run reference", "passes", () => opts.check(target, spec.solution), (v) => v.status === "pass");
  addRow("starter", "Run starter", "fails cleanly", () => opts.check(target, spec.starter),
    (v) => v.status === "fail" && v.kind !== "load");
  runAllButton.addEventListener("click", () => void runRows(rows));
  actions.append(runAllButton);

  const loading = el(doc, "p", "exercise__author-loading", "Loading the declared mistakes…");
  box.insertBefore(loading, note);
  (opts.listMistakes ?? declaredMistakes)(spec.lesson, spec.id).then(
    (ids) => {
      if (destroyed) return;
      loading.remove();
      for (const id of ids) {
        addRow(`mistake ${id}`, `Run mistake ${id}`, `caught as “${id}”`, () => opts.check({ ...target, mistake: id }, ""),
          (v) => v.status === "fail" && v.kind === "mistake" && v.mistakeId === id);
      }
      if (ids.length === 0) note.textContent = "checks.ts declares no mistakes: add the likely ones from the catalogue (src/exercises/mistakes.ts).";
    },
    (error: unknown) => {
      loading.textContent = `The declared mistakes could not be read: ${error instanceof Error ? error.message : String(error)}`;
    },
  );
  return {
    destroy() {
      destroyed = true;
      box.remove();
    },
  };
}
