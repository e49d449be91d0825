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
  fn: (...args: A) => Matrix;
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
  | "load" | "mistake" | "threw" | "undefined" | "not-matrix" | "shape" | "nan" | "property" | "values";

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
      /** First differing cell, for kind "values". */
      cell?: { row: number; col: number; expected: number; actual: number };
      expected?: MatrixPreview;
      actual?: MatrixPreview;
    }
  | { status: "timeout"; message: string }
  | { status: "exercise-error"; message: string };
