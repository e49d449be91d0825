// npm run check:lessons: proves every exercise of every lesson sound, and prints `path:line: reason` for
// each problem (all of them, in one run). test/exercises/check-lessons.test.ts runs the same function.
//
// For each code exercise: the solution passes (as a module and as learner code), the starter fails
// cleanly, every declared mistake is caught with its own message, and every verdict is the same twice.
// For numeric and choice exercises: a finite answer and tolerance, one right option, feedback for the rest.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { checkCode } from "../src/exercises/check.ts";
import { mistakeIds } from "../src/exercises/mistakes.ts";
import { findExerciseFences, lintQuiz, notText, readFence } from "../src/exercises/quiz-lint.ts";
import { checkSpecShape } from "../src/exercises/spec.ts";
import { runVerdict } from "../src/exercises/verdict.ts";
import { timedRunner } from "../src/exercises/node-runner.ts";
import type { CheckSpec, Verdict } from "../src/exercises/types.ts";

export interface Problem {
  /** Relative to the project root, e.g. "lessons/02-queries-keys-values/index.md". */
  file: string;
  line: number;
  reason: string;
}

/** `path:line: reason`, the form editors and CI logs link to. */
export const formatProblem = (p: Problem): string => `${p.file}:${p.line}: ${p.reason}`;

const CODE_FILES = ["exercise.yaml", "starter.ts", "solution.ts", "checks.ts"];

/** Checks every lesson under `<root>/lessons` and returns every problem found (none when all is sound). */
export async function checkLessons(root = process.cwd(), dir = "lessons"): Promise<{ problems: Problem[]; exercises: number }> {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  let exercises = 0;
  const lessonsDir = resolve(root, dir);
  const slugs = existsSync(lessonsDir) ? readdirSync(lessonsDir).filter((s) => /^\d\d-/.test(s)).sort() : [];
  for (const slug of slugs) {
    const lessonDir = join(lessonsDir, slug);
    const rel = (...parts: string[]): string => relative(root, join(lessonDir, ...parts)).split("\\").join("/");
    const index = join(lessonDir, "index.md");
    const folders = existsSync(join(lessonDir, "exercises")) ? readdirSync(join(lessonDir, "exercises")).sort() : [];
    if (!existsSync(index)) {
      problems.push({ file: rel("index.md"), line: 1, reason: "missing index.md" });
      continue;
    }
    const placed = new Set<string>();
    for (const fence of findExerciseFences(readFileSync(index, "utf8"))) {
      const at = (reason: string): Problem => ({ file: rel("index.md"), line: fence.line, reason });
      const d = readFence(fence);
      if ("reason" in d) { problems.push(at(d.reason)); continue; }
      exercises++;
      if (seen.has(d.id)) problems.push(at(`exercise id "${d.id}" is already used at ${seen.get(d.id)}`));
      else seen.set(d.id, `${rel("index.md")}:${fence.line}`);
      if (d.kind !== "code") { problems.push(...lintQuiz(d).map(at)); continue; }
      placed.add(d.id);
      if (!folders.includes(d.id)) { problems.push(at(`missing exercise folder exercises/${d.id}/`)); continue; }
      problems.push(...await checkCodeExercise(join(lessonDir, "exercises", d.id), rel("exercises", d.id)));
    }
    for (const id of folders.filter((f) => !placed.has(f))) {
      problems.push({ file: rel("exercises", id, "exercise.yaml"), line: 1, reason: `exercise "${id}" is not placed in index.md: add a fence \`\`\`exercise with "id: ${id}"` });
    }
  }
  return { problems, exercises };
}

/** Problems of one code exercise folder; `rel` is its path relative to the root. */
async function checkCodeExercise(folder: string, rel: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  const at = (file: string, line: number, reason: string): void => { problems.push({ file: `${rel}/${file}`, line, reason }); };
  const missing = CODE_FILES.filter((f) => !existsSync(join(folder, f)));
  for (const f of missing) at(f, 1, `missing ${f}`);
  if (missing.length) return problems;
  const read = (f: string): string => readFileSync(join(folder, f), "utf8");
  const timeoutMs = lintExerciseYaml(read("exercise.yaml"), (line, reason) => at("exercise.yaml", line, reason));

  let checks: CheckSpec, solution: Record<string, unknown>;
  try {
    checks = (await import(pathToFileURL(join(folder, "checks.ts")).href)).default;
  } catch (e) {
    at("checks.ts", 1, `checks.ts fails to load: ${(e as Error).message}`);
    return problems;
  }
  const shape = checkSpecShape(checks);
  if (shape) { at("checks.ts", 1, shape); return problems; }
  try {
    solution = await import(pathToFileURL(join(folder, "solution.ts")).href);
  } catch (e) {
    at("solution.ts", 1, `solution.ts fails to load: ${(e as Error).message}`);
    return problems;
  }
  const reference = solution[checks.entry] as ((...a: never[]) => unknown) | undefined;
  if (typeof reference !== "function") { at("solution.ts", 1, `solution.ts must export a function named ${checks.entry}`); return problems; }
  const exercise = { checks, solution };
  const run = timedRunner(timeoutMs);
  const twice = async (f: () => Verdict | Promise<Verdict>, file: string, line: number, what: string): Promise<Verdict> => {
    const [a, b] = [await f(), await f()];
    if (JSON.stringify(a) !== JSON.stringify(b)) at(file, line, `${what} gives a different verdict on a second run: use the seeded generator`);
    return a;
  };

  const asModule = await twice(() => runVerdict(checks, reference, reference), "checks.ts", 1, "the solution");
  if (asModule.status !== "pass") at("solution.ts", 1, `the solution does not pass: ${asModule.message}`);
  const asCode = await twice(() => checkCode(read("solution.ts"), exercise, run), "solution.ts", 1, "the solution as learner code");
  if (asModule.status === "pass" && asCode.status !== "pass") at("solution.ts", 1, `the solution, typed into the editor, does not pass: ${asCode.message}`);

  const starter = await twice(() => checkCode(read("starter.ts"), exercise, run), "starter.ts", 1, "the starter");
  if (starter.status === "pass") at("starter.ts", 1, "the starter already passes: leave something for the learner to do");
  else if (/timed out/.test(starter.message)) at("starter.ts", 1, `the starter runs past its time budget (${timeoutMs} ms): a learner pressing Check would see a time-out`);
  else if (starter.status !== "fail" || starter.kind === "load") {
    at("starter.ts", 1, `the starter does not fail cleanly: ${starter.message}`);
  }

  const source = read("checks.ts");
  for (const mistake of checks.mistakes ?? []) {
    const line = lineOf(source, mistake.id);
    const v = await twice(() => runVerdict(checks, reference, mistake.fn as (...a: never[]) => unknown), "checks.ts", line, `mistake "${mistake.id}"`);
    if (v.status === "pass") at("checks.ts", line, `mistake "${mistake.id}" gives the same result as the solution on every case: add a case where it differs`);
    else if (v.status !== "fail" || v.kind !== "mistake") at("checks.ts", line, `mistake "${mistake.id}" is not recognised as itself: ${v.message}`);
    else if (v.mistakeId !== mistake.id) at("checks.ts", line, `mistake "${mistake.id}" is reported as "${v.mistakeId}" (list it earlier, or add a case that tells them apart)`);
  }
  return problems;
}

/** Checks exercise.yaml's fields; returns its time budget (ms). */
function lintExerciseYaml(text: string, report: (line: number, reason: string) => void): number {
  let data: Record<string, unknown>;
  try {
    data = parse(text) as Record<string, unknown>;
  } catch (e) {
    report(1, `invalid YAML: ${(e as Error).message.split("\n")[0]}`);
    return 3000;
  }
  if (typeof data !== "object" || data === null) { report(1, "expected title, prompt and hints"); return 3000; }
  const line = (key: string): number => lineOf(text, `${key}:`);
  for (const key of Object.keys(data)) if (!["title", "prompt", "hints", "timeout"].includes(key)) report(line(key), `unknown key "${key}" (expected title, prompt, hints, timeout)`);
  if (typeof data.title !== "string" || !data.title.trim()) report(line("title"), "needs a title");
  if (typeof data.prompt !== "string" || !data.prompt.trim()) report(line("prompt"), "needs a prompt");
  if (!Array.isArray(data.hints) || data.hints.length === 0) report(line("hints"), "needs hints: a list of at least one text, the gentlest first");
  else data.hints.forEach((h: unknown, i) => { if (typeof h !== "string" || !h.trim()) report(line("hints") + i + 1, `hint ${i + 1} ${notText(h)}`); });
  const timeout = data.timeout ?? 3000;
  if (typeof timeout !== "number" || !(timeout > 0)) { report(line("timeout"), "timeout must be a positive number of milliseconds"); return 3000; }
  return timeout;
}

/** 1-based line of the first line mentioning `needle` (or a catalogue mistake by its flaw name), else 1. */
function lineOf(text: string, needle: string): number {
  const flaw = Object.entries(mistakeIds).find(([, id]) => id === needle)?.[0];
  const lines = text.split("\n");
  const i = lines.findIndex((l) => l.includes(needle) || (flaw !== undefined && new RegExp(`\\.${flaw}\\b`).test(l)));
  return i + 1 || 1;
}

/** `tsx scripts/check-lessons.ts [lessons-folder]`: exits 1 when there is any problem. */
async function main(): Promise<void> {
  const { problems, exercises } = await checkLessons(process.cwd(), process.argv[2] ?? "lessons");
  for (const p of problems) console.error(formatProblem(p));
  if (problems.length) {
    console.error(`check-lessons: ${problems.length} problem${problems.length === 1 ? "" : "s"}`);
    process.exit(1);
  }
  console.log(`check-lessons: ${exercises} exercise${exercises === 1 ? "" : "s"}, all sound`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
