// The exercises layer: mounting exercises, checking code in a worker, verdicts, and saved progress.
export { mountExercise, type MountOptions } from "./mount.ts";
export { mountProgressTools, downloadProgress, EXPORT_FILENAME } from "./progress-tools.ts";
export {
  ProgressStore, defaultProgressStore, PROGRESS_EVENT, STORAGE_PREFIX,
  type ExerciseProgress, type ProgressStatus, type ProgressChange, type ProgressStoreOptions,
} from "./progress.ts";
export { runCheck, DEFAULT_TIMEOUT_MS, type CheckTarget, type RunCheckOptions } from "./runner.ts";
export { runVerdict, type VerdictOptions } from "./verdict.ts";
export { defineChecks, properties } from "./checks.ts";
export { mistakes, attentionMistakes, attentionMistake, softmaxMistakes, flawMessages, mistakeIds } from "./mistakes.ts";
export type { CheckSpec, CheckCase, Mistake, Property, Verdict, FailKind, MatrixPreview } from "./types.ts";
