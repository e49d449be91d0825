// Messages between the page (runner.ts) and the checking worker (worker.ts).
import type { Verdict } from "./types.ts";

/** Page -> worker: check this code against exercise `id` of `lesson`. */
export interface CheckRequest {
  type: "check";
  /** Echoed back, so that learner code posting messages of its own can't fake a verdict. */
  nonce: string;
  lesson: string;
  id: string;
  code: string;
  /** Author mode: judge this declared mistake of checks.ts instead of `code`. */
  mistake?: string;
}

/** Worker -> page: "started" once the exercise is loaded and the learner's code is about to run. */
export type CheckReply =
  | { type: "started"; nonce: string }
  | { type: "verdict"; nonce: string; verdict: Verdict };

/** Longest message text sent to the page. */
export const MAX_MESSAGE = 2000;

/** Cuts every message in a verdict to MAX_MESSAGE characters (matrices are already previews). */
export function capVerdict(v: Verdict): Verdict {
  const message = v.message.length > MAX_MESSAGE ? `${v.message.slice(0, MAX_MESSAGE)}…` : v.message;
  return { ...v, message };
}
