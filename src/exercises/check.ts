// One check from start to verdict, given the learner's code and a loaded exercise. Shared by the worker
// and by Node (tests, check-lessons), which swaps in its own module runner.
//
// The learner's code imports a kernel of its own (learner-kernel.ts): a forbidden function is a stub, and
// every call is noted. A forbidden call is refused whatever the result. An answer that fails for no known
// mistake runs once more on watched matrices (probe.ts), so that "Cannot read properties of undefined" or
// a NaN can be explained as what the code did: a Matrix indexed like an array, an index past a row's end.
import { rng } from "kernel";
import { runVerdict } from "./verdict.ts";
import { describeFinding, messages } from "./messages.ts";
import { learnerKernel } from "./learner-kernel.ts";
import { dataIndexedTwice, probingKernel, type Finding } from "./probe.ts";
import {
  entryParams, functionRunner, learnerLine, loadLearnerFunction, locateLearnerError, type ModuleRunner,
} from "./transform.ts";
import type { LoadedExercise } from "./load.ts";
import type { FailKind, Verdict } from "./types.ts";

/** Failures the probe may explain better; a named mistake, a load error or a forbidden call never. */
const PROBED = new Set<FailKind>(["threw", "undefined", "not-matrix", "shape", "nan", "property", "values"]);

type Fn = (...a: never[]) => unknown;

/**
 * Compiles `code`, finds its entry and judges it against the exercise's reference solution.
 * @example await checkCode(code, await loadExercise("02-queries-keys-values", "dot-scores"))
 */
export async function checkCode(code: string, exercise: LoadedExercise, run: ModuleRunner = functionRunner): Promise<Verdict> {
  const { checks, solution } = exercise;
  const reference = solution[checks.entry];
  if (typeof reference !== "function") {
    return { status: "exercise-error", message: messages.exerciseError(`the solution does not export ${checks.entry}`) };
  }
  const forbid = checks.forbid ?? [];
  const { module, use } = learnerKernel(forbid);
  const loaded = await loadLearnerFunction(code, checks.entry, { kernel: module }, run);
  const refused = (): Verdict => ({ status: "fail", kind: "forbidden", forbidden: use.forbidden[0], message: messages.forbidden(use.forbidden[0]) });
  if (use.forbidden.length) return refused();
  if (!loaded.ok) return { status: "fail", kind: "load", message: loaded.message };
  const verdict = runVerdict(checks, reference as Fn, loaded.fn, { locateError: locateLearnerError, called: () => use.called });
  // Even a correct result is refused: the call is what the prompt rules out (and catching it changes nothing).
  if (use.forbidden.length) return refused();
  if (verdict.status !== "fail" || !PROBED.has(verdict.kind)) return verdict;
  const finding = (await probe(code, exercise, run)) ?? (verdict.kind === "nan" || verdict.kind === "values" ? dataIndexedTwice(code) : null);
  if (!finding) return verdict;
  return { ...verdict, kind: finding.kind === "out-of-range" ? "out-of-range" : "indexing", message: describeFinding(finding, code) };
}

/** Runs the learner's function on each case with watched matrices; the first suspicious access, or null. */
async function probe(code: string, exercise: LoadedExercise, run: ModuleRunner): Promise<Finding | null> {
  const { checks } = exercise;
  const watched = probingKernel(checks.forbid ?? [], learnerLine);
  const loaded = await loadLearnerFunction(code, checks.entry, { kernel: watched.module }, run);
  if (!loaded.ok) return null;
  const names = entryParams(code, checks.entry);
  for (const [i, c] of checks.cases.entries()) {
    let args: unknown[];
    try {
      args = c.args(rng(c.seed ?? i + 1));
    } catch {
      return null; // the engine has reported this as the exercise's fault already
    }
    try {
      loaded.fn(...watched.watchArgs(args, names));
    } catch {
      // The failure itself is known; what matters here is what the code touched on the way.
    }
    const found = watched.found;
    const first = found.find((f) => f.kind === "matrix-index") ?? found[0];
    if (first) return first;
  }
  return null;
}

/**
 * Judges one of the exercise's declared mistakes as if a learner's code computed it (author mode):
 * a sound exercise reports it as that mistake, with its own message.
 */
export function checkMistake(exercise: LoadedExercise, mistakeId: string): Verdict {
  const { checks, solution } = exercise;
  const reference = solution[checks.entry];
  const mistake = checks.mistakes?.find((m) => m.id === mistakeId);
  if (typeof reference !== "function") {
    return { status: "exercise-error", message: messages.exerciseError(`the solution does not export ${checks.entry}`) };
  }
  if (!mistake) return { status: "exercise-error", message: messages.exerciseError(`checks.ts declares no mistake “${mistakeId}”`) };
  return runVerdict(checks, reference as Fn, mistake.fn as Fn);
}
