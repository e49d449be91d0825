// A plain textarea with the editor's interface: shown until CodeMirror has loaded (and kept if it can't),
// so the exercise works from the first paint.
import type { CodeEditor, EditorOptions } from "./editor.ts";

/** A textarea in `parent` that behaves like the code editor (Tab is left to move focus). */
export function textareaEditor(opts: EditorOptions): CodeEditor {
  const area = opts.parent.ownerDocument.createElement("textarea");
  area.className = "exercise__textarea";
  area.value = opts.code;
  area.rows = Math.min(24, Math.max(6, opts.code.split("\n").length + 1));
  area.spellcheck = false;
  area.setAttribute("autocapitalize", "off");
  area.setAttribute("aria-label", opts.label);
  if (opts.describedBy) area.setAttribute("aria-describedby", opts.describedBy);
  area.addEventListener("input", () => opts.onChange(area.value));
  opts.parent.append(area);
  return {
    getCode: () => area.value,
    setCode(code) {
      area.value = code;
    },
    focus: () => area.focus(),
    destroy: () => area.remove(),
  };
}
