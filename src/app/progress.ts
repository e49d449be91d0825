// The shell's view of the reader's progress; the store itself lives in src/exercises.
import { defaultProgressStore } from "../exercises/progress.ts";

/** How many of these exercises the reader has solved. */
export function progressSummary(exerciseIds: string[]): { solved: number; total: number } {
  return defaultProgressStore().summary(exerciseIds);
}
