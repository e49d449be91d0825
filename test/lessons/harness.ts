// What the per-lesson tests share: mounting a lesson on the real runtime (disposed when the test
// finishes) and setting its `viewof` inputs the way a reader does. Used under happy-dom.
import { expect, onTestFinished } from "vitest";
import type { CompiledLesson } from "../../src/lesson/types.ts";
import { mountLesson, type CellError, type MountedLesson } from "../../src/notebook/index.ts";
import { toArray, type Matrix } from "../../src/kernel/index.ts";

// Lazy: a lesson is compiled (by the real Vite plugin) only when a test mounts it.
const lessons = import.meta.glob<CompiledLesson>("/lessons/*/index.md", { import: "default" });

/** A mounted lesson and the element it was mounted into. */
export interface TestLesson extends MountedLesson {
  root: HTMLElement;
}

/** One line a cell in error: `line 42: message`. */
const describeErrors = (errors: CellError[]): string[] => errors.map((e) => `line ${e.cell.line}: ${e.message}`);

/**
 * Mounts lesson `slug` into a new element of the body, waits until no cell computes (at most
 * `settleTimeoutMs`, the runtime's default when not given) and expects no cell in error. The lesson
 * is disposed when the calling test finishes, so this must be called from inside a test.
 */
export async function mountLessonForTest(slug: string, options: { settleTimeoutMs?: number } = {}): Promise<TestLesson> {
  const load = lessons[`/lessons/${slug}/index.md`];
  if (!load) throw new Error(`no lesson "${slug}" in /lessons`);
  const compiled = await load();
  const root = document.createElement("div");
  document.body.appendChild(root);
  const mounted = mountLesson(root, compiled);
  let disposed = false;
  const lesson: TestLesson = {
    root,
    value: (name) => mounted.value(name),
    settled: (timeoutMs) => mounted.settled(timeoutMs),
    dispose: () => {
      if (disposed) return;
      disposed = true;
      mounted.dispose();
    },
  };
  onTestFinished(() => lesson.dispose());
  expect(describeErrors(await lesson.settled(options.settleTimeoutMs))).toEqual([]);
  return lesson;
}

/**
 * Sets the `viewof name` input the way a reader does, a new value then an input event, and waits for
 * the cells to follow; then expects no cell in error and `name` to be `value`.
 *
 * happy-dom can't drive every Input through its own value setter, so some are set by hand:
 * - a radio group (Inputs.radio relies on RadioNodeList's value setter, which happy-dom lacks): each
 *   radio is checked in turn until the input's value is `value`;
 * - a select (Inputs.select assigns a number to select.value, which happy-dom doesn't coerce to the
 *   option's string): the option that shows `value` is chosen; failing that, the option whose value
 *   is `value` (our index selects list 0..n-1 and show a label, so the option's value is the index).
 * In Chromium the e2e tests drive these inputs for real.
 */
export async function setInput(lesson: MountedLesson, name: string, value: unknown): Promise<void> {
  const view = (await lesson.value(`viewof ${name}`)) as HTMLElement & { value: unknown };
  const radios = [...view.querySelectorAll<HTMLInputElement>("input[type=radio]")];
  const select = view.querySelector("select");
  if (radios.length) {
    for (const radio of radios) {
      radio.checked = true;
      radio.dispatchEvent(new Event("input", { bubbles: true }));
      if (view.value === value) break;
    }
  } else if (select) {
    const shown = Array.from(select.options).findIndex((o) => o.textContent === String(value));
    if (shown >= 0) select.selectedIndex = shown;
    else select.value = String(value);
    if (select.selectedIndex < 0) throw new Error(`no option "${String(value)}" in viewof ${name}`);
    select.dispatchEvent(new Event("input", { bubbles: true }));
  } else {
    view.value = value;
    view.dispatchEvent(new Event("input", { bubbles: true }));
  }
  await new Promise((r) => setTimeout(r, 50));
  expect(describeErrors(await lesson.settled())).toEqual([]);
  expect(await lesson.value(name)).toEqual(value);
}

/** The value of cell `name` (a matrix unless said otherwise). */
export const get = async <T = Matrix>(lesson: MountedLesson, name: string): Promise<T> => (await lesson.value(name)) as T;

/** For each row of m, the column of its largest entry. */
export const argmaxRows = (m: Matrix): number[] => toArray(m).map((row) => row.indexOf(Math.max(...row)));
