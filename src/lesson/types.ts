// The shape of a compiled lesson: what `import lesson from "lessons/NN-slug/index.md"` yields.
// The Vite plugin (src/lesson/plugin.ts) produces it; the notebook runtime and the app consume it.

/** One Observable JavaScript cell, or one `${expr}` inline value in the prose. */
export interface CompiledCell {
  /** Stable id within the lesson, e.g. "cell-3"; the prose holds a placeholder with `data-cell="cell-3"`. */
  id: string;
  /** The name the cell defines (`scores`), `viewof q` for a view, or null for an anonymous cell. */
  name: string | null;
  /** Names the cell references, in the order of `body`'s parameters (`viewof q` for a view reference). */
  inputs: string[];
  /** The compiled body: called with one argument per input. */
  body: (...args: never[]) => unknown;
  /** The cell's source as written in the .md (shown to the reader unless hidden). */
  source: string;
  /** True when the fence is marked `js hidden`: the source is collapsed by default. */
  hidden: boolean;
  /** True for `${expr}` values in the prose (rendered inline, never with source). */
  inline: boolean;
  /** 1-based line of the cell's first source line in index.md. */
  line: number;
}

/** An exercise placed by an ```exercise directive; see docs/authoring.md. */
export type ExerciseSpec = CodeExerciseSpec | NumericExerciseSpec | ChoiceExerciseSpec;

interface ExerciseBase {
  /** Stable id, unique in the course; never renumbered. Progress is keyed by it. */
  id: string;
  title: string;
  /** Prompt as HTML (Markdown and KaTeX rendered at build time). */
  prompt: string;
  /** Ordered hints as HTML. */
  hints: string[];
  /** Hash of the exercise content; a change asks the learner to re-check. */
  hash: string;
  /** 1-based line of the directive in index.md. */
  line: number;
}

export interface CodeExerciseSpec extends ExerciseBase {
  kind: "code";
  /** Lesson folder name, e.g. "02-queries-keys-values": the worker finds checks.ts and solution.ts by it. */
  lesson: string;
  /** Source of exercises/<id>/starter.ts and solution.ts. */
  starter: string;
  solution: string;
  /** Time budget for the learner's code, ms (default 3000). */
  timeoutMs: number;
}

export interface NumericExerciseSpec extends ExerciseBase {
  kind: "numeric";
  answer: number;
  tolerance: number;
  /** Feedback for likely wrong answers. */
  feedback: { answer: number; tolerance?: number; message: string }[];
}

export interface ChoiceExerciseSpec extends ExerciseBase {
  kind: "choice";
  /** Exactly one option is correct; every wrong option has feedback. */
  options: { text: string; correct: boolean; feedback: string }[];
}

export interface OutlineEntry {
  id: string;
  text: string;
  level: 2 | 3;
}

export interface CompiledLesson {
  /** Folder name, e.g. "02-queries-keys-values". */
  slug: string;
  /** The NN prefix as a number. */
  order: number;
  title: string;
  summary: string;
  requires: string[];
  /** Prose as HTML with placeholders: `<div class="cell" data-cell="cell-3"></div>`,
   *  `<span class="inline-cell" data-cell="cell-4"></span>`, `<div class="exercise" data-exercise="id"></div>`. */
  html: string;
  cells: CompiledCell[];
  exercises: ExerciseSpec[];
  outline: OutlineEntry[];
  /** Path of the source file relative to the project root, e.g. "lessons/02-queries-keys-values/index.md". */
  path: string;
}

/** Metadata for the home page, without the lesson body. */
export interface LessonMeta {
  slug: string;
  order: number;
  title: string;
  summary: string;
  requires: string[];
  /** Ids of the lesson's exercises, for the progress summary. */
  exercises: string[];
}
