// npm run check:lessons: compiles every lesson with the lesson compiler, proves every exercise sound, and
// prints `path:line:column: reason` for each problem (all of them, in one run). Tests call checkLessons.
//
// Per lesson, the compiler reports (src/lesson/compile.ts, lintLesson): the front matter schema, bad
// YAML, bad KaTeX, cells that do not parse, duplicate cell names, unknown names with the nearest known
// one, `requires` naming no earlier lesson, exercise directives (schema, a missing folder, an id used by
// another lesson), exercise folders no directive uses, and missing or empty hints. Its warnings count
// as problems here: the dev server shows the lesson anyway, the validator does not let it pass.
//
// Per code exercise, this file runs it: the solution passes (as a module and as learner code), the
// starter fails cleanly, every declared mistake is caught with its own message, and every verdict is
// the same twice.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { lintLesson } from "../src/lesson/compile.ts";
import { LESSON_FOLDER } from "../src/lesson/frontmatter.ts";
import type { CodeExerciseSpec } from "../src/lesson/types.ts";
import { BUILTIN_NAMES, GLOBAL_NAMES } from "../src/notebook/names.ts";
import { checkCode } from "../src/exercises/check.ts";
import { mistakeIds } from "../src/exercises/mistakes.ts";
import { checkSpecShape } from "../src/exercises/spec.ts";
import { runVerdict } from "../src/exercises/verdict.ts";
import { timedRunner } from "../src/exercises/node-runner.ts";
import type { CheckSpec, Verdict } from "../src/exercises/types.ts";

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
      if (spec.kind === "code") problems.push(...(await checkCodeExercise(root, `${rel(join(lessonsDir, slug))}/exercises/${spec.id}`, spec)));
    }
  }
  return { problems, exercises, lessons: slugs.length };
}

/** Problems of one code exercise that compiled; `folder` is its path relative to the root. */
async function checkCodeExercise(root: string, folder: string, spec: CodeExerciseSpec): Promise<Problem[]> {
  const problems: Problem[] = [];
  const at = (file: string, place: { line: number; column: number }, reason: string): void => {
    problems.push({ file: `${folder}/${file}`, ...place, reason });
  };
  const top = { line: 1, column: 1 };
  const full = (file: string): string => join(root, folder, file);

  let checks: CheckSpec, solution: Record<string, unknown>;
  try {
    checks = (await import(pathToFileURL(full("checks.ts")).href)).default;
  } catch (e) {
    at("checks.ts", top, `checks.ts fails to load: ${(e as Error).message.split("\n")[0]}`);
    return problems;
  }
  const shape = checkSpecShape(checks);
  if (shape) { at("checks.ts", top, shape); return problems; }
  try {
    solution = await import(pathToFileURL(full("solution.ts")).href);
  } catch (e) {
    at("solution.ts", top, `solution.ts fails to load: ${(e as Error).message.split("\n")[0]}`);
    return problems;
  }
  const reference = solution[checks.entry] as ((...a: never[]) => unknown) | undefined;
  if (typeof reference !== "function") { at("solution.ts", top, `solution.ts must export a function named ${checks.entry}`); return problems; }
  const exercise = { checks, solution };
  const run = timedRunner(spec.timeoutMs);
  const twice = async (f: () => Verdict | Promise<Verdict>, file: string, place: typeof top, what: string): Promise<Verdict> => {
    const [a, b] = [await f(), await f()];
    if (JSON.stringify(a) !== JSON.stringify(b)) at(file, place, `${what} gives a different verdict on a second run: use the seeded generator`);
    return a;
  };

  const asModule = await twice(() => runVerdict(checks, reference, reference), "checks.ts", top, "the solution");
  if (asModule.status !== "pass") at("solution.ts", top, `the solution does not pass: ${asModule.message}`);
  const asCode = await twice(() => checkCode(spec.solution, exercise, run), "solution.ts", top, "the solution as learner code");
  if (asModule.status === "pass" && asCode.status !== "pass") at("solution.ts", top, `the solution, typed into the editor, does not pass: ${asCode.message}`);

  const starter = await twice(() => checkCode(spec.starter, exercise, run), "starter.ts", top, "the starter");
  if (starter.status === "pass") at("starter.ts", top, "the starter already passes: leave something for the learner to do");
  else if (starter.status === "timeout" || /timed out/.test(starter.message)) {
    at("starter.ts", top, `the starter runs past its time budget (${spec.timeoutMs} ms): a learner pressing Check would see a time-out`);
  } else if (starter.status !== "fail" || starter.kind === "load") {
    at("starter.ts", top, `the starter does not fail cleanly: ${starter.message}`);
  }

  const source = readFileSync(full("checks.ts"), "utf8");
  for (const mistake of checks.mistakes ?? []) {
    const place = placeOf(source, mistake.id);
    const v = await twice(() => runVerdict(checks, reference, mistake.fn as (...a: never[]) => unknown), "checks.ts", place, `mistake "${mistake.id}"`);
    if (v.status === "pass") at("checks.ts", place, `mistake "${mistake.id}" gives the same result as the solution on every case: add a case where it differs`);
    else if (v.status !== "fail" || v.kind !== "mistake") at("checks.ts", place, `mistake "${mistake.id}" is not recognised as itself: ${v.message}`);
    else if (v.mistakeId !== mistake.id) at("checks.ts", place, `mistake "${mistake.id}" is reported as "${v.mistakeId}" (list it earlier, or add a case that tells them apart)`);
  }
  return problems;
}

/** Where `needle` (a mistake id, or a catalogue mistake by its flaw name: `m.forgotScale`) first appears, else 1:1. */
function placeOf(text: string, needle: string): { line: number; column: number } {
  const flaw = Object.entries(mistakeIds).find(([, id]) => id === needle)?.[0];
  const pattern = flaw === undefined ? null : new RegExp(`\\.${flaw}\\b`);
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const byId = lines[i].indexOf(needle);
    if (byId >= 0) return { line: i + 1, column: byId + 1 };
    const byFlaw = pattern?.exec(lines[i]);
    if (byFlaw) return { line: i + 1, column: byFlaw.index + 2 };
  }
  return { line: 1, column: 1 };
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
