// lessons/NN-slug/index.md -> an ES module whose default export is a CompiledLesson.
// Front matter, then prose (markdown-it + KaTeX, with cell and exercise placeholders), then each
// cell parsed and checked, then exercises, then the module with a source map back to the .md.
// `compileLesson` stops at the first error; `lintLesson` runs the same steps and reports them all.
import { checkAssets, showAssets, type AssetLink } from "./assets.ts";
import type { ExerciseFiles } from "./code-exercise.ts";
import { checkExerciseIds, checkRequires, type CourseOptions } from "./course.ts";
import { readDirective, type Directive } from "./directives.ts";
import { emitLessonModule, type LessonSourceMap } from "./emit.ts";
import { LessonError, LessonProblems, type LessonWarning } from "./errors.ts";
import { createEnv } from "./env.ts";
import { compileExercise } from "./exercises.ts";
import { readFrontMatter, type FrontMatter } from "./frontmatter.ts";
import { renderLessonMarkdown } from "./markdown.ts";
import { lessonLocation, sourceLines } from "./meta.ts";
import { guessCellName, parseLessonCell, type ParsedCell } from "./parse.ts";
import { checkDefinitions, findUnknownNames } from "./references.ts";
import { transpileCell } from "./transpile.ts";
import type { CompiledCell, CompiledLesson, ExerciseSpec, OutlineEntry } from "./types.ts";

export interface CompileOptions extends CourseOptions {
  /**
   * Names cells may read without defining them: builtins and globals (the plugin passes
   * src/notebook/names.ts). Without it, unknown names are not reported.
   */
  knownNames?: Iterable<string>;
  /** Reads an exercise file (path relative like the lesson's path); null when it does not exist. */
  readFile?: (path: string) => string | null;
  /** Whether an exercise folder or file exists (default: asks readFile for the folder's exercise.yaml). */
  exists?: (path: string) => boolean;
  /**
   * The folders inside a folder, or null when it does not exist. With it, a folder in exercises/ that
   * no directive uses is reported, and a missing exercise folder suggests the nearest one.
   */
  folders?: (path: string) => string[] | null;
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

/** Every problem of one lesson, and what could be read of it despite them. */
export interface LessonLint {
  /** In the order found; `compileLesson` would throw the first. */
  errors: LessonError[];
  /** Sorted by file, line and column. */
  warnings: LessonWarning[];
  /** The front matter (blank where it is bad), null when the compiler could not get that far. */
  frontMatter: FrontMatter | null;
  /** The exercises that compiled. */
  exercises: ExerciseSpec[];
  dependencies: string[];
}

interface Analysis {
  frontMatter: FrontMatter;
  html: string;
  outline: OutlineEntry[];
  assets: AssetLink[];
  cells: ParsedCell[];
  exercises: ExerciseSpec[];
  files: ExerciseFiles;
}

/** The steps shared by compileLesson and lintLesson; `problems` decides whether to stop at the first error. */
function analyzeLesson(source: string, path: string, options: CompileOptions, problems: LessonProblems, files: ExerciseFiles): Analysis {
  const lines = sourceLines(source);
  const { frontMatter, body, yaml } = readFrontMatter(lines, path, problems);
  const { dir, slug } = lessonLocation(path);
  checkRequires({ slug, requires: frontMatter.requires, yaml }, options, problems);

  const env = createEnv(path, lines, null, problems);
  const directives: Directive[] = [];
  const mentioned = new Set<string>();
  env.directive = (directiveSource) => {
    const directive = problems.attempt(() => readDirective(directiveSource, path), null);
    if (!directive) {
      const id = /^id:\s*["']?([\w-]+)/m.exec(directiveSource.yaml)?.[1];
      if (id) mentioned.add(id);
      return "";
    }
    const first = directives.find((d) => d.id === directive.id);
    if (first) problems.error(directive.yaml.error(["id"], `duplicate exercise id (first used on line ${first.source.line})`));
    else directives.push(directive);
    return directive.id;
  };
  const html = renderLessonMarkdown(body, env);
  checkAssets(env.assets, { path, dir, exists: files.exists }, problems);

  const parsed = env.cells.map((cell) => problems.attempt(() => parseLessonCell(cell, path), null));
  const cells = parsed.filter((cell): cell is ParsedCell => cell !== null);
  const defined = checkDefinitions(cells, path, problems);
  if (options.knownNames) {
    // A cell that does not parse still defines its name, as far as its readers are concerned.
    const broken = env.cells.filter((_, i) => parsed[i] === null).flatMap((cell) => guessCellName(cell.source) ?? []);
    const known = new Set([...options.knownNames, ...broken]);
    for (const warning of findUnknownNames(cells, defined, known, path)) problems.warn(warning);
  }

  const exercises = directives
    .map((directive) => problems.attempt(() => compileExercise(directive, { slug, dir, files, problems }), null))
    .filter((spec): spec is ExerciseSpec => spec !== null);
  checkExerciseIds({ dir, placed: directives, mentioned, files }, options, problems);
  return { frontMatter, html, outline: env.outline, assets: env.assets, cells, exercises, files };
}

function exerciseFiles(options: CompileOptions): ExerciseFiles {
  const readFile = options.readFile ?? (() => null);
  return {
    readFile,
    // Without `exists`, a folder exists when its exercise.yaml can be read.
    exists: options.exists ?? ((file) => readFile(file) !== null || readFile(`${file}/exercise.yaml`) !== null),
    folders: options.folders,
    read: new Set(),
  };
}

const byPlace = (a: LessonWarning | LessonError, b: LessonWarning | LessonError) =>
  a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column;

/** Drops repeats (markdown-it may try a rule twice at one place). */
function unique<T extends { message: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.message) && seen.add(item.message));
}

/**
 * Checks the lesson `source` found at `path` and returns every problem, without stopping at the
 * first. It stops early only when it cannot go on: an unterminated front matter (no body to read),
 * and, inside one exercise, a directive or exercise.yaml that is not valid YAML or not a mapping,
 * or a code exercise whose folder or files are missing.
 */
export function lintLesson(source: string, path: string, options: CompileOptions = {}): LessonLint {
  const problems = new LessonProblems(true);
  const files = exerciseFiles(options);
  let analysis: Analysis | null = null;
  try {
    analysis = analyzeLesson(source, path, options, problems, files);
  } catch (error) {
    if (!(error instanceof LessonError)) throw error;
    problems.errors.push(error);
  }
  return {
    errors: unique(problems.errors),
    warnings: unique(problems.warnings).sort(byPlace),
    frontMatter: analysis?.frontMatter ?? null,
    exercises: analysis?.exercises ?? [],
    dependencies: [...files.read],
  };
}

/**
 * Compiles the lesson `source` found at `path` (relative to the project root, e.g.
 * "lessons/02-queries-keys-values/index.md"). Throws a LessonError, `path:line:column: reason`,
 * on the first problem.
 */
export function compileLesson(source: string, path: string, options: CompileOptions = {}): CompileResult {
  const problems = new LessonProblems();
  const files = exerciseFiles(options);
  const { frontMatter, html, outline, assets, cells, exercises } = analyzeLesson(source, path, options, problems, files);
  const { slug, order } = lessonLocation(path);
  const compiled = cells.map((cell) => {
    const { inputs, code, pieces } = transpileCell(cell);
    const { id, name, source, hidden, inline, line } = cell;
    return { data: { id, name, inputs, source, hidden, inline, line }, pieces, origin: cell.origin, code };
  });
  const lesson = { slug, order, ...frontMatter, html, exercises, outline, path };
  const { code, map } = emitLessonModule(lesson, compiled, path, sourceLines(source).join("\n"), assets);
  return {
    code,
    map,
    warnings: unique(problems.warnings).sort(byPlace),
    // As data, an asset's URL is shown as written (the module has Vite's URL there).
    lesson: { ...lesson, html: showAssets(html, assets), cells: compiled.map((c) => ({ ...c.data, body: c.code })) },
    dependencies: [...files.read],
  };
}
