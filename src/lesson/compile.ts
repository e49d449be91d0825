// lessons/NN-slug/index.md -> an ES module whose default export is a CompiledLesson.
// Front matter, then prose (markdown-it + KaTeX, with cell and exercise placeholders), then each
// cell parsed and checked, then exercises, then the module with a source map back to the .md.
import type { ExerciseFiles } from "./code-exercise.ts";
import { readDirective, type Directive } from "./directives.ts";
import { emitLessonModule, type LessonSourceMap } from "./emit.ts";
import type { LessonWarning } from "./errors.ts";
import { createEnv } from "./env.ts";
import { compileExercise } from "./exercises.ts";
import { readFrontMatter } from "./frontmatter.ts";
import { renderLessonMarkdown } from "./markdown.ts";
import { lessonLocation, sourceLines } from "./meta.ts";
import { parseLessonCell } from "./parse.ts";
import { checkDefinitions, findUnknownNames } from "./references.ts";
import { transpileCell } from "./transpile.ts";
import type { CompiledCell, CompiledLesson } from "./types.ts";

export interface CompileOptions {
  /**
   * Names cells may read without defining them: builtins and globals (the plugin passes
   * src/notebook/names.ts). Without it, unknown names are not reported.
   */
  knownNames?: Iterable<string>;
  /** Reads an exercise file (path relative like the lesson's path); null when it does not exist. */
  readFile?: (path: string) => string | null;
  /** Whether an exercise folder or file exists (default: asks readFile for the folder's exercise.yaml). */
  exists?: (path: string) => boolean;
}

/** A cell as data: its body is the function's source text. */
export interface CompiledCellSource extends Omit<CompiledCell, "body"> {
  body: string;
}

/** A CompiledLesson as data, as the emitted module would evaluate it but with bodies as text. */
export interface LessonOutput extends Omit<CompiledLesson, "cells"> {
  cells: CompiledCellSource[];
}

export interface CompileResult {
  /** The ES module. */
  code: string;
  /** Its source map, back to the .md. */
  map: LessonSourceMap;
  warnings: LessonWarning[];
  lesson: LessonOutput;
  /** Exercise files and folders the lesson depends on (read or looked for). */
  dependencies: string[];
}

/**
 * Compiles the lesson `source` found at `path` (relative to the project root, e.g.
 * "lessons/02-queries-keys-values/index.md"). Throws a LessonError, `path:line:column: reason`,
 * on the first problem.
 */
export function compileLesson(source: string, path: string, options: CompileOptions = {}): CompileResult {
  const lines = sourceLines(source);
  const { frontMatter, body } = readFrontMatter(lines, path);
  const { dir, slug, order } = lessonLocation(path);

  const env = createEnv(path, lines);
  const directives: Directive[] = [];
  env.directive = (directiveSource) => {
    const directive = readDirective(directiveSource, path);
    const first = directives.find((d) => d.id === directive.id);
    if (first) throw directive.yaml.error(["id"], `duplicate exercise id (first used on line ${first.source.line})`);
    directives.push(directive);
    return directive.id;
  };
  const html = renderLessonMarkdown(body, env);

  const cells = env.cells.map((cell) => parseLessonCell(cell, path));
  const defined = checkDefinitions(cells, path);
  const warnings = [...env.warnings];
  if (options.knownNames) warnings.push(...findUnknownNames(cells, defined, new Set(options.knownNames), path));

  const readFile = options.readFile ?? (() => null);
  const files: ExerciseFiles = {
    readFile,
    // Without `exists`, a folder exists when its exercise.yaml can be read.
    exists: options.exists ?? ((file) => readFile(file) !== null || readFile(`${file}/exercise.yaml`) !== null),
    read: new Set(),
  };
  const exercises = directives.map((directive) => compileExercise(directive, { slug, dir, files, warnings }));

  const compiled = cells.map((cell) => {
    const { inputs, code, pieces } = transpileCell(cell);
    const { id, name, source, hidden, inline, line } = cell;
    return { data: { id, name, inputs, source, hidden, inline, line }, pieces, origin: cell.origin, code };
  });
  const lesson = { slug, order, ...frontMatter, html, exercises, outline: env.outline, path };
  const { code, map } = emitLessonModule(lesson, compiled, path, lines.join("\n"));
  warnings.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);
  return {
    code,
    map,
    warnings,
    lesson: { ...lesson, cells: compiled.map((c) => ({ ...c.data, body: c.code })) },
    dependencies: [...files.read],
  };
}
