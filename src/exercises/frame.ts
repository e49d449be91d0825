// The parts every exercise shares: a region named by its title, the prompt, a row of buttons, a status
// line that screen readers announce, revealed hints and a place for figures.
import type { ExerciseSpec } from "../lesson/types.ts";
import type { ProgressStore } from "./progress.ts";

export interface Frame {
  doc: Document;
  section: HTMLElement;
  /** Where the kind-specific body goes (between prompt and buttons). */
  body: HTMLElement;
  actions: HTMLElement;
  status: HTMLElement;
  figures: HTMLElement;
  warning: HTMLElement;
  badge: HTMLElement;
  /** Adds a button with exactly this accessible name. */
  button(name: string, onClick: () => void): HTMLButtonElement;
  /** Says something in the status line; `tone` colours it. */
  say(text: string, tone?: "ok" | "bad" | "info" | "busy", html?: boolean): void;
  /** Shows or hides the "Solved" badge. */
  solved(on: boolean): void;
}

let counter = 0;

/** Makes an element with a class and optional text. */
export function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Builds the region for `spec` inside `host`; `promptInBody` leaves the prompt to the body (choice legends). */
export function buildFrame(host: HTMLElement, spec: ExerciseSpec, promptInBody = false): Frame {
  const doc = host.ownerDocument;
  const uid = `exercise-${spec.id}-${++counter}`;
  const section = el(doc, "section", `exercise-box exercise-box--${spec.kind}`);
  section.setAttribute("role", "region");
  section.setAttribute("aria-labelledby", `${uid}-title`);
  section.dataset.exerciseId = spec.id;

  const header = el(doc, "div", "exercise__header");
  const title = el(doc, "h3", "exercise__title", spec.title);
  title.id = `${uid}-title`;
  const badge = el(doc, "span", "exercise__badge", "Solved");
  badge.hidden = true;
  header.append(title, badge);
  section.append(header);
  if (!promptInBody) {
    const prompt = el(doc, "div", "exercise__prompt");
    prompt.innerHTML = spec.prompt; // compiled at build time from the lesson's own files
    section.append(prompt);
  }
  const body = el(doc, "div", "exercise__body");
  const actions = el(doc, "div", "exercise__actions");
  const status = el(doc, "p", "exercise__status");
  status.id = `${uid}-status`;
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  const figures = el(doc, "div", "exercise__figures");
  const warning = el(doc, "p", "exercise__warning");
  warning.setAttribute("role", "alert");
  warning.hidden = true;
  section.append(body, actions, status, figures, warning);
  host.replaceChildren(section); // replaces a placeholder such as "Loading exercise…"

  return {
    doc, section, body, actions, status, figures, warning, badge,
    button(name, onClick) {
      const b = el(doc, "button", "exercise__button", name);
      b.type = "button";
      b.addEventListener("click", onClick);
      actions.append(b);
      return b;
    },
    say(text, tone = "info", html = false) {
      if (html) status.innerHTML = text;
      else status.textContent = text;
      status.dataset.tone = tone;
    },
    solved(on) {
      badge.hidden = !on;
    },
  };
}

/** Shows the store's storage problem (e.g. full) in the frame, and keeps it up to date. */
export function watchStorage(frame: Frame, store: ProgressStore): () => void {
  const update = (): void => {
    frame.warning.textContent = store.error ?? "";
    frame.warning.hidden = !store.error;
  };
  update();
  const win = frame.doc.defaultView;
  win?.addEventListener("progress-change", update);
  return () => win?.removeEventListener("progress-change", update);
}
