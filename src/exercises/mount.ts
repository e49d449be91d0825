// The entry the lesson page calls for each exercise placeholder: mounts the right kind of exercise.
import "./exercise.css";
import type { ExerciseSpec } from "../lesson/types.ts";
import { mountCodeExercise } from "./code-ui.ts";
import { defaultProgressStore, type ProgressStore } from "./progress.ts";
import { mountChoiceExercise, mountNumericExercise } from "./quiz-ui.ts";
import type { runCheck } from "./runner.ts";

export interface MountOptions {
  /** Where progress is kept; the page's localStorage store by default. */
  store?: ProgressStore;
  /**
   * Author view: under each code exercise, buttons that run the reference, the starter and each mistake
   * declared in checks.ts through the checker, with the verdict each gets (author-ui.ts).
   */
  author?: boolean;
  /** "textarea" skips CodeMirror (tests); default "codemirror", loaded lazily. */
  editor?: "codemirror" | "textarea";
  /** Replaces the worker-based check (tests). */
  check?: typeof runCheck;
  /** Author view: replaces reading the declared mistakes from checks.ts (tests). */
  listMistakes?: (lesson: string, id: string) => Promise<string[]>;
}

/**
 * Renders exercise `spec` into `el`: a region named by its title, with Check, Hint (and for code exercises
 * Solution and Reset) and a status line. Saved progress is restored, never run.
 * @example const { destroy } = mountExercise(placeholder, spec)
 */
export function mountExercise(el: HTMLElement, spec: ExerciseSpec, opts: MountOptions = {}): { destroy(): void } {
  const store = opts.store ?? defaultProgressStore();
  if (spec.kind === "code") return mountCodeExercise(el, spec, { ...opts, store });
  if (spec.kind === "numeric") return mountNumericExercise(el, spec, store);
  return mountChoiceExercise(el, spec, store);
}
