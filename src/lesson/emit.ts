// Writes the compiled lesson as an ES module whose default export is a CompiledLesson, with a source
// map that sends every cell body back to its lines (and words) in the .md.
import { SourceMapGenerator } from "source-map-js";
import { assetImports, type AssetLink } from "./assets.ts";
import type { Origin } from "./errors.ts";
import type { Piece } from "./transpile.ts";
import type { CompiledCell, CompiledLesson } from "./types.ts";

/** A source map as JSON (version 3). */
export interface LessonSourceMap {
  version: 3;
  file?: string;
  sources: string[];
  sourcesContent?: (string | null)[];
  names: string[];
  mappings: string;
}

/** A cell ready to emit: its data, and its body as pieces that know their origin. */
export interface EmitCell {
  data: Omit<CompiledCell, "body">;
  pieces: Piece[];
  origin: Origin;
}

class Writer {
  code = "";
  line = 1;
  column = 0;
  write(text: string): void {
    this.code += text;
    const lines = text.split("\n");
    if (lines.length > 1) (this.line += lines.length - 1), (this.column = lines[lines.length - 1].length);
    else this.column += text.length;
  }
}

/**
 * Emits `lesson` (everything but the cells) and `cells` as module code plus a source map to `source`;
 * each asset's placeholder in the lesson's text becomes the URL Vite gives the file.
 */
export function emitLessonModule(
  lesson: Omit<CompiledLesson, "cells">,
  cells: readonly EmitCell[],
  path: string,
  source: string,
  assets: readonly AssetLink[] = [],
): { code: string; map: LessonSourceMap } {
  const file = path.split("/").pop()!;
  const generator = new SourceMapGenerator({ file });
  generator.setSourceContent(file, source);
  const out = new Writer();
  const mark = (origin: Origin, offset: number) => {
    const { line, column } = origin(offset);
    generator.addMapping({ source: file, generated: { line: out.line, column: out.column }, original: { line, column: column - 1 } });
  };

  const { imports, rewrite } = assetImports(assets);
  out.write(`// Compiled from ${path} by src/lesson; edit the .md, not this.\n${imports}export default {\n`);
  for (const [key, value] of Object.entries(lesson)) out.write(`  ${JSON.stringify(key)}: ${rewrite(JSON.stringify(value))},\n`);
  out.write(`  "cells": [\n`);
  for (const cell of cells) {
    out.write(`    ${JSON.stringify(cell.data).slice(0, -1)}, "body": `);
    for (const piece of cell.pieces) {
      if (!piece.verbatim) {
        mark(cell.origin, piece.from);
        out.write(piece.text);
        continue;
      }
      // Map the start of every word and line, so a stack trace lands on the right spot in the .md.
      for (let i = 0; i < piece.text.length; ) {
        let j = i;
        while (j < piece.text.length && !/\s/.test(piece.text[j])) j++;
        while (j < piece.text.length && /\s/.test(piece.text[j])) j++;
        mark(cell.origin, piece.from + i);
        out.write(piece.text.slice(i, j));
        i = j;
      }
    }
    out.write(`},\n`);
  }
  out.write(`  ],\n};\n`);
  return { code: out.code, map: { ...generator.toJSON(), version: 3 } };
}
