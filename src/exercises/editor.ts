// The code editor: CodeMirror 6 with TypeScript highlighting. Loaded with a dynamic import, so a lesson's
// first paint never waits for it. Colours come from exercise.css (tok-* classes), so dark mode works.
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { javascript } from "@codemirror/lang-javascript";
import { bracketMatching, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import {
  EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers,
} from "@codemirror/view";
import { classHighlighter, highlightCode } from "@lezer/highlight";
import { kernelHelp } from "./kernel-help.ts";

/** What the exercise needs from an editor (a textarea fallback implements it too). */
export interface CodeEditor {
  getCode(): string;
  /** Replaces the whole text as one undoable change. */
  setCode(code: string): void;
  focus(): void;
  destroy(): void;
}

export interface EditorOptions {
  parent: HTMLElement;
  code: string;
  /** Accessible name of the textbox, e.g. "Code for Scores as dot products". */
  label: string;
  /** Id of an element that describes the editor (how to leave it by keyboard). */
  describedBy?: string;
  onChange(code: string): void;
}

const typescript = javascript({ typescript: true });

/** A CodeMirror editor in `parent`. Tab indents; Escape then Tab moves focus on (CodeMirror's tab-focus mode). */
export function createEditor(opts: EditorOptions): CodeEditor {
  const view = new EditorView({
    parent: opts.parent,
    state: EditorState.create({
      doc: opts.code,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(classHighlighter),
        typescript,
        kernelHelp(),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorState.tabSize.of(2),
        // Long lines wrap, so the editor never scrolls sideways (a phone, a narrow column).
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({
          "aria-label": opts.label, spellcheck: "false", autocapitalize: "off", autocorrect: "off",
          ...(opts.describedBy ? { "aria-describedby": opts.describedBy } : {}),
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) opts.onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    getCode: () => view.state.doc.toString(),
    setCode(code) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } });
    },
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}

/** Fills `target` with `code` as highlighted spans (tok-* classes), for the read-only solution. */
export function highlightInto(target: HTMLElement, code: string): void {
  const doc = target.ownerDocument;
  const tree = typescript.language.parser.parse(code);
  const nodes: Node[] = [];
  highlightCode(code, tree, classHighlighter, (text, classes) => {
    if (!classes) { nodes.push(doc.createTextNode(text)); return; }
    const span = doc.createElement("span");
    span.className = classes;
    span.textContent = text;
    nodes.push(span);
  }, () => nodes.push(doc.createTextNode("\n")));
  target.replaceChildren(...nodes);
}
