// Numeric and multiple-choice exercises: a labelled input or a radio group, Check, Hint, and feedback
// written for the likely wrong answers. The answer is saved like code (as text) and restored, not checked.
import type { ChoiceExerciseSpec, NumericExerciseSpec } from "../lesson/types.ts";
import { buildFrame, el, watchStorage, type Frame } from "./frame.ts";
import { setupHints } from "./hints.ts";
import { parseNumericAnswer } from "./numeric.ts";
import type { ProgressStore } from "./progress.ts";

/** What the learner reads for a numeric answer, as HTML (feedback messages are compiled Markdown); `note` is how the text was read. */
export function judgeNumeric(spec: NumericExerciseSpec, value: number, note: string | null = null): { correct: boolean; html: string } {
  const read = note ? ` ${escape(note)}` : "";
  if (Math.abs(value - spec.answer) <= spec.tolerance) {
    return { correct: true, html: note ? `Correct!${read} That is right.` : `Correct! ${escape(String(spec.answer))} is right.` };
  }
  const match = spec.feedback.find((f) => Math.abs(value - f.answer) <= (f.tolerance ?? spec.tolerance));
  return { correct: false, html: `Not quite.${read} ${match ? match.message : "Check your working and try again, or take a hint."}` };
}

/** The words a reader hears for HTML holding KaTeX math: "3×5" for $3 \times 5$ (from its MathML). */
export function spokenText(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  for (const katex of Array.from(copy.querySelectorAll(".katex"))) {
    const math = katex.querySelector("semantics > :first-child") ?? katex.querySelector("math");
    katex.replaceWith(math?.textContent ?? "");
  }
  return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
}

function escape(s: string): string {
  return s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function record(frame: Frame, store: ProgressStore, spec: { id: string; hash: string }, answer: string, correct: boolean): void {
  const attempts = (store.get(spec.id, spec.hash)?.attempts ?? 0) + 1;
  store.update(spec.id, spec.hash, { code: answer, status: correct ? "pass" : "fail", attempts });
  frame.solved(correct);
}

function restore(frame: Frame, store: ProgressStore, spec: { id: string; hash: string }): string {
  const saved = store.get(spec.id, spec.hash);
  if (saved?.status === "pass") {
    frame.solved(true);
    frame.say("Correct — you answered this before.", "ok");
  } else if (saved?.status === "stale") {
    frame.say("This question has changed since you answered it: press Check to check your answer again.", "info");
  }
  return saved?.code ?? "";
}

/** Mounts a numeric exercise: a labelled text input that takes numbers, fractions and simple arithmetic, and Check. */
export function mountNumericExercise(host: HTMLElement, spec: NumericExerciseSpec, store: ProgressStore): { destroy(): void } {
  const frame = buildFrame(host, spec);
  const label = el(frame.doc, "label", "exercise__label", "Your answer");
  const input = el(frame.doc, "input", "exercise__number");
  input.type = "text";
  input.autocomplete = "off";
  input.spellcheck = false;
  input.id = `${frame.status.id}-answer`;
  label.htmlFor = input.id;
  // A text keyboard, not a decimal pad: "4*512*512" and "2^20" are answers too.
  const help = el(frame.doc, "p", "exercise__keys", "A number, a fraction or arithmetic: 0.75, 3/4, 4*512*512, 2^20.");
  help.id = `${input.id}-help`;
  input.setAttribute("aria-describedby", help.id);
  frame.body.append(label, input, help);
  input.value = restore(frame, store, spec);
  const check = (): void => {
    const parsed = parseNumericAnswer(input.value);
    if (!parsed.ok) {
      frame.say(parsed.message, "bad");
      return;
    }
    const verdict = judgeNumeric(spec, parsed.value, parsed.note);
    record(frame, store, spec, input.value.trim(), verdict.correct);
    frame.say(verdict.html, verdict.correct ? "ok" : "bad", true);
  };
  input.addEventListener("keydown", (e) => { if (e.key === "Enter") check(); });
  frame.button("Check", check);
  setupHints(frame, spec.hints, store.get(spec.id)?.hintsUsed ?? 0, (hintsUsed) => store.update(spec.id, spec.hash, { hintsUsed }));
  const stop = watchStorage(frame, store);
  return { destroy() { stop(); frame.section.remove(); } };
}

/** Mounts a multiple-choice exercise: a radio group whose legend is the prompt, and Check. */
export function mountChoiceExercise(host: HTMLElement, spec: ChoiceExerciseSpec, store: ProgressStore): { destroy(): void } {
  const frame = buildFrame(host, spec, true);
  const { doc } = frame;
  const fieldset = el(doc, "fieldset", "exercise__choices");
  fieldset.setAttribute("role", "radiogroup");
  const legend = el(doc, "legend", "exercise__prompt");
  legend.innerHTML = spec.prompt;
  fieldset.append(legend);
  const radios = spec.options.map((option, i) => {
    const row = el(doc, "label", "exercise__choice");
    const radio = el(doc, "input");
    radio.type = "radio";
    radio.name = `${frame.status.id}-choice`;
    radio.value = String(i);
    const text = el(doc, "span", "exercise__choice-text");
    text.innerHTML = option.text;
    // A label that is only math has no text that every screen reader (or axe) computes: name it in words.
    if (text.querySelector(".katex")) radio.setAttribute("aria-label", spokenText(text));
    row.append(radio, text);
    fieldset.append(row);
    return radio;
  });
  frame.body.append(fieldset);
  const saved = restore(frame, store, spec);
  if (saved !== "" && radios[Number(saved)]) radios[Number(saved)].checked = true;
  frame.button("Check", () => {
    const chosen = radios.findIndex((r) => r.checked);
    if (chosen < 0) {
      frame.say("Choose an answer first.", "bad");
      return;
    }
    const option = spec.options[chosen];
    record(frame, store, spec, String(chosen), option.correct);
    const html = option.correct ? `Correct! ${option.feedback}` : `Not quite. ${option.feedback}`;
    frame.say(html.trim(), option.correct ? "ok" : "bad", true);
  });
  setupHints(frame, spec.hints, store.get(spec.id)?.hintsUsed ?? 0, (hintsUsed) => store.update(spec.id, spec.hash, { hintsUsed }));
  const stop = watchStorage(frame, store);
  return { destroy() { stop(); frame.section.remove(); } };
}
