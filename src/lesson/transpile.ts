// A parsed cell becomes the source of a function whose parameters are its inputs, like Framework's
// transpileJavaScript: `(x, y) => (expr)`, or `function(x, y) { … }` for a block body. A reference to
// `viewof q` becomes the parameter `$viewof_q`. The text is kept in pieces that remember where in the
// cell they came from, so the emitted module can map back to the .md.
import type { ParsedCell } from "./parse.ts";

/** A run of emitted text; `from` is the offset in the cell's source it was copied or made from. */
export interface Piece {
  text: string;
  from: number;
  /** True when `text` is the cell's source verbatim (so each character maps one to one). */
  verbatim: boolean;
}

export interface TranspiledCell {
  /** The names the runtime passes in, in parameter order (`viewof q` for a view). */
  inputs: string[];
  /** The function's source. */
  code: string;
  pieces: Piece[];
}

/** The parameter that stands for input `name`: `x`, or `$viewof_x` for `viewof x`. */
export function parameterName(name: string): string {
  return name.startsWith("viewof ") ? `$viewof_${name.slice("viewof ".length)}` : name;
}

/** Transpiles `cell` into a function source. */
export function transpileCell(cell: ParsedCell): TranspiledCell {
  const inputs = [...new Set(cell.references.map((r) => r.name))];
  const params = inputs.map(parameterName).join(", ");
  const { start, end, block } = cell.body;
  const asyncPrefix = cell.async ? "async " : "";
  const [open, close] = block
    ? [`${asyncPrefix}function${cell.generator ? "*" : ""}(${params}) `, ""]
    : cell.generator
      ? [`${asyncPrefix}function*(${params}) { return (`, "); }"]
      : [`${asyncPrefix}(${params}) => (`, ")"];

  const pieces: Piece[] = [{ text: open, from: start, verbatim: false }];
  let cursor = start;
  const views = cell.references.filter((r) => r.name.startsWith("viewof ")).sort((a, b) => a.start - b.start);
  for (const view of views) {
    if (view.start > cursor) pieces.push({ text: cell.source.slice(cursor, view.start), from: cursor, verbatim: true });
    pieces.push({ text: parameterName(view.name), from: view.start, verbatim: false });
    cursor = view.end;
  }
  pieces.push({ text: cell.source.slice(cursor, end), from: cursor, verbatim: true });
  pieces.push({ text: close, from: Math.max(start, end - 1), verbatim: false });
  return { inputs, code: pieces.map((p) => p.text).join(""), pieces };
}
