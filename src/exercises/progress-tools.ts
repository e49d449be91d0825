// Export / Import of progress for the home page: a JSON file download, and a validated import that
// changes nothing when the file is corrupt or foreign.
import "./exercise.css";
import { el } from "./frame.ts";
import type { ProgressStore } from "./progress.ts";

/** Name of the downloaded file. */
export const EXPORT_FILENAME = "attention-interactively-progress.json";

/** Offers `store.exportJSON()` as a file download. */
export function downloadProgress(store: ProgressStore, doc: Document = document): void {
  const blob = new Blob([store.exportJSON()], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = el(doc, "a");
  a.href = url;
  a.download = EXPORT_FILENAME;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Adds "Export progress" and "Import progress" buttons (and a file input labelled "Progress file") to `host`,
 * with a status line saying what happened.
 */
export function mountProgressTools(host: HTMLElement, store: ProgressStore): { destroy(): void } {
  const doc = host.ownerDocument;
  const box = el(doc, "div", "progress-tools");
  const status = el(doc, "p", "progress-tools__status");
  status.setAttribute("role", "status");
  const say = (text: string, tone: "ok" | "bad"): void => {
    status.textContent = text;
    status.dataset.tone = tone;
  };
  const exportButton = el(doc, "button", "exercise__button", "Export progress");
  exportButton.type = "button";
  exportButton.addEventListener("click", () => {
    const count = Object.keys(store.all()).length;
    downloadProgress(store, doc);
    say(`Exported your progress on ${count} exercise${count === 1 ? "" : "s"} to ${EXPORT_FILENAME}.`, "ok");
  });
  const label = el(doc, "label", "visually-hidden", "Progress file");
  const input = el(doc, "input", "visually-hidden");
  input.type = "file";
  input.accept = "application/json,.json";
  input.id = `progress-file-${Math.random().toString(36).slice(2)}`;
  label.htmlFor = input.id;
  input.tabIndex = -1;
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = "";
    const result = store.importJSON(text);
    if (result.ok) say(`Imported your progress on ${result.count} exercise${result.count === 1 ? "" : "s"}.`, "ok");
    else say(`Nothing was imported. ${result.reason}`, "bad");
  });
  const importButton = el(doc, "button", "exercise__button", "Import progress");
  importButton.type = "button";
  importButton.addEventListener("click", () => input.click());
  box.append(exportButton, importButton, label, input, status);
  host.append(box);
  return { destroy: () => box.remove() };
}
