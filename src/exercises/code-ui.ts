// A code exercise: editor, Check / Hint / Solution / Reset, the solution beside the editor (never over
// it), an undoable reset, and progress saved as the learner types. Saved code is restored, never run.
import type { CodeExerciseSpec } from "../lesson/types.ts";
import { mountAuthorTools, type AuthorOptions } from "./author-ui.ts";
import { showVerdict } from "./feedback.ts";
import { buildFrame, el, watchStorage } from "./frame.ts";
import { setupHints } from "./hints.ts";
import type { ProgressStore } from "./progress.ts";
import { runCheck } from "./runner.ts";
import { textareaEditor } from "./textarea-editor.ts";
import type { CodeEditor } from "./editor.ts";

export interface CodeMountOptions {
  store: ProgressStore;
  author?: boolean;
  /** "textarea" skips loading CodeMirror (tests, or if it fails to load). */
  editor?: "codemirror" | "textarea";
  /** Replaces the worker-based check (tests). */
  check?: typeof runCheck;
  /** Author mode: replaces reading the declared mistakes from checks.ts (tests). */
  listMistakes?: AuthorOptions["listMistakes"];
}

const SAVE_DELAY_MS = 300;

/** Mounts a code exercise into `host`; returns its cleanup. */
export function mountCodeExercise(host: HTMLElement, spec: CodeExerciseSpec, opts: CodeMountOptions): { destroy(): void } {
  const { store } = opts;
  const check = opts.check ?? runCheck;
  const frame = buildFrame(host, spec);
  const { doc } = frame;
  const saved = store.get(spec.id, spec.hash);
  const work = el(doc, "div", "exercise__work");
  const editorBox = el(doc, "div", "exercise__editor");
  const solutionBox = el(doc, "div", "exercise__solution");
  solutionBox.id = `${frame.status.id}-solution`;
  solutionBox.hidden = true;
  work.append(editorBox, solutionBox);
  // Tab indents in the editor; this says how a keyboard user moves on (CodeMirror's tab-focus mode).
  const keys = el(doc, "p", "exercise__keys", "Tab indents code. To leave the editor by keyboard, press Esc, then Tab.");
  keys.id = `${frame.status.id}-keys`;
  frame.body.append(work, keys);

  let destroyed = false;
  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const label = `Code for ${spec.title}`;
  const save = (): void => {
    clearTimeout(timer);
    timer = undefined;
    store.update(spec.id, spec.hash, { code: editor.getCode() });
  };
  const onChange = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  const flush = (): void => { if (timer !== undefined) save(); };
  const describedBy = keys.id;
  let editor: CodeEditor = textareaEditor({ parent: editorBox, code: saved?.code || spec.starter, label, describedBy, onChange });
  if (opts.editor !== "textarea") {
    import("./editor.ts").then((m) => {
      if (destroyed) return;
      const code = editor.getCode();
      const hadFocus = editorBox.contains(doc.activeElement);
      editor.destroy();
      editor = m.createEditor({ parent: editorBox, code, label, describedBy, onChange });
      if (hadFocus) editor.focus();
    }).catch(() => { /* keep the textarea: the exercise still works */ });
  }

  const checkButton = frame.button("Check", () => void runIt(editor.getCode()));
  const highlight = opts.editor === "textarea" ? undefined : (code: HTMLElement): void => {
    import("./editor.ts").then((m) => m.highlightInto(code, code.textContent ?? "")).catch(() => { /* plain text is fine */ });
  };
  setupHints(frame, spec.hints, saved?.hintsUsed ?? 0, (hintsUsed) => store.update(spec.id, spec.hash, { hintsUsed }), highlight);
  const solutionButton = frame.button("Solution", () => toggleSolution());
  solutionButton.setAttribute("aria-expanded", "false");
  solutionButton.setAttribute("aria-controls", solutionBox.id);
  let beforeReset: string | null = null;
  frame.button("Reset", () => {
    beforeReset = editor.getCode();
    editor.setCode(spec.starter);
    save();
    undoButton.hidden = false;
    frame.say("Your code was reset to the starter. Undo reset brings yours back.", "info");
  });
  const undoButton = frame.button("Undo reset", () => {
    if (beforeReset === null) return;
    editor.setCode(beforeReset);
    beforeReset = null;
    save();
    undoButton.hidden = true;
    frame.say("Your code is back.", "info");
    editor.focus();
  });
  undoButton.hidden = true;
  const author = opts.author ? mountAuthorTools(frame, spec, { check, listMistakes: opts.listMistakes }) : null;

  function toggleSolution(): void {
    const open = solutionBox.hidden;
    if (open && !solutionBox.firstChild) {
      const code = el(doc, "code", "exercise__solution-code", spec.solution);
      const pre = el(doc, "pre", "exercise__solution-pre");
      pre.append(code);
      solutionBox.append(el(doc, "p", "exercise__solution-title", "Reference solution"), pre);
      if (opts.editor !== "textarea") import("./editor.ts").then((m) => m.highlightInto(code, spec.solution)).catch(() => {});
    }
    solutionBox.hidden = !open;
    work.classList.toggle("exercise__work--split", open);
    solutionButton.setAttribute("aria-expanded", String(open));
  }

  async function runIt(code: string, record = true): Promise<void> {
    if (running) return;
    running = true;
    checkButton.setAttribute("aria-disabled", "true");
    frame.section.setAttribute("aria-busy", "true");
    frame.figures.replaceChildren();
    frame.say("Checking…", "busy");
    if (record) flush();
    const verdict = await check({ lesson: spec.lesson, id: spec.id, timeoutMs: spec.timeoutMs }, code);
    if (destroyed) return;
    if (record && verdict.status !== "exercise-error") {
      const p = store.get(spec.id, spec.hash);
      const status = verdict.status === "pass" ? "pass" : "fail";
      store.update(spec.id, spec.hash, { code, status, attempts: (p?.attempts ?? 0) + 1 });
      frame.solved(status === "pass");
    }
    running = false;
    checkButton.removeAttribute("aria-disabled");
    frame.section.removeAttribute("aria-busy");
    await showVerdict(frame, verdict);
  }

  if (saved?.status === "pass") {
    frame.solved(true);
    frame.say("Correct — you solved this before. Your code is restored; press Check to run it again.", "ok");
  } else if (saved?.status === "stale") {
    frame.say("This exercise has changed since you last checked it. Your code is kept: press Check to check it again.", "info");
  } else if (saved?.code) {
    frame.say("Your code from last time is restored.", "info");
  }
  const stopWatching = watchStorage(frame, store);
  const win = doc.defaultView;
  const onHide = (): void => flush();
  const onImport = (e: Event): void => {
    if ((e as CustomEvent<{ source?: string }>).detail?.source !== "import") return;
    const p = store.get(spec.id, spec.hash);
    if (p?.code) editor.setCode(p.code);
    frame.solved(p?.status === "pass");
  };
  win?.addEventListener("pagehide", onHide);
  win?.addEventListener("progress-change", onImport);
  return {
    destroy() {
      flush();
      destroyed = true;
      stopWatching();
      win?.removeEventListener("pagehide", onHide);
      win?.removeEventListener("progress-change", onImport);
      editor.destroy();
      author?.destroy();
      frame.section.remove();
    },
  };
}
