// The kernel, discoverable from the editor: completion of its exports (with signature and doc, and the
// import added for you) and a tooltip on hover. The text is the kernel's own TSDoc, extracted when the
// site is built (virtual:kernel-api, src/lesson/api-docs.ts), so it says what the code does.
import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { EditorState, type Extension } from "@codemirror/state";
import { EditorView, hoverTooltip } from "@codemirror/view";
import api from "virtual:kernel-api";
import type { ApiEntry } from "../lesson/api-docs.ts";

const byName = new Map(api.map((e) => [e.name, e]));
const TYPES: Record<ApiEntry["kind"], string> = { function: "function", class: "class", interface: "type", type: "type", const: "constant" };

/** The doc of one export as a small element: signature, summary, example, where it lives. */
export function kernelDoc(doc: Document, entry: ApiEntry): HTMLElement {
  const box = doc.createElement("div");
  box.className = "kernel-doc";
  const signature = doc.createElement("code");
  signature.className = "kernel-doc__signature";
  signature.textContent = entry.kind === "function" || entry.kind === "const" ? entry.signature : entry.signature.split("\n")[0];
  const text = doc.createElement("p");
  text.className = "kernel-doc__text";
  text.textContent = entry.doc.replace(/\s+/g, " ") || "No description.";
  box.append(signature, text);
  if (entry.example) {
    const example = doc.createElement("pre");
    example.className = "kernel-doc__example";
    example.textContent = entry.example;
    box.append(example);
  }
  const where = doc.createElement("p");
  where.className = "kernel-doc__file";
  where.textContent = `from "kernel" · ${entry.file}`;
  box.append(where);
  return box;
}

/** Adds `name` to the learner's `import { … } from "kernel"` (or writes one) unless it is there. */
export function importChange(code: string, name: string): { from: number; insert: string } | null {
  const line = /import\s*\{([^}]*)\}\s*from\s*["']kernel["']/.exec(code);
  if (line) {
    const names = line[1].split(",").map((n) => n.trim().replace(/^type\s+/, ""));
    if (names.includes(name)) return null;
    const open = line.index + line[0].indexOf("{") + 1;
    return { from: open, insert: ` ${name},` };
  }
  if (/import\s+\*\s+as\s+\w+\s+from\s*["']kernel["']/.test(code)) return null;
  return { from: 0, insert: `import { ${name} } from "kernel";\n` };
}

function completion(entry: ApiEntry): Completion {
  return {
    label: entry.name,
    type: TYPES[entry.kind],
    detail: entry.kind === "function" ? entry.signature.split("\n")[0].slice(entry.name.length) : entry.kind,
    info: () => kernelDoc(document, entry),
    section: "kernel",
    apply: (view: EditorView, _c: Completion, from: number, to: number) => {
      const code = view.state.doc.toString();
      const imported = entry.kind === "function" || entry.kind === "class" || entry.kind === "const" ? importChange(code, entry.name) : null;
      const changes = [{ from, to, insert: entry.name }, ...(imported ? [imported] : [])];
      view.dispatch({ changes, selection: { anchor: from + entry.name.length + (imported && imported.from <= from ? imported.insert.length : 0) } });
    },
  };
}

const options = api.map(completion);

/** Completes kernel names as a word is typed (not after a dot, unless it follows a kernel namespace). */
export function kernelCompletions(context: CompletionContext): CompletionResult | null {
  const word = context.matchBefore(/[A-Za-z_$][\w$]*/);
  if (!word && !context.explicit) return null;
  const from = word?.from ?? context.pos;
  const before = context.state.sliceDoc(Math.max(0, from - 1), from);
  if (before === "." && !/\b(kernel|k)\.$/.test(context.state.sliceDoc(Math.max(0, from - 8), from))) return null;
  if (word && word.to - word.from < 2 && !context.explicit) return null;
  return { from, options, validFor: /^[\w$]*$/ };
}

/** The kernel export under the pointer, as a tooltip. */
const kernelHover = hoverTooltip((view, pos) => {
  const line = view.state.doc.lineAt(pos);
  const text = line.text;
  let start = pos - line.from, end = start;
  while (start > 0 && /[\w$]/.test(text[start - 1])) start--;
  while (end < text.length && /[\w$]/.test(text[end])) end++;
  const entry = byName.get(text.slice(start, end));
  if (!entry) return null;
  return {
    pos: line.from + start, end: line.from + end, above: true,
    create: (v) => ({ dom: kernelDoc(v.dom.ownerDocument, entry) }),
  };
});

/** Completion and hover documentation for the kernel's exports. */
export function kernelHelp(): Extension {
  return [autocompletion({ override: null, activateOnTyping: true, icons: false }), EditorState.languageData.of(() => [{ autocomplete: kernelCompletions }]), kernelHover];
}
