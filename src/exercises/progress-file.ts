// The shape of saved progress, and the exported JSON file: validated field by field, so a corrupt or
// foreign file is rejected with a reason before anything is overwritten.

export type ProgressStatus = "untried" | "fail" | "pass" | "stale";

/** What is kept per exercise, keyed by its stable id. */
export interface ExerciseProgress {
  /** Content hash of the exercise when this was saved; a different hash makes the status "stale". */
  hash: string;
  /** The learner's code (or answer, for numeric and choice exercises). */
  code: string;
  status: ProgressStatus;
  attempts: number;
  hintsUsed: number;
  /** ms since 1970. */
  updatedAt: number;
}

export const PROGRESS_FORMAT = "attention-interactively/progress";
export const PROGRESS_VERSION = 1;

/** The exported file. */
export interface ProgressFile {
  format: typeof PROGRESS_FORMAT;
  version: typeof PROGRESS_VERSION;
  exportedAt: string;
  exercises: Record<string, ExerciseProgress>;
}

const STATUSES: readonly string[] = ["untried", "fail", "pass", "stale"];
const isCount = (x: unknown): boolean => typeof x === "number" && Number.isInteger(x) && x >= 0;

/** Why `x` is not an ExerciseProgress (a phrase like "has no valid attempts count"), or null if it is. */
export function progressProblem(x: unknown): string | null {
  if (typeof x !== "object" || x === null || Array.isArray(x)) return "is not an object";
  const p = x as Record<string, unknown>;
  if (typeof p.hash !== "string") return "has no hash";
  if (typeof p.code !== "string") return "has no code";
  if (typeof p.status !== "string" || !STATUSES.includes(p.status)) return "has no valid status";
  if (!isCount(p.attempts)) return "has no valid attempts count";
  if (!isCount(p.hintsUsed)) return "has no valid count of hints used";
  if (typeof p.updatedAt !== "number" || !Number.isFinite(p.updatedAt)) return "has no valid date";
  return null;
}

/** Only the known fields, so stray keys in a file never reach storage. */
export function cleanProgress(p: ExerciseProgress): ExerciseProgress {
  const { hash, code, status, attempts, hintsUsed, updatedAt } = p;
  return { hash, code, status, attempts, hintsUsed, updatedAt };
}

/** Parses and validates an exported file: the exercises it holds, or the reason it was rejected. */
export function readProgressFile(text: string): { ok: true; exercises: Record<string, ExerciseProgress> } | { ok: false; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: "This file is not valid JSON, so it can't be progress saved by this course." };
  }
  const file = (typeof data === "object" && data !== null ? data : {}) as Partial<Record<keyof ProgressFile, unknown>>;
  if (file.format !== PROGRESS_FORMAT) return { ok: false, reason: "This file is not a progress file from Attention, Interactively." };
  if (file.version !== PROGRESS_VERSION) {
    const newer = typeof file.version === "number" && file.version > PROGRESS_VERSION;
    return {
      ok: false,
      reason: newer
        ? `This progress file comes from a newer version of the course (version ${file.version}). Reload the page to update it, then import again.`
        : `This progress file has an unknown version (${JSON.stringify(file.version)}).`,
    };
  }
  const exercises = file.exercises;
  if (typeof exercises !== "object" || exercises === null || Array.isArray(exercises)) {
    return { ok: false, reason: "This progress file is damaged: it has no list of exercises." };
  }
  const out: Record<string, ExerciseProgress> = {};
  for (const [id, entry] of Object.entries(exercises)) {
    const problem = progressProblem(entry);
    if (problem) return { ok: false, reason: `This progress file is damaged: the entry for “${id}” ${problem}.` };
    out[id] = cleanProgress(entry as ExerciseProgress);
  }
  return { ok: true, exercises: out };
}
