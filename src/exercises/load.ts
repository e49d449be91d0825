// Finds an exercise's checks.ts and solution.ts. import.meta.glob makes Vite bundle each one as its own lazy
// chunk, so this works in dev and in the built site; the worker loads only the exercise being checked.
// (The one place src/ reaches into lessons/ besides the app's lesson index.)
import { checkSpecShape } from "./spec.ts";
import type { CheckSpec } from "./types.ts";

type Loader = () => Promise<Record<string, unknown>>;
const files = import.meta.glob("/lessons/*/exercises/*/{checks,solution}.ts") as Record<string, Loader>;

export interface LoadedExercise {
  checks: CheckSpec;
  solution: Record<string, unknown>;
}

/** Loads exercise `id` of `lesson`; throws a lowercase developer message when something is missing. */
export async function loadExercise(lesson: string, id: string): Promise<LoadedExercise> {
  const base = `/lessons/${lesson}/exercises/${id}`;
  const checksLoader = files[`${base}/checks.ts`];
  const solutionLoader = files[`${base}/solution.ts`];
  if (!checksLoader) throw new Error(`no checks.ts for exercise “${id}” in lesson ${lesson}`);
  if (!solutionLoader) throw new Error(`no solution.ts for exercise “${id}” in lesson ${lesson}`);
  const [checksModule, solution] = await Promise.all([checksLoader(), solutionLoader()]);
  const checks = checksModule.default;
  const problem = checkSpecShape(checks);
  if (problem) throw new Error(problem);
  return { checks: checks as CheckSpec, solution };
}
