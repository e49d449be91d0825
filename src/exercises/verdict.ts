// The verdict engine: runs the reference and the learner's function on every seeded case and reports the
// first failure only. Pure: no DOM, no Worker, so it runs in Node (tests, check-lessons) and in the worker.
//
// Order: a known mistake (its own message; it may throw, change the shape or give NaN the same way the
// learner's code does), then threw, returned undefined, not a Matrix, wrong shape, NaN, a failed property,
// and values that differ.
import { rng, type Matrix } from "kernel";
import {
  describeValue, firstNaN, isMatrix, largestDifference, matchesMatrix, preview, shapeOf, type Difference,
} from "./compare.ts";
import { fitFamily } from "./fit.ts";
import { errorText, messages, shapeAdvice } from "./messages.ts";
import { checkSpecShape } from "./spec.ts";
import type { CheckSpec, Mistake, Verdict } from "./types.ts";

/** What one call gave: a value, or the text of what it threw. */
type Outcome = { value: unknown; error?: undefined } | { error: string; thrown: unknown };

type Fn = (...args: never[]) => unknown;

export interface VerdictOptions {
  /** Where a learner's error happened, e.g. " (line 7)", or "" when unknown. */
  locateError?: (e: unknown) => string;
  /** The kernel functions the learner's code called (so a shape message can speak of matmul only if it was used). */
  called?: () => ReadonlySet<string>;
}

/** Thrown inside the engine when the exercise itself (not the learner) is at fault. */
class ExerciseFault extends Error {}

/** Calls fn on case i's arguments, built fresh so that a function that mutates them can't affect others. */
function call(spec: CheckSpec, i: number, fn: Fn): Outcome {
  const args = argsOf(spec, i);
  try {
    return { value: (fn as (...a: unknown[]) => unknown)(...args) };
  } catch (thrown) {
    return { error: errorText(thrown), thrown };
  }
}

function argsOf(spec: CheckSpec, i: number): unknown[] {
  const c = spec.cases[i];
  try {
    const args = c.args(rng(c.seed ?? i + 1));
    if (!Array.isArray(args)) throw new Error("args must return an array");
    return args;
  } catch (e) {
    throw new ExerciseFault(`the arguments of case “${c.name}” could not be made (${errorText(e)})`);
  }
}

/** Same result on every case: equal matrices, or the same error. */
function sameOutcomes(a: Outcome[], b: Outcome[], tol: number): boolean {
  return a.every((x, i) => {
    const y = b[i];
    if (x.error !== undefined || y.error !== undefined) return x.error === y.error;
    return isMatrix(x.value) && isMatrix(y.value) && matchesMatrix(x.value, y.value, tol);
  });
}

/**
 * Checks `learner` against `reference` on every case of `spec` and returns the first failure, or a pass.
 * @example runVerdict(checks, solution.attentionWeights, learnerFn)
 */
export function runVerdict<A extends unknown[]>(spec: CheckSpec<A>, reference: Fn, learner: Fn, opts: VerdictOptions = {}): Verdict {
  try {
    // The engine only passes each case's own arguments to the functions, so it can treat them as unknown[].
    const verdict = judge(spec as unknown as CheckSpec, reference, learner, opts);
    return verdict.status === "fail" && verdict.expected && spec.axes ? { ...verdict, axes: { ...spec.axes } } : verdict;
  } catch (e) {
    const detail = e instanceof ExerciseFault ? e.message : `the checks failed (${errorText(e)})`;
    return { status: "exercise-error", message: messages.exerciseError(detail) };
  }
}

function judge(spec: CheckSpec, reference: Fn, learner: Fn, opts: VerdictOptions): Verdict {
  const problem = checkSpecShape(spec);
  if (problem) throw new ExerciseFault(problem);
  if (typeof reference !== "function") throw new ExerciseFault(`the solution does not export ${spec.entry}`);
  const tol = spec.tolerance ?? 1e-6;
  const n = spec.cases.length;
  const indices = [...Array(n).keys()];
  const expected = indices.map((i) => {
    const out = call(spec, i, reference);
    if (out.error !== undefined) throw new ExerciseFault(`the reference solution threw on case “${spec.cases[i].name}” (${out.error})`);
    if (!isMatrix(out.value)) throw new ExerciseFault(`the reference solution returned ${describeValue(out.value)}`);
    return out.value;
  });
  const refOutcomes: Outcome[] = expected.map((value) => ({ value }));
  const got = indices.map((i) => call(spec, i, learner));
  if (sameOutcomes(got, refOutcomes, tol)) return { status: "pass", message: messages.pass(n) };

  for (const mistake of spec.mistakes ?? []) {
    const theirs = outcomesOf(spec, mistake as Mistake, got, tol);
    if (sameOutcomes(got, theirs, tol) && !sameOutcomes(theirs, refOutcomes, tol)) {
      const i = Math.max(0, theirs.findIndex((t, k) => !sameOutcomes([t], [refOutcomes[k]], tol)));
      const actual = got[i].error === undefined && isMatrix(got[i].value) ? got[i].value as Matrix : undefined;
      return {
        status: "fail", kind: "mistake", mistakeId: mistake.id, message: mistake.message, caseName: spec.cases[i].name,
        expected: preview(expected[i]), actual: actual && preview(actual),
      };
    }
  }
  return structural(spec, expected, got, opts) ?? numerical(spec, expected, got as { value: Matrix }[], tol);
}

/**
 * What `mistake` gives on every case. For a family (a mistake with a free constant), each case where its
 * example member doesn't give the learner's result gets the member that does, if there is one.
 */
function outcomesOf(spec: CheckSpec, mistake: Mistake, got: Outcome[], tol: number): Outcome[] {
  return spec.cases.map((_, i) => {
    const own = call(spec, i, mistake.fn as Fn);
    const mine = got[i];
    if (!mistake.family || mine.error !== undefined || !isMatrix(mine.value) || sameOutcomes([own], [mine], tol)) return own;
    const fitted = fitFamily(mistake.family, () => argsOf(spec, i), mine.value, tol);
    return fitted ? { value: fitted } : own;
  });
}

/** Threw, undefined, not a Matrix, wrong shape: the first of these over all cases, or null. */
function structural(spec: CheckSpec, expected: Matrix[], got: Outcome[], opts: VerdictOptions): Verdict | null {
  const name = (i: number): string => spec.cases[i].name;
  const threw = got.findIndex((o) => o.error !== undefined);
  if (threw >= 0) {
    const o = got[threw] as { error: string; thrown: unknown };
    return { status: "fail", kind: "threw", caseName: name(threw), message: messages.threw(name(threw), o.error, opts.locateError?.(o.thrown) ?? "") };
  }
  const values = got.map((o) => (o as { value: unknown }).value);
  const undef = values.findIndex((v) => v === undefined);
  if (undef >= 0) return { status: "fail", kind: "undefined", caseName: name(undef), message: messages.undefined() };
  const notMatrix = values.findIndex((v) => !isMatrix(v));
  if (notMatrix >= 0) {
    return { status: "fail", kind: "not-matrix", caseName: name(notMatrix), message: messages.notMatrix(describeValue(values[notMatrix])) };
  }
  const ms = values as Matrix[];
  const bad = ms.findIndex((m, i) => m.rows !== expected[i].rows || m.cols !== expected[i].cols);
  if (bad >= 0) {
    const e = expected[bad], m = ms[bad];
    const next = shapeAdvice(opts.called?.() ?? new Set(), e, m);
    return { status: "fail", kind: "shape", caseName: name(bad), message: messages.shape(name(bad), shapeOf(e), shapeOf(m), next) };
  }
  return null;
}

/** NaN, properties, values: the first failure, or a pass. */
function numerical(spec: CheckSpec, expected: Matrix[], got: { value: Matrix }[], tol: number): Verdict {
  const name = (i: number): string => spec.cases[i].name;
  const pair = (i: number) => ({ caseName: name(i), expected: preview(expected[i]), actual: preview(got[i].value) });
  for (let i = 0; i < got.length; i++) {
    const t = firstNaN(expected[i], got[i].value);
    if (t >= 0) {
      const cols = got[i].value.cols;
      return { status: "fail", kind: "nan", message: messages.nan(name(i), Math.floor(t / cols), t % cols), ...pair(i) };
    }
  }
  for (const property of spec.properties ?? []) {
    for (let i = 0; i < got.length; i++) {
      let holds: boolean;
      try {
        holds = property.holds(got[i].value, argsOf(spec, i));
      } catch (e) {
        if (e instanceof ExerciseFault) throw e;
        throw new ExerciseFault(`the property “${property.message}” could not be tested (${errorText(e)})`);
      }
      if (!holds) return { status: "fail", kind: "property", message: property.message, ...pair(i) };
    }
  }
  // The case and cell that differ most: a difference a learner can see, not one in the fifth decimal.
  let worst: { i: number; d: Difference } | null = null;
  for (let i = 0; i < got.length; i++) {
    const d = largestDifference(expected[i], got[i].value, tol);
    if (d && (!worst || d.size > worst.d.size)) worst = { i, d };
  }
  if (worst) {
    const { i, d } = worst;
    const cell = { row: d.row, col: d.col, expected: d.expected, actual: d.actual };
    return { status: "fail", kind: "values", cell, message: messages.values(name(i), d), ...pair(i) };
  }
  // Unreachable in practice (the quick comparison above would have passed), kept for safety.
  return { status: "pass", message: messages.pass(got.length) };
}
