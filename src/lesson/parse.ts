// One cell's JavaScript, parsed with @observablehq/parser: the name it defines, the names it reads
// (its inputs) and the shape of its body. Positions stay offsets into the cell's source.
import { parseCell, type Cell } from "@observablehq/parser";
import { lessonError, lowerReason } from "./errors.ts";
import type { CellSource } from "./env.ts";

/** A free name in a cell: `x`, or `viewof x` for a reference to the view itself. */
export interface Reference {
  name: string;
  /** Offsets of the reference in the cell's source. */
  start: number;
  end: number;
}

export interface ParsedCell extends CellSource {
  /** `x`, `viewof x`, or null for an anonymous cell. */
  name: string | null;
  /** Offset of the name in the source (0 when anonymous). */
  nameStart: number;
  /** Offsets of the body in the source: an expression, or a `{ … }` block. */
  body: { start: number; end: number; block: boolean };
  async: boolean;
  generator: boolean;
  /** Every free reference, in source order, with repeats. */
  references: Reference[];
}

function syntaxError(cell: CellSource, path: string, error: unknown, shift: number): never {
  if (!(error instanceof SyntaxError)) throw error;
  const at = (error as SyntaxError & { pos?: number }).pos ?? 0;
  const pos = Math.max(0, Math.min(cell.source.length, at - shift));
  let reason = `${lowerReason(error.message)} in ${cell.inline ? "inline value" : "cell"}`;
  const lineStart = cell.source.lastIndexOf("\n", pos - 1) + 1;
  if (!cell.inline && lineStart > 0 && cell.source.slice(lineStart, pos).trim() === "" && parses(cell.source.slice(0, pos))) {
    reason += " (a cell defines one value: split it into two fences)";
  }
  throw lessonError(path, cell.origin(pos), reason);
}

function parses(input: string): boolean {
  try {
    parseCell(input);
    return true;
  } catch {
    return false;
  }
}

/** Parses a fence cell, or a `${…}` value (which must be a single expression). */
export function parseLessonCell(cell: CellSource, path: string): ParsedCell {
  // An inline value is parsed in parentheses, so `${{a: 1}}` is an object, not a block.
  const shift = cell.inline ? 1 : 0;
  function fail(offset: number, reason: string): never {
    throw lessonError(path, cell.origin(Math.max(0, offset - shift)), reason);
  }
  if (cell.inline && cell.source.trim() === "") fail(0, "empty inline value");
  let parsed: Cell;
  try {
    parsed = parseCell(cell.inline ? `(${cell.source})` : cell.source, { preserveParens: cell.inline });
  } catch (error) {
    syntaxError(cell, path, error, shift);
  }
  let body = parsed.body;
  if (!body) fail(0, "empty cell");
  if (body.type === "ImportDeclaration") fail(body.start, "import cells are not supported: the kernel, Plot, Inputs and d3 are builtins");
  if (cell.inline) {
    if (body.type !== "ParenthesizedExpression" || body.end !== cell.source.length + 2) {
      fail(body.start, "an inline value must be a single expression");
    }
    body = body.expression!;
  }
  const { id } = parsed;
  if (id?.type === "MutableExpression") fail(id.start, "mutable is not supported");
  const references = parsed.references.map((node): Reference => {
    if (node.type === "MutableExpression") fail(node.start, "mutable is not supported");
    const name = node.type === "ViewExpression" ? `viewof ${node.id.name}` : node.name;
    return { name, start: node.start - shift, end: node.end - shift };
  });
  return {
    ...cell,
    name: id === null ? null : id.type === "Identifier" ? id.name : `viewof ${id.id.name}`,
    nameStart: id === null ? 0 : id.start,
    body: { start: body.start - shift, end: body.end - shift, block: body.type === "BlockStatement" },
    async: parsed.async,
    generator: parsed.generator,
    references,
  };
}

/** The name a cell that does not parse seems to define (`x = (1 +` -> "x"), or null. */
export function guessCellName(source: string): string[] | null {
  const match = /^\s*(viewof\s+)?([A-Za-z_$][\w$]*)\s*=(?!=)/.exec(source) ?? /^\s*(?:async\s+)?function\*?\s+([A-Za-z_$][\w$]*)/.exec(source);
  if (!match) return null;
  const name = match[2] ?? match[1];
  return match[0].includes("viewof") ? [`viewof ${name}`, name] : [name];
}
