// What a lesson must agree on with the rest of the course, checked when the caller knows the course:
// the lessons it requires exist and come before it, its exercise ids are not used by another lesson,
// and every folder in its exercises/ is placed by a directive.
import type { ExerciseFiles } from "./code-exercise.ts";
import { lessonWarning, type LessonProblems } from "./errors.ts";
import { didYouMean } from "./suggest.ts";
import type { YamlSource } from "./yaml.ts";

export interface CourseOptions {
  /** Every lesson folder name of the course; with it, `requires` naming no lesson (or a later one) is reported. */
  lessons?: readonly string[];
  /** Exercise ids of the other lessons, each with where it is ("lessons/02-x/index.md:120"). */
  otherExerciseIds?: ReadonlyMap<string, string>;
}

/** Warns about each `requires` entry that names no lesson, the lesson itself, or a later lesson. */
export function checkRequires(
  lesson: { slug: string; requires: readonly string[]; yaml: YamlSource | null },
  options: CourseOptions,
  problems: LessonProblems,
): void {
  const { lessons } = options;
  const { yaml, slug } = lesson;
  if (!lessons || !yaml) return;
  lesson.requires.forEach((required, i) => {
    let reason: string | null = null;
    if (!lessons.includes(required)) {
      reason = `requires "${required}", but no lesson folder has that name${didYouMean(required, lessons)}`;
    } else if (required === slug) {
      reason = `requires "${required}", which is this lesson`;
    } else if (required > slug) {
      reason = `requires "${required}", which comes after this lesson: a lesson can only require earlier ones`;
    }
    if (reason) problems.warn(lessonWarning(yaml.path, yaml.at(["requires", i]), `front matter: ${reason}`));
  });
}

/** A directive as far as the course checks need it. */
interface PlacedExercise {
  id: string;
  yaml: YamlSource;
}

/**
 * An error for each id another lesson already uses; a warning for each folder in exercises/ that no
 * directive places (`mentioned`: ids of directives that failed to read, so their folders are not blamed).
 */
export function checkExerciseIds(
  lesson: { dir: string; placed: readonly PlacedExercise[]; mentioned: ReadonlySet<string>; files: ExerciseFiles },
  options: CourseOptions,
  problems: LessonProblems,
): void {
  const { dir, placed, files } = lesson;
  for (const { id, yaml } of placed) {
    const where = options.otherExerciseIds?.get(id);
    if (where) problems.error(yaml.error(["id"], `this id is already used at ${where} (ids key saved progress, so each must be unique in the course)`));
  }
  const used = new Set([...placed.map((d) => d.id), ...lesson.mentioned]);
  for (const folder of files.folders?.(`${dir}/exercises`) ?? []) {
    if (used.has(folder)) continue;
    const yamlFile = `${dir}/exercises/${folder}/exercise.yaml`;
    const file = files.exists(yamlFile) ? yamlFile : `${dir}/exercises/${folder}/`;
    const reason = `exercise folder exercises/${folder}/ is not used: place it in index.md with an \`\`\`exercise fence holding "id: ${folder}", or delete it`;
    problems.warn(lessonWarning(file, { line: 1, column: 1 }, reason));
  }
}
