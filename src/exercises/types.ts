// The shapes shared by checks modules, the verdict engine, the worker and the page.
import type { Matrix } from "kernel";

/** One seeded input: `args` builds the entry's arguments from a seeded generator. */
export interface CheckCase<A extends unknown[] = unknown[]> {
  /** Shown to the learner: "3 queries, 5 keys, d_k = 4". */
  name: string;
  args: (random: () => number) => A;
  /** Seed of the generator handed to `args`; defaults to the case's position + 1. */
  seed?: number;
}

/** A known wrong answer: `fn` computes it, `message` tells the learner what went wrong and what to try. */
export interface Mistake<A extends unknown[] = unknown[]> {
  /** Stable, e.g. "softmax-wrong-axis": check-lessons and tests look mistakes up by it. */
  id: string;
  /** Whole sentences, friendly, with the next step. */
  message: string;
  /** One wrong answer of this kind (for a family: one member), as the learner's code would compute it. */
  fn: (...args: A) => Matrix;
  /**
   * A mistake with one free number, such as the constant a learner fills hidden scores with (−20, −1e9 …):
   * the engine looks for a value among `values` (sorted, then refined between neighbours) that reproduces
   * the learner's result on each case, so every member of the family gets this mistake's message.
   */
  family?: MistakeFamily<A>;
}

/** The members of a one-parameter mistake: `fn(value, ...args)` for every value in the range of `values`. */
export interface MistakeFamily<A extends unknown[] = unknown[]> {
  fn: (value: number, ...args: A) => Matrix;
  /** A sorted grid over the plausible values (e.g. −0.1 down to −1e13); the best one is refined. */
  values: readonly number[];
  /** Members check-lessons runs as if a learner wrote them; each must be reported as this mistake. */
  examples: readonly number[];
}

/** Names of a result's axes, for the heatmaps a failed check draws (default "row" and "column"). */
export interface Axes {
  rows: string;
  cols: string;
}

/** Something every correct output satisfies, e.g. "each row sums to 1". */
export interface Property<A extends unknown[] = unknown[]> {
  /** Shown when the property fails. */
  message: string;
  holds: (out: Matrix, args: A) => boolean;
}

/** What a checks.ts module default-exports (through `defineChecks`). */
export interface CheckSpec<A extends unknown[] = unknown[]> {
  /** The exported function the learner writes, e.g. "attentionWeights". */
  entry: string;
  cases: CheckCase<A>[];
  /** Tried in order; the first match wins, so list specific mistakes first. */
  mistakes?: Mistake<A>[];
  properties?: Property<A>[];
  /** Two numbers agree when |a - b| <= tolerance * (1 + |b|); default 1e-6. */
  tolerance?: number;
  /**
   * Kernel functions the learner must not call, because the prompt asks for their work by hand
   * (`forbid: ["softmaxBackward"]`). In the learner's `import … from "kernel"` they are stubs that report
   * the call; check-lessons proves that code calling each one is refused.
   */
  forbid?: readonly string[];
  /** What the result's rows and columns are, e.g. `{ rows: "query", cols: "key" }` for weights. */
  axes?: Axes;
}

/** A matrix as it crosses to the page: plain numbers, cut to at most `MAX_PREVIEW` rows and columns. */
export interface MatrixPreview {
  rows: number;
  cols: number;
  /** Row-major values of the shown top-left corner (NaN and ±Infinity survive structured cloning). */
  data: number[];
  /** Shape of the shown corner; smaller than rows x cols when the matrix was cut. */
  shownRows: number;
  shownCols: number;
}

/** Why a learner's answer failed: "load" (syntax error, missing export, bad import), then in the engine's order. */
export type FailKind =
  | "load" | "forbidden" | "mistake" | "indexing" | "out-of-range"
  | "threw" | "undefined" | "not-matrix" | "shape" | "nan" | "property" | "values";

export type Verdict =
  | { status: "pass"; message: string }
  | {
      status: "fail";
      kind: FailKind;
      message: string;
      /** The case that shows the failure. */
      caseName?: string;
      /** For kind "mistake": which one. */
      mistakeId?: string;
      /** The cell that differs most, for kind "values". */
      cell?: { row: number; col: number; expected: number; actual: number };
      /** For kind "forbidden": the kernel function the code called. */
      forbidden?: string;
      /** Names of the matrices' axes, from the checks (default "row" and "column"). */
      axes?: Axes;
      expected?: MatrixPreview;
      actual?: MatrixPreview;
    }
  | { status: "timeout"; message: string }
  | { status: "exercise-error"; message: string };
