// Numeric and multiple-choice exercises, which live entirely in their ```exercise fence, and the
// dispatch to code exercises, which live in a folder.
import { compileCodeExercise, type ExerciseFiles } from "./code-exercise.ts";
import { ExerciseText, type Directive } from "./directives.ts";
import type { LessonWarning } from "./errors.ts";
import { contentHash } from "./hash.ts";
import type { ChoiceExerciseSpec, ExerciseSpec, NumericExerciseSpec } from "./types.ts";
import { readListLength, readMap, readNumber, readString } from "./yaml.ts";

export interface ExerciseContext {
  /** The lesson's folder name, e.g. "02-queries-keys-values". */
  slug: string;
  /** The lesson's folder, relative like the lesson's path: "lessons/02-queries-keys-values". */
  dir: string;
  files: ExerciseFiles;
  warnings: LessonWarning[];
}

function compileNumeric(directive: Directive, text: ExerciseText): NumericExerciseSpec {
  const { yaml } = directive;
  readMap(yaml, [], ["id", "kind", "title", "prompt", "answer", "tolerance", "feedback", "hints"]);
  const base = { id: directive.id, kind: "numeric" as const, title: readString(yaml, ["title"]), prompt: text.markdown(["prompt"]) };
  const answer = readNumber(yaml, ["answer"]);
  const tolerance = readNumber(yaml, ["tolerance"], 0);
  const feedback = Array.from({ length: readListLength(yaml, ["feedback"]) }, (_, i) => {
    readMap(yaml, ["feedback", i], ["answer", "tolerance", "message"]);
    const answer = readNumber(yaml, ["feedback", i, "answer"]);
    const hasTolerance = yaml.get(["feedback", i, "tolerance"]) !== undefined;
    const tolerance = hasTolerance ? { tolerance: readNumber(yaml, ["feedback", i, "tolerance"], 0) } : {};
    return { answer, ...tolerance, message: text.markdown(["feedback", i, "message"], true) };
  });
  const hints = text.hints(["hints"]);
  return { ...base, hints, hash: contentHash(directive.source.yaml), line: directive.source.line, answer, tolerance, feedback };
}

function compileChoice(directive: Directive, text: ExerciseText): ChoiceExerciseSpec {
  const { yaml } = directive;
  readMap(yaml, [], ["id", "kind", "title", "prompt", "options", "hints"]);
  const base = { id: directive.id, kind: "choice" as const, title: readString(yaml, ["title"]), prompt: text.markdown(["prompt"]) };
  const count = readListLength(yaml, ["options"], true);
  if (count < 2) throw yaml.error(["options"], `a choice exercise needs at least two options, found ${count}`);
  const options = Array.from({ length: count }, (_, i) => {
    readMap(yaml, ["options", i], ["text", "correct", "feedback"]);
    const correct = yaml.get(["options", i, "correct"]) ?? false;
    if (typeof correct !== "boolean") throw yaml.error(["options", i, "correct"], `"correct" must be true or false`);
    return { text: text.markdown(["options", i, "text"], true), correct, feedback: text.optionalMarkdown(["options", i, "feedback"], true) };
  });
  const correct = options.filter((o) => o.correct).length;
  if (correct !== 1) throw yaml.error(["options"], `a choice exercise needs exactly one correct option, found ${correct}`);
  options.forEach((option, i) => {
    if (!option.correct && !option.feedback) {
      throw yaml.error(["options", i], `option ${i + 1} is wrong but has no feedback: say why it is wrong`);
    }
  });
  const hints = text.hints(["hints"]);
  return { ...base, hints, hash: contentHash(directive.source.yaml), line: directive.source.line, options };
}

/** Compiles one directive into the ExerciseSpec the app renders. */
export function compileExercise(directive: Directive, context: ExerciseContext): ExerciseSpec {
  if (directive.kind === "numeric" || directive.kind === "choice") {
    const text = new ExerciseText(directive.yaml);
    const spec = directive.kind === "numeric" ? compileNumeric(directive, text) : compileChoice(directive, text);
    context.warnings.push(...text.warnings);
    return spec;
  }
  return compileCodeExercise(directive, context);
}
