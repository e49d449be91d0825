// The proofs check:lessons runs on one code exercise (check-lessons.ts runs the course):
// - the solution passes (as a module and as learner code), the starter fails cleanly, every declared
//   mistake is caught with its own message, and every verdict is the same twice;
// - each forbidden function is a kernel export the prompt names, and code that calls it is refused,
//   even code that calls it, ignores the answer and computes the right one; and a prompt that says to do
//   something "yourself" or "rather than" a kernel function forbids that function;
// - a masking exercise (one declaring a mask mistake) refuses finite fills: its solution with −Infinity
//   replaced by −10, −20, −30, −100, −1e4 or −1e9 is reported as masked-with-finite, and each family
//   mistake's examples as that mistake;
// - every hint's code runs where the learner would paste it (check-hints.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { blockOrigin } from "../src/lesson/errors.ts";
import { didYouMean } from "../src/lesson/suggest.ts";
import { parseYaml } from "../src/lesson/yaml.ts";
import type { CodeExerciseSpec } from "../src/lesson/types.ts";
import { checkCode } from "../src/exercises/check.ts";
import { kernelExports } from "../src/exercises/learner-kernel.ts";
import { mistakeIds } from "../src/exercises/mistakes.ts";
import { checkSpecShape } from "../src/exercises/spec.ts";
import { runVerdict } from "../src/exercises/verdict.ts";
import { timedRunner } from "../src/exercises/node-runner.ts";
import type { CheckSpec, Verdict } from "../src/exercises/types.ts";
import { hintProblems } from "./check-hints.ts";

/** One problem: the file inside the exercise folder, its place, and why. */
export interface ExerciseProblem { file: string; line: number; column: number; reason: string }

type Fn = (...a: never[]) => unknown;
type Exercise = { checks: CheckSpec; solution: Record<string, unknown> };
type Runner = ReturnType<typeof timedRunner>;
/** Mistakes that only a masking exercise declares: an exercise with one must refuse finite fills. */
const MASK_MISTAKES = new Set([mistakeIds.maskedWithZero, mistakeIds.maskedAfterSoftmax, mistakeIds.invertedMask, "forgot-causal-mask"]);
/** A solution that hides scores: `cond ? x : -Infinity` (not `let max = -Infinity`). */
const HIDES = /[?:]\s*-Infinity/;
const FINITE_FILLS = ["-10", "-20", "-30", "-100", "-1e4", "-1e9"];
/** Words by which a prompt asks for a kernel function's work by hand ("… rather than calling `softmax`"). */
const BY_HAND = /\b(yourself|by hand|rather than|instead of|without|but not|not from|don't use|do not use)\b/i;

/** Problems of the code exercise in `folder` (relative to `root`), whose lesson compiled as `spec`. */
export async function checkCodeExercise(root: string, folder: string, spec: CodeExerciseSpec): Promise<ExerciseProblem[]> {
  const problems: ExerciseProblem[] = [];
  const at = (file: string, place: { line: number; column: number }, reason: string): void => {
    problems.push({ file, ...place, reason });
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
  const reference = solution[checks.entry] as Fn | undefined;
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
  } else if (starter.status !== "fail" || starter.kind === "load" || starter.kind === "forbidden") {
    at("starter.ts", top, `the starter does not fail cleanly: ${starter.message}`);
  }

  const source = readFileSync(full("checks.ts"), "utf8");
  for (const mistake of checks.mistakes ?? []) {
    const place = placeOf(source, mistake.id);
    const v = await twice(() => runVerdict(checks, reference, mistake.fn as Fn), "checks.ts", place, `mistake "${mistake.id}"`);
    if (v.status === "pass") at("checks.ts", place, `mistake "${mistake.id}" gives the same result as the solution on every case: add a case where it differs`);
    else if (v.status !== "fail" || v.kind !== "mistake") at("checks.ts", place, `mistake "${mistake.id}" is not recognised as itself: ${v.message}`);
    else if (v.mistakeId !== mistake.id) at("checks.ts", place, `mistake "${mistake.id}" is reported as "${v.mistakeId}" (list it earlier, or add a case that tells them apart)`);
    const missed: { value: number; message: string }[] = [];
    for (const value of mistake.family?.examples ?? []) {
      const member = (...args: unknown[]): unknown => mistake.family!.fn(value, ...args);
      const w = runVerdict(checks, reference, member);
      if (w.status !== "fail" || w.mistakeId !== mistake.id) missed.push({ value, message: w.message });
    }
    if (missed.length) {
      const values = missed.map((m) => m.value).join(", ");
      at("checks.ts", place, `mistake "${mistake.id}" with ${values} is not reported as itself: ${missed[0].message}`);
    }
  }

  const yamlText = readFileSync(full("exercise.yaml"), "utf8");
  const meta = parseYaml(yamlText, `${folder}/exercise.yaml`, blockOrigin(yamlText.split("\n"), 0, yamlText), "exercise.yaml");
  const prompt = String(meta.get(["prompt"]) ?? "");
  problems.push(...(await forbidProblems(checks, exercise, run, { prompt, source, solution: spec.solution }, meta.at(["prompt"]))));
  problems.push(...(await maskProblems(checks, exercise, run, source, spec.solution)));
  const hints = (meta.get(["hints"]) as unknown[] | undefined ?? []).map(String);
  for (const p of await hintProblems(hints, spec.starter, checks.entry, exercise, run)) at("exercise.yaml", meta.at(["hints", p.hint]), p.reason);
  return problems;
}

/** Each forbidden function is a kernel export the prompt names, and calling it is refused. */
async function forbidProblems(
  checks: CheckSpec, exercise: Exercise, run: Runner,
  texts: { prompt: string; source: string; solution: string }, promptAt: { line: number; column: number },
): Promise<ExerciseProblem[]> {
  const { prompt, source } = texts;
  const problems: ExerciseProblem[] = [];
  const forbid = checks.forbid ?? [];
  const place = placeOf(source, "forbid");
  const names = new Set(kernelExports);
  for (const name of forbid) {
    if (!names.has(name)) { problems.push({ file: "checks.ts", ...place, reason: `forbid: "${name}" is not a kernel export${didYouMean(name, names)}` }); continue; }
    if (!prompt.includes(`\`${name}\``)) {
      problems.push({ file: "exercise.yaml", ...promptAt, reason: `forbid: the prompt never names \`${name}\`: say that it is off limits, or a learner is refused without warning` });
    }
    // Calling it for the answer, and calling it only to throw the result away: both must be refused.
    const direct = `import * as kernel from "kernel";\nexport function ${checks.entry}(...args: any[]): any {\n  return (kernel as any).${name}(...args);\n}\n`;
    const aside = injectCall(texts.solution, checks.entry, name);
    for (const [what, code] of [["calls it for the answer", direct], ["calls it and ignores it", aside]] as const) {
      if (!code) continue;
      const v = await checkCode(code, exercise, run);
      if (v.status !== "fail" || v.kind !== "forbidden" || !v.message.includes(name)) {
        problems.push({ file: "checks.ts", ...place, reason: `forbid: code that ${what} (${name}) is not refused: ${v.message}` });
      }
    }
  }
  for (const sentence of prompt.replace(/\s+/g, " ").split(/(?<=[.;:!?])\s/)) {
    const trigger = BY_HAND.exec(sentence);
    if (!trigger) continue;
    for (const [, name] of sentence.slice(trigger.index).matchAll(/`([A-Za-z_$][\w$]*)`/g)) {
      if (names.has(name) && !forbid.includes(name)) {
        problems.push({ file: "exercise.yaml", ...promptAt, reason: `the prompt asks for ${name}'s work by hand (“${sentence.trim()}”): add forbid: ["${name}"] to checks.ts` });
      }
    }
  }
  return problems;
}

/** A masking exercise must refuse its own solution with −Infinity replaced by finite fills. */
async function maskProblems(checks: CheckSpec, exercise: Exercise, run: Runner, source: string, solution: string): Promise<ExerciseProblem[]> {
  const ids = (checks.mistakes ?? []).map((m) => m.id);
  const lines = solution.split("\n");
  if (!ids.some((id) => MASK_MISTAKES.has(id)) && !lines.some((l) => HIDES.test(code(l)))) return [];
  const place = placeOf(source, "mistakes");
  if (!ids.includes(mistakeIds.maskedWithFinite)) {
    return [{ file: "checks.ts", ...place, reason: "a masking exercise must declare m.maskedWithFinite (and m.maskedWithPenalty), so that a fill of -20 or -1e9 gets its own message" }];
  }
  const fills = lines.filter((l) => code(l).includes("-Infinity")).length;
  if (fills === 0) return [{ file: "solution.ts", line: 1, column: 1, reason: "a masking exercise's solution hides keys with -Infinity: check:lessons replaces it with finite fills to prove they are refused" }];
  const missed: { fill: string; message: string }[] = [];
  for (const fill of FINITE_FILLS) {
    const learner = lines.map((l) => code(l).replaceAll("-Infinity", fill) + l.slice(code(l).length)).join("\n");
    const v = await checkCode(learner, exercise, run);
    if (v.status !== "fail" || v.mistakeId !== mistakeIds.maskedWithFinite) missed.push({ fill, message: v.message });
  }
  if (!missed.length) return [];
  const tried = missed.map((m) => m.fill).join(", ");
  return [{ file: "checks.ts", ...place, reason: `the solution with -Infinity replaced by ${tried} is not reported as masked-with-finite: ` +
    `${missed[0].message} (add a case whose scores are far from 0, such as farApartQK)` }];
}

/** A line without its // comment. */
const code = (line: string): string => {
  const k = line.indexOf("//");
  return k < 0 ? line : line.slice(0, k);
};

/** The solution with `kernel.<name>()` called (and its error swallowed) at the start of the entry's body. */
function injectCall(solution: string, entry: string, name: string): string | null {
  const head = new RegExp(`export function ${entry}\\s*\\(`).exec(solution);
  if (!head) return null;
  const open = solution.indexOf("{", solution.indexOf(")", head.index));
  if (open < 0) return null;
  const call = `\n  try { (__kernel as any).${name}(); } catch { /* ignored */ }`;
  return `import * as __kernel from "kernel";\n${solution.slice(0, open + 1)}${call}${solution.slice(open + 1)}`;
}

/** Where `needle` (a mistake id, or a catalogue mistake by its flaw name: `m.forgotScale`) first appears, else 1:1. */
export function placeOf(text: string, needle: string): { line: number; column: number } {
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
