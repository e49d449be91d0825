// An ```exercise fence holds YAML. `id` is required; `kind` is code (the default: the exercise lives
// in exercises/<id>/ beside index.md), numeric or choice (the exercise lives in the fence itself).
import { LessonProblems, lessonError, lessonWarning, type Position } from "./errors.ts";
import { createEnv, type DirectiveSource } from "./env.ts";
import { renderSnippet } from "./markdown.ts";
import { didYouMean } from "./suggest.ts";
import { parseYaml, readListLength, readString, type YamlPath, type YamlSource } from "./yaml.ts";

export const EXERCISE_KINDS = ["code", "numeric", "choice"] as const;
export type ExerciseKind = (typeof EXERCISE_KINDS)[number];

/** Exercise ids name folders and key saved progress: lowercase words joined by dashes. */
export const EXERCISE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface Directive {
  id: string;
  /** The kind written in the fence, or null (code, if the folder exists). */
  kind: ExerciseKind | null;
  yaml: YamlSource;
  source: DirectiveSource;
}

/** Reads the id and kind of an ```exercise fence; the rest is checked by its kind. */
export function readDirective(source: DirectiveSource, path: string): Directive {
  const yaml = parseYaml(source.yaml, path, source.origin, "exercise directive");
  if (yaml.value === null || typeof yaml.value !== "object" || Array.isArray(yaml.value)) {
    throw lessonError(path, source.origin(0), `exercise directive: expected "id: <exercise-id>"`);
  }
  const id = readString(yaml, ["id"]);
  if (!EXERCISE_ID.test(id)) {
    throw yaml.error(["id"], `"${id}" is not an exercise id: use lowercase words joined by dashes, like "dot-scores"`);
  }
  yaml.what = `exercise "${id}"`;
  const kind = yaml.get(["kind"]) ?? null;
  if (kind !== null && !EXERCISE_KINDS.includes(kind as ExerciseKind)) {
    const reason = `unknown kind "${String(kind)}"${didYouMean(String(kind), EXERCISE_KINDS)} (expected code, numeric or choice)`;
    throw yaml.error(["kind"], reason);
  }
  return { id, kind: kind as ExerciseKind | null, yaml, source };
}

/** Renders the Markdown fields of one exercise; KaTeX problems point at the YAML value. */
export class ExerciseText {
  constructor(
    private readonly yaml: YamlSource,
    readonly problems: LessonProblems,
  ) {}

  private render(text: string, at: Position, inline: boolean): string {
    return renderSnippet(text, createEnv(this.yaml.path, [], at, this.problems), inline);
  }

  /** A required Markdown string as block HTML (`inline`: without the paragraph). */
  markdown(keys: YamlPath, inline = false): string {
    return this.render(readString(this.yaml, keys), this.yaml.at(keys), inline);
  }

  /** An optional Markdown string; "" when missing. */
  optionalMarkdown(keys: YamlPath, inline = false): string {
    const value = this.yaml.get(keys);
    return value === undefined || value === null ? "" : this.markdown(keys, inline);
  }

  /** The list of hints, each as block HTML; none at all is a warning (a stuck learner gets no help). */
  hints(keys: YamlPath): string[] {
    const count = readListLength(this.yaml, keys);
    if (count === 0) {
      const reason = `${this.yaml.what}: no hints: add "hints", a list of one or more hints, the gentlest first`;
      this.problems.warn(lessonWarning(this.yaml.path, this.yaml.at(keys), reason));
    }
    return Array.from({ length: count }, (_, i) => this.problems.attempt(() => this.markdown([...keys, i]), ""));
  }
}
