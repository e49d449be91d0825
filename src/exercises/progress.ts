// The learner's progress: one localStorage entry per exercise, mirrored in memory so that nothing is lost
// when storage is full or unavailable. Every change is announced as a "progress-change" event.
import {
  PROGRESS_FORMAT, PROGRESS_VERSION, cleanProgress, progressProblem, readProgressFile,
  type ExerciseProgress, type ProgressFile,
} from "./progress-file.ts";

export type { ExerciseProgress, ProgressStatus } from "./progress-file.ts";

/** Name of the event dispatched (on `window` by default) whenever progress changes. */
export const PROGRESS_EVENT = "progress-change";
/** Storage keys are this prefix plus the exercise id. */
export const STORAGE_PREFIX = "attention-interactively:progress:";

/** `detail` of a progress-change event: the exercise that changed (absent after an import), and why. */
export interface ProgressChange {
  id?: string;
  source: "update" | "import" | "error";
}

export interface ProgressStoreOptions {
  /** Defaults to `localStorage`; null keeps progress in memory only. */
  storage?: Storage | null;
  /** Where events are dispatched; defaults to `window`. */
  events?: EventTarget | null;
  now?: () => number;
}

const FULL = "Your browser's storage is full, so your progress can't be saved right now. Your work stays on this " +
  "page; use Export progress to keep a copy, or free some space for this site.";

function defaultStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null; // storage disabled (privacy settings, sandboxed frame)
  }
}

/** Progress for every exercise, keyed by exercise id and checked against the exercise's content hash. */
export class ProgressStore {
  private readonly memory = new Map<string, ExerciseProgress>();
  private readonly storage: Storage | null;
  private readonly events: EventTarget | null;
  private readonly now: () => number;
  /** The last storage problem, in words for the learner; null while everything is saved. */
  error: string | null = null;

  constructor(opts: ProgressStoreOptions = {}) {
    this.storage = opts.storage === undefined ? defaultStorage() : opts.storage;
    this.events = opts.events === undefined ? (typeof window === "undefined" ? null : window) : opts.events;
    this.now = opts.now ?? Date.now;
    this.load();
  }

  private load(): void {
    if (!this.storage) return;
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i);
      if (!key?.startsWith(STORAGE_PREFIX)) continue;
      const id = key.slice(STORAGE_PREFIX.length);
      let value: unknown;
      try {
        value = JSON.parse(this.storage.getItem(key) ?? "");
      } catch {
        value = undefined;
      }
      const problem = progressProblem(value);
      if (problem) console.warn(`progress: ignoring the saved entry for ${id}: it ${problem}`);
      else this.memory.set(id, cleanProgress(value as ExerciseProgress));
    }
  }

  /**
   * Saved progress of exercise `id`, or undefined. When `hash` differs from the saved one, the code is kept
   * and a pass or fail becomes "stale" (the exercise changed: check again).
   */
  get(id: string, hash?: string): ExerciseProgress | undefined {
    const p = this.memory.get(id);
    if (!p || hash === undefined || p.hash === hash) return p && { ...p };
    const stale: ExerciseProgress = { ...p, hash, status: p.status === "untried" ? "untried" : "stale" };
    this.write(id, stale, "update");
    return { ...stale };
  }

  /** Merges `patch` into exercise `id`'s progress (creating it), stamps the time, saves and announces it. */
  update(id: string, hash: string, patch: Partial<Omit<ExerciseProgress, "hash" | "updatedAt">>): ExerciseProgress {
    const base: ExerciseProgress = this.memory.get(id) ?? { hash, code: "", status: "untried", attempts: 0, hintsUsed: 0, updatedAt: 0 };
    const next: ExerciseProgress = { ...base, ...patch, hash, updatedAt: this.now() };
    this.write(id, next, "update");
    return { ...next };
  }

  /** Every exercise's progress, by id. */
  all(): Record<string, ExerciseProgress> {
    return Object.fromEntries([...this.memory].map(([id, p]) => [id, { ...p }]));
  }

  /** How many of `ids` are solved (status "pass"): `summary(lesson.exercises)` for the home page. */
  summary(ids: readonly string[]): { solved: number; total: number } {
    return { solved: ids.filter((id) => this.memory.get(id)?.status === "pass").length, total: ids.length };
  }

  /** Everything, as the exported file's object. */
  exportData(): ProgressFile {
    return { format: PROGRESS_FORMAT, version: PROGRESS_VERSION, exportedAt: new Date(this.now()).toISOString(), exercises: this.all() };
  }

  exportJSON(): string {
    return JSON.stringify(this.exportData(), null, 2);
  }

  /** Replaces the progress of every exercise in the file; a corrupt or foreign file changes nothing. */
  importJSON(text: string): { ok: true; count: number } | { ok: false; reason: string } {
    const file = readProgressFile(text);
    if (!file.ok) return file;
    const entries = Object.entries(file.exercises);
    for (const [id, p] of entries) this.write(id, p, null);
    this.emit({ source: "import" });
    return { ok: true, count: entries.length };
  }

  /** Saves to memory, then to storage; a full storage sets `error` and keeps the memory copy. */
  private write(id: string, p: ExerciseProgress, source: ProgressChange["source"] | null): void {
    this.memory.set(id, p);
    const hadError = this.error;
    try {
      this.storage?.setItem(STORAGE_PREFIX + id, JSON.stringify(p));
      this.error = null;
    } catch (e) {
      const { name, code } = (e ?? {}) as { name?: string; code?: number };
      const quota = name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" || code === 22;
      this.error = quota ? FULL : `Your progress can't be saved right now (${(e as Error)?.message ?? e}). Your work stays on this page.`;
    }
    if (source) this.emit({ id, source });
    if (this.error && this.error !== hadError) this.emit({ id, source: "error" });
  }

  private emit(detail: ProgressChange): void {
    if (!this.events || typeof CustomEvent === "undefined") return;
    this.events.dispatchEvent(new CustomEvent<ProgressChange>(PROGRESS_EVENT, { detail }));
  }
}

let shared: ProgressStore | undefined;

/** The page's one store over localStorage, made on first use. */
export function defaultProgressStore(): ProgressStore {
  shared ??= new ProgressStore();
  return shared;
}
