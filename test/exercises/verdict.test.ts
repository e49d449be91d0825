import { describe, expect, it } from "vitest";
import { map, matmul, randn, scale, softmax, transpose, zeros, type Matrix } from "kernel";
import { runVerdict } from "../../src/exercises/verdict.ts";
import { attentionMistakes, defineChecks, properties, softmaxMistakes } from "../../src/exercises/checks.ts";
import { flawMessages, flawedAttention, type Flaw, type Recipe } from "../../src/exercises/mistakes.ts";
import type { CheckSpec } from "../../src/exercises/types.ts";

const A = attentionMistakes({ returns: "output" });
const attentionChecks = defineChecks({
  entry: "attentionOutput",
  cases: [
    { name: "3 queries, 5 keys", args: (r) => [randn(3, 4, r), randn(5, 4, r), randn(5, 2, r)] },
    { name: "self-attention", args: (r) => [randn(4, 3, r), randn(4, 3, r), randn(4, 3, r)] },
  ],
  mistakes: [A.kqt, A.forgotTranspose, A.forgotScale, A.dividedByDk, A.softmaxWrongAxis, A.noMaxSubtraction, A.forgotValues],
  properties: [{ message: "output has finite entries", holds: (out) => out.data.every(Number.isFinite) }],
});
const reference = (Q: Matrix, K: Matrix, V: Matrix): Matrix =>
  matmul(softmax(scale(matmul(Q, transpose(K)), 1 / Math.sqrt(Q.cols))), V);

const softmaxChecks = defineChecks({
  entry: "softmaxRows",
  cases: [
    { name: "3 rows of 5", args: (r) => [randn(3, 5, r)] },
    { name: "large scores", args: (r) => [map(randn(2, 4, r), (x) => 1000 + 10 * x)] },
  ],
  mistakes: [softmaxMistakes.wrongAxis, softmaxMistakes.noMaxSubtraction],
  properties: [properties.rowsSumToOne],
});

describe("runVerdict", () => {
  it("runVerdict(spec, ref, ref) passes with a message that begins with Correct", () => {
    const v = runVerdict(attentionChecks, reference, reference);
    expect(v).toEqual({ status: "pass", message: "Correct! Your function matches the reference on all 2 test cases." });
  });

  it("runVerdict recognises learner-style versions of each attention mistake by its own message", () => {
    const dk = (Q: Matrix) => Math.sqrt(Q.cols);
    const learners: Record<string, (Q: Matrix, K: Matrix, V: Matrix) => Matrix> = {
      "k-q-transpose": (Q, K, V) => matmul(softmax(scale(matmul(K, transpose(Q)), 1 / dk(Q))), V),
      "forgot-transpose": (Q, K, V) => matmul(softmax(scale(matmul(Q, K), 1 / dk(Q))), V),
      "forgot-scale": (Q, K, V) => matmul(softmax(matmul(Q, transpose(K))), V),
      "divided-by-dk": (Q, K, V) => matmul(softmax(scale(matmul(Q, transpose(K)), 1 / Q.cols)), V),
      "softmax-wrong-axis": (Q, K, V) => matmul(transpose(softmax(transpose(scale(matmul(Q, transpose(K)), 1 / dk(Q))))), V),
      "forgot-values": (Q, K) => softmax(scale(matmul(Q, transpose(K)), 1 / dk(Q))),
    };
    for (const [id, fn] of Object.entries(learners)) {
      const v = runVerdict(attentionChecks, reference, fn);
      expect(v, id).toMatchObject({ status: "fail", kind: "mistake", mistakeId: id });
      expect(v.message, id).toBe(attentionChecks.mistakes?.find((m) => m.id === id)?.message);
    }
  });

  it("runVerdict matches a hand-written column softmax and an unstable softmax to their mistakes", () => {
    const ref = (x: Matrix) => softmax(x);
    const columns = (x: Matrix) => transpose(softmax(transpose(x)));
    const naive = (x: Matrix) => {
      const out = zeros(x.rows, x.cols);
      for (let i = 0; i < x.rows; i++) {
        let sum = 0;
        for (let j = 0; j < x.cols; j++) sum += Math.exp(x.data[i * x.cols + j]);
        for (let j = 0; j < x.cols; j++) out.data[i * x.cols + j] = Math.exp(x.data[i * x.cols + j]) / sum;
      }
      return out;
    };
    expect(runVerdict(softmaxChecks, ref, columns)).toMatchObject({ kind: "mistake", mistakeId: "softmax-wrong-axis", message: flawMessages.softmaxWrongAxis });
    expect(runVerdict(softmaxChecks, ref, naive)).toMatchObject({ kind: "mistake", mistakeId: "no-max-subtraction", message: flawMessages.noMaxSubtraction });
  });

  it("runVerdict recognises learner-style masking mistakes by their own messages", () => {
    const M = attentionMistakes({ returns: "weights", mask: "argument" });
    const C = attentionMistakes({ returns: "weights", mask: "causal" });
    const scores = (Q: Matrix, K: Matrix) => scale(matmul(Q, transpose(K)), 1 / Math.sqrt(Q.cols));
    const hide = (s: Matrix, hidden: (i: number, j: number) => boolean, fill = -Infinity) => map(s, (x, i, j) => (hidden(i, j) ? fill : x));
    const at = (m: Matrix, i: number, j: number) => m.data[i * m.cols + j];
    const masked = defineChecks({
      entry: "maskedWeights",
      cases: [
        { name: "causal, 4 tokens", args: (r) => [randn(4, 3, r), randn(4, 3, r), map(zeros(4, 4), (_, i, j) => (j <= i ? 1 : 0))] },
        { name: "padding, 3 queries, 5 keys", args: (r) => [randn(3, 2, r), randn(5, 2, r), map(zeros(3, 5), (_, _i, j) => (j < 3 ? 1 : 0))] },
      ],
      mistakes: [M.maskedAfterSoftmax, M.maskedWithZero, M.invertedMask],
    });
    const right = (Q: Matrix, K: Matrix, mask: Matrix) => softmax(hide(scores(Q, K), (i, j) => at(mask, i, j) === 0));
    const learners: Record<string, (Q: Matrix, K: Matrix, mask: Matrix) => Matrix> = {
      "masked-after-softmax": (Q, K, mask) => map(softmax(scores(Q, K)), (x, i, j) => (at(mask, i, j) === 0 ? 0 : x)),
      "masked-with-zero": (Q, K, mask) => softmax(hide(scores(Q, K), (i, j) => at(mask, i, j) === 0, 0)),
      "inverted-mask": (Q, K, mask) => softmax(hide(scores(Q, K), (i, j) => at(mask, i, j) === 1)),
    };
    expect(runVerdict(masked, right, right).status).toBe("pass");
    for (const [id, fn] of Object.entries(learners)) expect(runVerdict(masked, right, fn), id).toMatchObject({ kind: "mistake", mistakeId: id });

    const causal = defineChecks({
      entry: "causalWeights",
      cases: [{ name: "5 tokens", args: (r) => [randn(5, 3, r), randn(5, 3, r)] }],
      mistakes: [C.causalOffByOne, C.invertedMask],
    });
    const causalRight = (Q: Matrix, K: Matrix) => softmax(hide(scores(Q, K), (i, j) => j > i));
    const offByOne = (Q: Matrix, K: Matrix) => softmax(hide(scores(Q, K), (i, j) => j >= i));
    expect(runVerdict(causal, causalRight, causalRight).status).toBe("pass");
    expect(runVerdict(causal, causalRight, offByOne)).toMatchObject({ kind: "mistake", mistakeId: "causal-off-by-one", message: flawMessages.causalOffByOne });
  });

  it("runVerdict recognises the scores-only and softmax-only mistakes", () => {
    const S = attentionMistakes({ returns: "scores", scaled: false });
    const dot = defineChecks({
      entry: "dotScores",
      cases: [{ name: "3 queries, 5 keys", args: (r) => [randn(3, 4, r), randn(5, 4, r)] }],
      mistakes: [S.kqt, S.forgotTranspose, S.scaledScores, S.appliedSoftmax],
    });
    const right = (Q: Matrix, K: Matrix) => matmul(Q, transpose(K));
    expect(runVerdict(dot, right, (Q: Matrix, K: Matrix) => scale(right(Q, K), 1 / Math.sqrt(Q.cols)))).toMatchObject({ mistakeId: "scaled-scores" });
    expect(runVerdict(dot, right, (Q: Matrix, K: Matrix) => softmax(right(Q, K)))).toMatchObject({ mistakeId: "applied-softmax" });
    expect(runVerdict(dot, right, (Q: Matrix, K: Matrix) => matmul(K, transpose(Q)))).toMatchObject({ mistakeId: "k-q-transpose" });
    expect(runVerdict(dot, right, (Q: Matrix, K: Matrix) => matmul(Q, K))).toMatchObject({ mistakeId: "forgot-transpose" });
    const unnormalised = (x: Matrix) => map(x, (v, i) => Math.exp(v - Math.max(...x.data.subarray(i * x.cols, (i + 1) * x.cols))));
    const soft = { ...softmaxChecks, mistakes: [softmaxMistakes.forgotToNormalize] };
    expect(runVerdict(soft, (x: Matrix) => softmax(x), unnormalised)).toMatchObject({ mistakeId: "forgot-to-normalize", message: flawMessages.forgotToNormalize });
  });

  it("defineChecks types inline mistakes from the cases, and takes named argument types", () => {
    const scaled = defineChecks<[Matrix, number]>({
      entry: "scaleBy",
      cases: [{ name: "2x2 by 3", args: (r) => [randn(2, 2, r), 3] }],
      mistakes: [{ id: "added", message: "You added instead of multiplying.", fn: (X, s) => map(X, (x) => x + s) }],
    });
    const right = (X: Matrix, s: number) => scale(X, s);
    expect(runVerdict(scaled, right, (X: Matrix, s: number) => map(X, (x) => x + s))).toMatchObject({ mistakeId: "added" });
  });

  it("every flaw of the catalogue differs from the correct recipe on suitable inputs", () => {
    const recipes: [Recipe, Flaw[]][] = [
      [{ returns: "scores", scaled: false }, ["kqt", "scaledScores", "appliedSoftmax"]],
      [{ returns: "output" }, ["forgotScale", "dividedByDk", "softmaxWrongAxis", "forgotValues"]],
      [{ returns: "weights", mask: "argument" }, ["maskedAfterSoftmax", "maskedWithZero", "invertedMask"]],
      [{ returns: "weights", mask: "causal" }, ["causalOffByOne"]],
    ];
    const Q = randn(4, 3, 1), K = randn(4, 3, 2), V = randn(4, 2, 3);
    const mask = map(zeros(4, 4), (_, i, j) => (j <= i ? 1 : 0));
    for (const [recipe, flaws] of recipes) {
      const args = recipe.returns === "output" ? [Q, K, V] : recipe.mask === "argument" ? [Q, K, mask] : [Q, K];
      const right = flawedAttention(recipe, null, args);
      for (const flaw of flaws) expect(flawedAttention(recipe, flaw, args).data, flaw).not.toEqual(right.data);
    }
  });

  it("runVerdict reports a thrown error in plain words, with the case", () => {
    const v = runVerdict(attentionChecks, reference, () => { throw new TypeError("Cannot read properties of undefined (reading 'rows')"); });
    expect(v).toMatchObject({ status: "fail", kind: "threw", caseName: "3 queries, 5 keys" });
    expect(v.message).toBe("Your code threw an error on the case “3 queries, 5 keys”: Cannot read properties of undefined (reading 'rows'). Read the message, fix that step and press Check again.");
  });

  it("runVerdict reports undefined, a non-Matrix and a wrong shape", () => {
    expect(runVerdict(attentionChecks, reference, () => undefined)).toMatchObject({ kind: "undefined", message: expect.stringMatching(/returned undefined.*return statement/) });
    expect(runVerdict(attentionChecks, reference, () => [[1, 2]])).toMatchObject({ kind: "not-matrix", message: expect.stringContaining("array of arrays") });
    expect(runVerdict(attentionChecks, reference, async () => zeros(1, 1))).toMatchObject({ kind: "not-matrix", message: expect.stringContaining("Remove async") });
    expect(runVerdict(attentionChecks, reference, () => ({ rows: 3, cols: 2, data: [1, 2, 3, 4, 5, 6] }))).toMatchObject({ message: expect.stringContaining("Float64Array data of exactly rows × cols numbers") });
    const v = runVerdict(attentionChecks, reference, (Q: Matrix) => zeros(2, Q.rows));
    expect(v).toMatchObject({ kind: "shape", message: expect.stringContaining("expected 3x2, got 2x3") });
    expect(v.message).toContain("transposed");
  });

  it("runVerdict reports NaN where the reference has a number", () => {
    const v = runVerdict(attentionChecks, reference, (Q: Matrix, K: Matrix, V: Matrix) => map(reference(Q, K, V), (x, i) => (i === 1 ? NaN : x)));
    expect(v).toMatchObject({ kind: "nan", message: expect.stringContaining("NaN (not a number) at row 1, column 0") });
  });

  it("runVerdict reports a failed property before values", () => {
    const v = runVerdict(attentionChecks, reference, (Q: Matrix, K: Matrix, V: Matrix) => map(reference(Q, K, V), (x, i) => (i === 2 ? Infinity : x)));
    expect(v).toMatchObject({ kind: "property", message: "output has finite entries", caseName: "3 queries, 5 keys" });
  });

  it("runVerdict reports the cell that differs most, how far off it is, and both matrices", () => {
    const v = runVerdict(attentionChecks, reference, (Q: Matrix, K: Matrix, V: Matrix) => map(reference(Q, K, V), (x, i, j) => (i === 2 && j === 1 ? x + 1 : x)));
    expect(v).toMatchObject({ kind: "values", cell: { row: 2, col: 1 }, expected: { rows: 3, cols: 2 }, actual: { rows: 3, cols: 2 } });
    expect(v.message).toMatch(/^Not quite: for the case “3 queries, 5 keys”, one entry differs: row 2, column 1 should be .* but yours is .*, 1 too large\./);
    // Two cells off, the second by more: the message names the second, and counts both.
    const two = runVerdict(attentionChecks, reference, (Q: Matrix, K: Matrix, V: Matrix) =>
      map(reference(Q, K, V), (x, i, j) => (i === 0 && j === 0 ? x + 0.01 : i === 1 && j === 1 ? x - 0.5 : x)));
    expect(two).toMatchObject({ kind: "values", cell: { row: 1, col: 1 } });
    expect(two.message).toContain("2 of 6 entries differ; the one that differs most is row 1, column 1");
    expect(two.message).toContain("0.5 too small");
  });

  it("runVerdict caps the matrices it returns", () => {
    const big = defineChecks({ entry: "f", cases: [{ name: "big", args: () => [] }] });
    const v = runVerdict(big, () => zeros(1000, 1000), () => map(zeros(1000, 1000), () => 1));
    expect(v).toMatchObject({ kind: "values", expected: { rows: 1000, shownRows: 24, shownCols: 24 } });
    expect(v.status === "fail" && v.actual?.data.length).toBe(24 * 24);
  });

  it("runVerdict blames the exercise, not the learner, when the checks or the reference throw", () => {
    const broken: CheckSpec = { entry: "f", cases: [{ name: "a", args: () => { throw new Error("boom"); } }] };
    expect(runVerdict(broken, reference, reference)).toMatchObject({ status: "exercise-error", message: expect.stringMatching(/^This exercise has a problem \(not your code\):.*boom/) });
    const badRef = () => { throw new Error("oops"); };
    expect(runVerdict(attentionChecks, badRef, reference)).toMatchObject({ status: "exercise-error", message: expect.stringContaining("reference solution threw") });
    expect(runVerdict({ entry: "f", cases: [] } as CheckSpec, reference, reference)).toMatchObject({ status: "exercise-error" });
    const badProperty = { ...attentionChecks, properties: [{ message: "p", holds: () => { throw new Error("x"); } }] };
    expect(runVerdict(badProperty, reference, (Q: Matrix, _K: Matrix, V: Matrix) => zeros(Q.rows, V.cols))).toMatchObject({ status: "exercise-error" });
  });

  it("runVerdict gives fresh arguments to every call, so mutating them changes nothing", () => {
    const mutating = (Q: Matrix, K: Matrix, V: Matrix) => { const out = reference(Q, K, V); Q.data.fill(0); return out; };
    expect(runVerdict(attentionChecks, reference, mutating).status).toBe("pass");
  });
});
