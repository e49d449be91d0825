// The page side of checking: a fresh module Worker per check, a time budget, and termination on overrun.
import { messages } from "./messages.ts";
import type { CheckReply, CheckRequest } from "./protocol.ts";
import type { Verdict } from "./types.ts";

/** Default time budget for the learner's code, in ms. */
export const DEFAULT_TIMEOUT_MS = 3000;
/** How long the worker may take to load the exercise before the learner's code starts. */
export const LOAD_TIMEOUT_MS = 20_000;

/** The part of a Worker the runner uses (a fake in tests). */
export interface WorkerLike {
  postMessage(message: CheckRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<CheckReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface CheckTarget {
  lesson: string;
  id: string;
  /** Budget for the learner's code, ms; DEFAULT_TIMEOUT_MS when absent. */
  timeoutMs?: number;
  /** Author mode: judge this declared mistake of the exercise's checks.ts instead of the code. */
  mistake?: string;
}

export interface RunCheckOptions {
  createWorker?: () => WorkerLike;
  loadTimeoutMs?: number;
}

/** A module Worker running worker.ts; Vite bundles it for the built site. */
export function createCheckWorker(): WorkerLike {
  return new Worker(new URL("./worker.ts", import.meta.url), { type: "module", name: "exercise-check" }) as unknown as WorkerLike;
}

function nonce(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : String(Math.random()).slice(2);
}

/**
 * Checks `code` against an exercise in a new worker; resolves with a verdict, never rejects.
 * On overrun the worker is terminated and the verdict's status is "timeout".
 * @example const verdict = await runCheck({ lesson: "02-queries-keys-values", id: "dot-scores" }, code)
 */
export function runCheck(target: CheckTarget, code: string, opts: RunCheckOptions = {}): Promise<Verdict> {
  const budget = target.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const key = nonce();
  return new Promise<Verdict>((resolve) => {
    let worker: WorkerLike;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (verdict: Verdict): void => {
      clearTimeout(timer);
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      resolve(verdict);
    };
    try {
      worker = (opts.createWorker ?? createCheckWorker)();
    } catch (e) {
      resolve({ status: "exercise-error", message: cannotStart(e instanceof Error ? e.message : String(e)) });
      return;
    }
    timer = setTimeout(
      () => finish({ status: "exercise-error", message: cannotStart("it took too long to load") }),
      opts.loadTimeoutMs ?? LOAD_TIMEOUT_MS,
    );
    worker.onmessage = (event) => {
      const reply = event.data;
      if (!reply || reply.nonce !== key) return; // not ours: learner code posting messages
      if (reply.type === "started") {
        clearTimeout(timer);
        timer = setTimeout(() => finish({ status: "timeout", message: messages.timeout(budget) }), budget);
      } else if (reply.type === "verdict") {
        finish(reply.verdict);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      finish({ status: "exercise-error", message: cannotStart(event.message || "the worker failed") });
    };
    const mistake = target.mistake === undefined ? {} : { mistake: target.mistake };
    worker.postMessage({ type: "check", nonce: key, lesson: target.lesson, id: target.id, code, ...mistake });
  });
}

function cannotStart(why: string): string {
  return `The checker could not run (not your code): ${why}. Reload the page and press Check again.`;
}
