// Numeric and multiple-choice exercises, which live entirely in their ```exercise fence, and the
// dispatch to code exercises, which live in a folder. Each field is read on its own, so a collecting
// run reports every bad field of an exercise, not just the first.
import { compileCodeExercise, type ExerciseFiles } from "./code-exercise.ts";
import { ExerciseText, type Directive } from "./directives.ts";
import { lessonWarning, type LessonProblems } from "./errors.ts";
import { contentHash } from "./hash.ts";
import type { ChoiceExerciseSpec, ExerciseSpec, NumericExerciseSpec } from "./types.ts";
import { readListLength, readMap, readNumber, readString } from "./yaml.ts";

export interface ExerciseContext {
  /** The lesson's folder name, e.g. "02-queries-keys-values". */
  slug: string;
  /** The lesson's folder, relative like the lesson's path: "lessons/02-queries-keys-values". */
  dir: string;
  files: ExerciseFiles;
  problems: LessonProblems;
}

function compileNumeric(directive: Directive, text: ExerciseText): NumericExerciseSpec {
  const { yaml } = directive;
  const p = text.problems;
  readMap(yaml, [], ["id", "kind", "title", "prompt", "answer", "tolerance", "feedback", "hints"], p);
  const title = p.attempt(() => readString(yaml, ["title"]), "");
  const prompt = p.attempt(() => text.markdown(["prompt"]), "");
  const answer = p.attempt(() => readNumber(yaml, ["answer"]), NaN);
  const tolerance = p.attempt(() => readNumber(yaml, ["tolerance"], 0), NaN);
  const count = p.attempt(() => readListLength(yaml, ["feedback"]), 0);
  const feedback = Array.from({ length: count }, (_, i) => {
    p.attempt(() => readMap(yaml, ["feedback", i], ["answer", "tolerance", "message"], p), null);
    const at = ["feedback", i] as const;
    const answerAt = p.attempt(() => readNumber(yaml, [...at, "answer"]), NaN);
    const hasTolerance = yaml.get([...at, "tolerance"]) !== undefined;
    const own = hasTolerance ? { tolerance: p.attempt(() => readNumber(yaml, [...at, "tolerance"], 0), 0) } : {};
    const message = p.attempt(() => text.markdown([...at, "message"], true), "");
    if (Math.abs(answerAt - answer) <= tolerance) {
      const reason = `${yaml.what}: feedback ${i + 1} (answer ${answerAt}) can never show: that answer counts as correct`;
      p.warn(lessonWarning(yaml.path, yaml.at([...at, "answer"]), reason));
    }
    return { answer: answerAt, ...own, message };
  });
  const hints = p.attempt(() => text.hints(["hints"]), []);
  const hash = contentHash(directive.source.yaml);
  return { id: directive.id, kind: "numeric", title, prompt, hints, hash, line: directive.source.line, answer, tolerance, feedback };
}

function compileChoice(directive: Directive, text: ExerciseText): ChoiceExerciseSpec {
  const { yaml } = directive;
  const p = text.problems;
  readMap(yaml, [], ["id", "kind", "title", "prompt", "options", "hints"], p);
  const title = p.attempt(() => readString(yaml, ["title"]), "");
  const prompt = p.attempt(() => text.markdown(["prompt"]), "");
  const count = p.attempt(() => readListLength(yaml, ["options"], true), -1);
  if (count >= 0 && count < 2) p.error(yaml.error(["options"], `a choice exercise needs at least two options, found ${count}`));
  const options = Array.from({ length: Math.max(0, count) }, (_, i) => {
    p.attempt(() => readMap(yaml, ["options", i], ["text", "correct", "feedback"], p), null);
    let correct = yaml.get(["options", i, "correct"]) ?? false;
    if (typeof correct !== "boolean") {
      p.error(yaml.error(["options", i, "correct"], `"correct" must be true or false`));
      correct = false;
    }
    const optionText = p.attempt(() => text.markdown(["options", i, "text"], true), "");
    const feedback = p.attempt(() => text.optionalMarkdown(["options", i, "feedback"], true), "");
    return { text: optionText, correct: correct as boolean, feedback };
  });
  const correct = options.filter((o) => o.correct).length;
  if (count > 1 && correct !== 1) {
    p.error(yaml.error(["options"], `a choice exercise needs exactly one correct option, found ${correct}`));
  }
  options.forEach((option, i) => {
    if (!option.correct && !option.feedback && yaml.get(["options", i, "feedback"]) == null) {
      p.error(yaml.error(["options", i], `option ${i + 1} is wrong but has no feedback: say why it is wrong`));
    }
  });
  const hints = p.attempt(() => text.hints(["hints"]), []);
  return { id: directive.id, kind: "choice", title, prompt, hints, hash: contentHash(directive.source.yaml), line: directive.source.line, options };
}

/** Compiles one directive into the ExerciseSpec the app renders (null: a collected problem made it impossible). */
export function compileExercise(directive: Directive, context: ExerciseContext): ExerciseSpec | null {
  if (directive.kind === "numeric" || directive.kind === "choice") {
    const text = new ExerciseText(directive.yaml, context.problems);
    return directive.kind === "numeric" ? compileNumeric(directive, text) : compileChoice(directive, text);
  }
  return compileCodeExercise(directive, context);
}
