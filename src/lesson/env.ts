// The state markdown-it threads through our rules while it parses and renders one lesson.
import type { Env } from "markdown-it";
import type { AssetLink } from "./assets.ts";
import { LessonProblems, type Origin, type Position } from "./errors.ts";
import type { OutlineEntry } from "./types.ts";

/** A cell as found in the prose, before its JavaScript is parsed. */
export interface CellSource {
  id: string;
  /** What the reader sees: the fence body, or the expression inside `${…}`. */
  source: string;
  inline: boolean;
  hidden: boolean;
  /** 1-based line of the first source line in the .md. */
  line: number;
  /** Maps an offset in `source` to its place in the .md. */
  origin: Origin;
}

/** An ```exercise fence, before its YAML is read. */
export interface DirectiveSource {
  yaml: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** Maps an offset in `yaml` to its place in the .md. */
  origin: Origin;
}

export interface LessonEnv {
  path: string;
  /** The .md split into lines, to turn inline offsets back into columns. */
  lines: readonly string[];
  /** 0-based first line of the block whose inline content is being parsed. */
  blockLine: number;
  /** Set when rendering Markdown that lives inside YAML (exercise prompts): no cells, one position. */
  fixed: Position | null;
  /** Called for each ```exercise fence; returns the exercise id for the placeholder. */
  directive: ((source: DirectiveSource) => string) | null;
  cells: CellSource[];
  outline: OutlineEntry[];
  /** Heading ids used so far, to keep them unique. */
  ids: Set<string>;
  /** Files beside index.md that the prose links to (images, downloads), in order. */
  assets: AssetLink[];
  /** Errors and warnings found while rendering (strict problems throw at the first error). */
  problems: LessonProblems;
}

export function createEnv(
  path: string,
  lines: readonly string[],
  fixed: Position | null = null,
  problems = new LessonProblems(),
): LessonEnv {
  return {
    path, lines, blockLine: 0, fixed, directive: null,
    cells: [], outline: [], ids: new Set(), assets: [], problems,
  };
}

/** Our env, as markdown-it hands it back to a rule. */
export function lessonEnv(env: Env | undefined): LessonEnv {
  return env as unknown as LessonEnv;
}

/**
 * The .md position of offset `pos` in an inline rule's `src`, which holds the inline content of the
 * block starting on `blockLine` (0-based; the block being parsed now, unless given).
 */
export function locateInline(env: LessonEnv, src: string, pos: number, blockLine = env.blockLine): Position {
  if (env.fixed) return env.fixed;
  const before = src.slice(0, pos);
  const lineIndex = before.split("\n").length - 1;
  const lineStart = before.lastIndexOf("\n") + 1;
  const lineEnd = src.indexOf("\n", pos) < 0 ? src.length : src.indexOf("\n", pos);
  const text = src.slice(lineStart, lineEnd).trimEnd();
  const source = (env.lines[blockLine + lineIndex] ?? "").trimEnd();
  // markdown-it strips block markers and indentation ("> ", "- ", "  ") from the left of each line.
  const offset = source.endsWith(text) ? source.length - text.length : Math.max(0, source.indexOf(text));
  return { line: blockLine + lineIndex + 1, column: offset + pos - lineStart + 1 };
}

/** An origin for a snippet starting at offset `start` of an inline rule's `src`. */
export function inlineOrigin(env: LessonEnv, src: string, start: number): Origin {
  const { blockLine } = env; // rendering happens later, when env.blockLine has moved on
  return (offset) => locateInline(env, src, start + offset, blockLine);
}
