// One check from start to verdict, given the learner's code and a loaded exercise. Shared by the worker
// and by Node (tests, check-lessons), which swaps in its own module runner.
import * as kernel from "kernel";
import { runVerdict } from "./verdict.ts";
import { messages } from "./messages.ts";
import { functionRunner, loadLearnerFunction, locateLearnerError, type ModuleRunner } from "./transform.ts";
import type { LoadedExercise } from "./load.ts";
import type { Verdict } from "./types.ts";

/** The modules learner code may import. */
export const learnerModules: Record<string, unknown> = { kernel };

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
  const loaded = await loadLearnerFunction(code, checks.entry, learnerModules, run);
  if (!loaded.ok) return { status: "fail", kind: "load", message: loaded.message };
  return runVerdict(checks, reference as (...a: never[]) => unknown, loaded.fn, { locateError: locateLearnerError });
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
  return runVerdict(checks, reference as (...a: never[]) => unknown, mistake.fn as (...a: never[]) => unknown);
}
