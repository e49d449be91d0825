// npm run check:lessons: compiles every lesson with the lesson compiler, proves every exercise sound, and
// prints `path:line:column: reason` for each problem (all of them, in one run). Tests call checkLessons.
//
// Per lesson, the compiler reports (src/lesson/compile.ts, lintLesson): the front matter schema, bad
// YAML, bad KaTeX, cells that do not parse, duplicate cell names, unknown names with the nearest known
// one, `requires` naming no earlier lesson, exercise directives (schema, a missing folder, an id used by
// another lesson), exercise folders no directive uses, and missing or empty hints. Its warnings count
// as problems here: the dev server shows the lesson anyway, the validator does not let it pass.
//
// Per code exercise, check-exercise.ts runs it: the solution passes (as a module and as learner code),
// the starter fails cleanly, every declared mistake is caught with its own message, every verdict is the
// same twice, each forbidden function is refused, a masking exercise refuses finite fills, and every
// hint's code runs where a learner would paste it (check-hints.ts).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { lintLesson } from "../src/lesson/compile.ts";
import { LESSON_FOLDER } from "../src/lesson/frontmatter.ts";
import type { CodeExerciseSpec } from "../src/lesson/types.ts";
import { BUILTIN_NAMES, GLOBAL_NAMES } from "../src/notebook/names.ts";
import { checkCodeExercise } from "./check-exercise.ts";

export interface Problem {
  /** Relative to the project root, e.g. "lessons/02-queries-keys-values/index.md". */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  reason: string;
}

/** `path:line:column: reason`, the form editors and CI logs link to. */
export const formatProblem = (p: Problem): string => `${p.file}:${p.line}:${p.column}: ${p.reason}`;

const byPlace = (a: Problem, b: Problem): number => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;

/** Checks every lesson under `<root>/<dir>` and returns every problem found (none when all is sound). */
export async function checkLessons(
  root = process.cwd(),
  dir = "lessons",
): Promise<{ problems: Problem[]; exercises: number; lessons: number }> {
  const problems: Problem[] = [];
  const lessonsDir = resolve(root, dir);
  const rel = (path: string): string => relative(root, path).split("\\").join("/");
  const folders = existsSync(lessonsDir)
    ? readdirSync(lessonsDir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith(".")).map((e) => e.name).sort()
    : [];
  const slugs = folders.filter((folder) => LESSON_FOLDER.test(folder) && existsSync(join(lessonsDir, folder, "index.md")));
  const next = String(Math.max(0, ...slugs.map((s) => Number(s.slice(0, 2)))) + 1).padStart(2, "0");
  for (const folder of folders.filter((f) => !slugs.includes(f))) {
    const index = rel(join(lessonsDir, folder, "index.md"));
    const reason = LESSON_FOLDER.test(folder)
      ? "missing index.md: a lesson folder holds an index.md with front matter and prose"
      : `"${folder}" is not a lesson folder name, so the course ignores it: use two digits, a dash and lowercase words, like "${next}-${slugify(folder)}"`;
    problems.push({ file: index, line: 1, column: 1, reason });
  }
  for (const [number, same] of groupBy(slugs, (s) => s.slice(0, 2))) {
    if (same.length > 1) {
      for (const slug of same.slice(1)) {
        problems.push({ file: rel(join(lessonsDir, slug, "index.md")), line: 1, column: 1, reason: `lesson number ${number} is also used by ${same[0]}: give each lesson its own number` });
      }
    }
  }

  const files = {
    readFile: (path: string) => (isFile(join(root, path)) ? readFileSync(join(root, path), "utf8") : null),
    exists: (path: string) => existsSync(join(root, path)),
    folders: (path: string) => {
      const full = join(root, path);
      if (!existsSync(full)) return null;
      return readdirSync(full, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    },
  };
  const knownNames = [...BUILTIN_NAMES, ...GLOBAL_NAMES];
  const exerciseIds = new Map<string, string>();
  let exercises = 0;
  for (const slug of slugs) {
    const path = rel(join(lessonsDir, slug, "index.md"));
    const lint = lintLesson(readFileSync(join(root, path), "utf8"), path, {
      ...files, knownNames, lessons: slugs, otherExerciseIds: exerciseIds,
    });
    const found: Problem[] = [...lint.errors, ...lint.warnings].map(({ path: file, line, column, reason }) => ({ file, line, column, reason }));
    problems.push(...found.sort((a, b) => Number(b.file === path) - Number(a.file === path) || byPlace(a, b)));
    for (const spec of lint.exercises) {
      exercises++;
      if (!exerciseIds.has(spec.id)) exerciseIds.set(spec.id, `${path}:${spec.line}`);
      if (spec.kind === "code") {
        const folder = `${rel(join(lessonsDir, slug))}/exercises/${spec.id}`;
        problems.push(...(await checkCodeExercise(root, folder, spec)).map((p) => ({ ...p, file: `${folder}/${p.file}` })));
      }
    }
  }
  return { problems, exercises, lessons: slugs.length };
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function slugify(name: string): string {
  return name.toLowerCase().replace(/^\d+[-_ ]*/, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "my-lesson";
}

/** `tsx scripts/check-lessons.ts [lessons-folder]`: exits 1 when there is any problem. */
async function main(): Promise<void> {
  const { problems, exercises, lessons } = await checkLessons(process.cwd(), process.argv[2] ?? "lessons");
  for (const p of problems) console.error(formatProblem(p));
  if (problems.length) {
    console.error(`check-lessons: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
    process.exit(1);
  }
  console.log(`check-lessons: ${lessons} lesson${lessons === 1 ? "" : "s"}, ${exercises} exercise${exercises === 1 ? "" : "s"}, all sound`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
