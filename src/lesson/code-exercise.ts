// A code exercise lives in exercises/<id>/ beside index.md:
//   exercise.yaml  title, prompt (Markdown), hints (list of Markdown), timeout (ms, optional)
//   starter.ts     what the learner starts from
//   solution.ts    the reference solution
//   checks.ts      the checks the worker runs against both
// The compiler reads files only through `ExerciseFiles`, so tests can stub the folder.
import { ExerciseText, type Directive } from "./directives.ts";
import { blockOrigin, lessonError } from "./errors.ts";
import type { ExerciseContext } from "./exercises.ts";
import { contentHash } from "./hash.ts";
import { didYouMean } from "./suggest.ts";
import type { CodeExerciseSpec } from "./types.ts";
import { parseYaml, readMap, readNumber, readString } from "./yaml.ts";

/** File access for exercise folders; paths are relative like the lesson's path. */
export interface ExerciseFiles {
  /** The file's text, or null when it does not exist. */
  readFile(path: string): string | null;
  /** Whether a file or folder exists. */
  exists(path: string): boolean;
  /** The folders inside `path`, or null when it cannot be listed (then no suggestions are made). */
  folders?(path: string): string[] | null;
  /** Every path asked about, for the plugin to watch. */
  read: Set<string>;
}

export const CODE_EXERCISE_FILES = ["exercise.yaml", "starter.ts", "solution.ts", "checks.ts"] as const;
export const DEFAULT_TIMEOUT_MS = 3000;

/** The exercise in `exercises/<id>/`, or null when files are missing (each reported in `context.problems`). */
export function compileCodeExercise(directive: Directive, context: ExerciseContext): CodeExerciseSpec | null {
  const { yaml, id } = directive;
  const p = context.problems;
  const folder = `exercises/${id}`;
  const dir = `${context.dir}/${folder}`;
  context.files.read.add(dir);
  if (!context.files.exists(dir)) {
    const files = CODE_EXERCISE_FILES.join(", ");
    const near = didYouMean(id, context.files.folders?.(`${context.dir}/exercises`) ?? []);
    const hint = directive.kind === null ? "; a numeric or choice exercise needs a kind" : "";
    const reason = `missing exercise folder ${folder}/ beside index.md${near} (a code exercise keeps ${files} there${hint})`;
    throw yaml.error(["id"], reason);
  }
  readMap(yaml, [], ["id", "kind"], p);
  const texts = CODE_EXERCISE_FILES.map((name) => {
    const file = `${dir}/${name}`;
    context.files.read.add(file);
    const text = context.files.readFile(file);
    if (text === null) p.error(yaml.error(["id"], `missing ${folder}/${name}`));
    return text;
  });
  if (texts.includes(null)) return null;
  const [exerciseYaml, starter, solution, checks] = texts as string[];

  const yamlPath = `${dir}/exercise.yaml`;
  const meta = parseYaml(exerciseYaml, yamlPath, blockOrigin(exerciseYaml.split("\n"), 0, exerciseYaml), "exercise.yaml");
  if (meta.value === null || typeof meta.value !== "object") {
    throw lessonError(yamlPath, { line: 1, column: 1 }, `exercise.yaml: expected title, prompt and hints`);
  }
  readMap(meta, [], ["title", "prompt", "hints", "timeout"], p);
  const text = new ExerciseText(meta, p);
  return {
    id,
    kind: "code",
    title: p.attempt(() => readString(meta, ["title"]), ""),
    prompt: p.attempt(() => text.markdown(["prompt"]), ""),
    hints: p.attempt(() => text.hints(["hints"]), []),
    hash: contentHash([directive.source.yaml, exerciseYaml, starter, solution, checks].join("\0")),
    line: directive.source.line,
    lesson: context.slug,
    starter,
    solution,
    timeoutMs: meta.get(["timeout"]) === undefined ? DEFAULT_TIMEOUT_MS : p.attempt(() => readNumber(meta, ["timeout"], 1), DEFAULT_TIMEOUT_MS),
  };
}
