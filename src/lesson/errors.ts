// Every problem the compiler finds names a place in a source file as `path:line:column: reason`,
// like Framework's syntaxError(message, node, input), so editors and terminals can jump to it.

/** A 1-based line and 1-based column in a source file. */
export interface Position {
  line: number;
  column: number;
}

/** Maps an offset inside an embedded snippet (a cell, a formula, a YAML block) to its place in the file. */
export type Origin = (offset: number) => Position;

/** A malformed lesson: the message is one line, `path:line:column: reason`. */
export class LessonError extends Error {
  override name = "LessonError";
  constructor(
    readonly path: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${path}:${line}:${column}: ${reason}`);
  }
}

/** Something suspicious that still compiles, such as a reference to a name nothing defines. */
export interface LessonWarning {
  path: string;
  line: number;
  column: number;
  reason: string;
  /** `path:line:column: reason`. */
  message: string;
}

/** Builds a LessonError at `position` in `path`. */
export function lessonError(path: string, position: Position, reason: string): LessonError {
  return new LessonError(path, position.line, position.column, reason);
}

/** Builds a LessonWarning at `position` in `path`. */
export function lessonWarning(path: string, position: Position, reason: string): LessonWarning {
  const { line, column } = position;
  return { path, line, column, reason, message: `${path}:${line}:${column}: ${reason}` };
}

/**
 * Where the compiler puts the problems it finds. Strict (the default), the first error is thrown at
 * once; collecting, `attempt` records a thrown LessonError and carries on with a fallback, so one run
 * can report every problem of a lesson (the validator, `lintLesson`).
 */
export class LessonProblems {
  readonly errors: LessonError[] = [];
  readonly warnings: LessonWarning[] = [];
  constructor(readonly collect = false) {}

  /** Records `error` (strict: throws it). */
  error(error: LessonError): void {
    if (!this.collect) throw error;
    this.errors.push(error);
  }

  warn(warning: LessonWarning): void {
    this.warnings.push(warning);
  }

  /** `run()`, or `fallback` after recording the LessonError it threw (strict: rethrows). */
  attempt<T>(run: () => T, fallback: T): T {
    try {
      return run();
    } catch (error) {
      if (!(error instanceof LessonError)) throw error;
      this.error(error);
      return fallback;
    }
  }
}

/** Turns a library message ("Unexpected token (1:4)") into our style ("unexpected token"). */
export function lowerReason(message: string): string {
  const text = message.replace(/\s*\(\d+:\d+\)\s*$/, "").replace(/\.$/, "").split("\n")[0].trim();
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** One line of an embedded snippet: where it sits in the file and its text. */
export interface SnippetLine {
  /** 1-based line and column of the line's first character in the file. */
  line: number;
  column: number;
  text: string;
}

/** An origin for a snippet made of `pieces` joined by newlines. */
export function linesOrigin(pieces: readonly SnippetLine[]): Origin {
  return (offset) => {
    let start = 0;
    for (let i = 0; i < pieces.length; i++) {
      const end = start + pieces[i].text.length;
      if (offset <= end || i === pieces.length - 1) {
        return { line: pieces[i].line, column: pieces[i].column + Math.max(0, offset - start) };
      }
      start = end + 1;
    }
    return { line: 1, column: 1 };
  };
}

/** An origin for text that lies in `lines` from `firstLine` (0-based) on, e.g. a fence body. */
export function blockOrigin(lines: readonly string[], firstLine: number, content: string): Origin {
  return linesOrigin(
    content.split("\n").map((text, i) => {
      // markdown-it strips a fence's indentation from its lines; whatever it removed is the column offset.
      const source = lines[firstLine + i] ?? "";
      return { line: firstLine + i + 1, column: Math.max(0, source.length - text.length) + 1, text };
    }),
  );
}

/** A fixed origin, for snippets whose inner positions we cannot recover (e.g. Markdown inside YAML). */
export function fixedOrigin(position: Position): Origin {
  return () => position;
}
