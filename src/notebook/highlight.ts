// Syntax highlighting for code shown on a page (cell sources, the kernel's files), with the
// same Lezer parser the exercise editor uses, so nothing else is bundled for it.
import { highlightCode, classHighlighter } from "@lezer/highlight";
import { parser } from "@lezer/javascript";

const tsParser = parser.configure({ dialect: "ts" });

/** A `<pre><code>` of `source` with `tok-*` classes on tokens (styled in notebook.css). */
export function highlight(source: string, doc: Document = document): HTMLPreElement {
  const pre = doc.createElement("pre");
  const code = doc.createElement("code");
  pre.appendChild(code);
  highlightCode(
    source,
    tsParser.parse(source),
    classHighlighter,
    (text, classes) => {
      if (!classes) return void code.appendChild(doc.createTextNode(text));
      const span = doc.createElement("span");
      span.className = classes;
      span.textContent = text;
      code.appendChild(span);
    },
    () => code.appendChild(doc.createTextNode("\n")),
  );
  return pre;
}
