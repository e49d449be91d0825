// Hints, revealed one at a time in order ("Hint 1 of 3"); the count survives reloads through the store.
import { el, type Frame } from "./frame.ts";

/**
 * Adds the Hint button and the list it fills; `shown` hints are revealed at once (restored progress).
 * `highlight` colours a hint's code blocks (```ts in exercise.yaml) as the editor colours code.
 */
export function setupHints(
  frame: Frame, hints: readonly string[], shown: number, onReveal: (count: number) => void,
  highlight?: (code: HTMLElement) => void,
): void {
  const list = el(frame.doc, "ol", "exercise__hints");
  list.setAttribute("aria-live", "polite");
  list.hidden = true;
  frame.section.insertBefore(list, frame.warning);
  let revealed = 0;
  const reveal = (): void => {
    const item = el(frame.doc, "li", "exercise__hint");
    item.append(el(frame.doc, "strong", "exercise__hint-label", `Hint ${revealed + 1} of ${hints.length}`));
    const text = el(frame.doc, "div", "exercise__hint-text");
    text.innerHTML = hints[revealed]; // compiled at build time from the lesson's own files
    if (highlight) for (const code of text.querySelectorAll<HTMLElement>("pre > code.language-ts")) highlight(code);
    item.append(text);
    list.append(item);
    list.hidden = false;
    revealed++;
  };
  for (let i = 0; i < Math.min(shown, hints.length); i++) reveal();
  const button = frame.button("Hint", () => {
    if (revealed >= hints.length) {
      button.setAttribute("aria-description", "No more hints");
      return;
    }
    reveal();
    onReveal(revealed);
    if (revealed === hints.length) button.setAttribute("aria-description", "That was the last hint");
  });
  if (hints.length === 0) button.hidden = true;
}
