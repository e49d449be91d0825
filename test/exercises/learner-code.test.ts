// Real learner code, judged the way the page judges it (checkCode, with Node's timed module runner in the
// place of the Worker): the wrong answers a learner really wrote are refused with a message that says what
// went wrong, and answers written differently from the solutions still pass.
import { describe, expect, it } from "vitest";
import { checkCode } from "../../src/exercises/check.ts";
import { flawMessages } from "../../src/exercises/mistakes.ts";
import { timedRunner } from "../../src/exercises/node-runner.ts";
import type { CheckSpec, Verdict } from "../../src/exercises/types.ts";

const run = timedRunner(3000);

async function judge(lesson: string, id: string, code: string): Promise<Verdict> {
  const base = `../../lessons/${lesson}/exercises/${id}`;
  const checks = (await import(`${base}/checks.ts`)).default as CheckSpec;
  const solution = (await import(`${base}/solution.ts`)) as Record<string, unknown>;
  return checkCode(code, { checks, solution }, run);
}

const grad = (body: string): string => `import { zeros, softmaxBackward, type Matrix } from "kernel";
export function softmaxGrad(y: Matrix, dy: Matrix): Matrix {
  const n = y.cols;
  const dx = zeros(y.rows, n);
${body}
  return dx;
}
`;
const byHand = `  for (let i = 0; i < y.rows; i++) {
    let dot = 0;
    for (let k = 0; k < n; k++) dot += dy.data[i * n + k] * y.data[i * n + k];
    for (let j = 0; j < n; j++) dx.data[i * n + j] = y.data[i * n + j] * (dy.data[i * n + j] - dot);
  }`;

describe("forbidden kernel functions", () => {
  it("`return softmaxBackward(y, dy)` is refused with a message naming the function", async () => {
    const v = await judge("03-scaling", "softmax-backward", grad("  return softmaxBackward(y, dy);"));
    expect(v).toMatchObject({ status: "fail", kind: "forbidden", forbidden: "softmaxBackward" });
    expect(v.message).toBe("Your code calls softmaxBackward from the kernel, but this exercise asks you to write that part by " +
      "hand, so here softmaxBackward is switched off. Remove the call and compute it yourself, step by step as the prompt says.");
  });

  it("a forbidden call is refused even when the code catches it and computes the right answer", async () => {
    const v = await judge("03-scaling", "softmax-backward", grad(`  try { softmaxBackward(y, dy); } catch {}\n${byHand}`));
    expect(v).toMatchObject({ kind: "forbidden", forbidden: "softmaxBackward" });
    expect((await judge("03-scaling", "softmax-backward", grad(byHand))).status).toBe("pass");
  });

  it("a forbidden call at the top of the module is refused too", async () => {
    const code = `import { sinusoidalPositions, type Matrix } from "kernel";\nconst table = sinusoidalPositions(10, 8);\n` +
      "export function positionEncodings(n: number, d: number): Matrix { return table; }\n";
    expect(await judge("06-position", "sinusoidal-positions", code)).toMatchObject({ kind: "forbidden", forbidden: "sinusoidalPositions" });
  });

  it("the back doors are closed: softmax through attention, multi-head through multiHeadAttention", async () => {
    const viaAttention = `import { attention, eye, type Matrix } from "kernel";
export function softmaxRows(X: Matrix): Matrix { return attention(X, eye(X.cols), eye(X.cols), { scale: 1 }).weights; }`;
    expect(await judge("02-queries-keys-values", "softmax-rows", viaAttention)).toMatchObject({ kind: "forbidden", forbidden: "attention" });
    const viaMulti = `import * as k from "kernel";
export function multiHead(X, Wq, Wk, Wv, Wo) { return k.multiHeadAttention(X, X, { Wq, Wk, Wv, Wo }).output; }`;
    expect(await judge("07-multi-head", "multi-head", viaMulti)).toMatchObject({ kind: "forbidden", forbidden: "multiHeadAttention" });
  });
});

const causal = (fill: string, extra = ""): string => `import { map, matmul, scale, softmax, transpose, type Matrix } from "kernel";
export function causalWeights(Q: Matrix, K: Matrix): Matrix {
  const scores = scale(matmul(Q, transpose(K)), 1 / Math.sqrt(Q.cols));${extra}
  return softmax(map(scores, (x, i, j) => (j <= i ? x : ${fill})));
}`;

describe("hidden keys filled with a finite number", () => {
  it.each(["-20", "-30", "-1e4", "-1e9"])("causal weights filled with %s get the finite-fill message", async (fill) => {
    const v = await judge("04-masking", "causal-weights", causal(fill));
    expect(v).toMatchObject({ status: "fail", kind: "mistake", mistakeId: "masked-with-finite", message: flawMessages.maskedWithFinite });
  });

  it("an additive mask (x - 1e9) gets its own message", async () => {
    expect(await judge("04-masking", "causal-weights", causal("x - 1e9"))).toMatchObject({ mistakeId: "masked-with-penalty", message: flawMessages.maskedWithPenalty });
  });

  it("a fill of -30 before scaling (any mask) is a finite fill too", async () => {
    const code = `import { map, matmul, scale, softmax, transpose, type Matrix } from "kernel";
export function maskedAttention(Q: Matrix, K: Matrix, V: Matrix, mask: Matrix): Matrix {
  const raw = map(matmul(Q, transpose(K)), (x, i, j) => (mask.data[i * mask.cols + j] ? x : -30));
  return matmul(softmax(scale(raw, 1 / Math.sqrt(Q.cols))), V);
}`;
    expect(await judge("04-masking", "masked-attention", code)).toMatchObject({ mistakeId: "masked-with-finite" });
  });

  it("the decoder's self-attention filled with -1e4 gets the finite-fill message", async () => {
    const code = `import { map, matmul, scale, softmax, transpose, type Matrix } from "kernel";
export function maskedSelfAttention(X: Matrix, Wq: Matrix, Wk: Matrix, Wv: Matrix): Matrix {
  const Q = matmul(X, Wq), K = matmul(X, Wk), V = matmul(X, Wv);
  const s = scale(matmul(Q, transpose(K)), 1 / Math.sqrt(Q.cols));
  return matmul(softmax(map(s, (x, i, j) => (j > i ? -1e4 : x))), V);
}`;
    expect(await judge("05-self-and-cross-attention", "decoder-self-attention", code)).toMatchObject({ mistakeId: "masked-with-finite" });
  });

  it("right answers written differently still pass: NEGATIVE_INFINITY, a hand-written stable softmax, causalMask", async () => {
    expect((await judge("04-masking", "causal-weights", causal("Number.NEGATIVE_INFINITY"))).status).toBe("pass");
    const byHandSoftmax = `import { matmul, transpose, zeros, type Matrix } from "kernel";
export function causalWeights(Q: Matrix, K: Matrix): Matrix {
  const s = matmul(Q, transpose(K)), n = s.rows, out = zeros(n, n);
  for (let i = 0; i < n; i++) {
    let max = -Infinity, sum = 0;
    for (let j = 0; j <= i; j++) max = Math.max(max, s.data[i * n + j] / Math.sqrt(Q.cols));
    for (let j = 0; j <= i; j++) { out.data[i * n + j] = Math.exp(s.data[i * n + j] / Math.sqrt(Q.cols) - max); sum += out.data[i * n + j]; }
    for (let j = 0; j <= i; j++) out.data[i * n + j] /= sum;
  }
  return out;
}`;
    expect((await judge("04-masking", "causal-weights", byHandSoftmax)).status).toBe("pass");
    const withMask = `import { causalMask, map, matmul, scale, softmax, transpose, type Matrix } from "kernel";
export function maskedSelfAttention(X: Matrix, Wq: Matrix, Wk: Matrix, Wv: Matrix): Matrix {
  const Q = matmul(X, Wq), K = matmul(X, Wk), V = matmul(X, Wv), mask = causalMask(X.rows);
  const s = map(scale(matmul(Q, transpose(K)), 1 / Math.sqrt(Q.cols)), (x, i, j) => (mask.data[i * mask.cols + j] === 0 ? -Infinity : x));
  return matmul(softmax(s), V);
}`;
    expect((await judge("05-self-and-cross-attention", "decoder-self-attention", withMask)).status).toBe("pass");
  });
});

describe("messages that leave a learner a way forward", () => {
  it("a small difference is shown with digits that differ and the difference itself", async () => {
    const code = `import { matmul, scale, softmax, transpose, type Matrix } from "kernel";
export function attentionOutput(Q: Matrix, K: Matrix, V: Matrix): Matrix {
  return matmul(softmax(scale(matmul(Q, transpose(K)), 1 / Math.sqrt(Q.cols + 0.001))), V);
}`;
    const v = await judge("02-queries-keys-values", "attention-output", code);
    expect(v).toMatchObject({ status: "fail", kind: "values" });
    const m = /should be (-?[\d.e-]+) but yours is (-?[\d.e-]+), ([\d.e-]+) too (large|small)\./.exec(v.message);
    expect(m, v.message).not.toBeNull();
    const [, expected, actual, gap] = m!;
    expect(expected).not.toBe(actual);
    // The difference is rounded to two digits: it agrees with the two numbers shown to within that.
    expect(Math.abs(Math.abs(Number(actual) - Number(expected)) - Number(gap)) / Number(gap)).toBeLessThan(0.05);
  });

  it("dy[i][k] (a Matrix indexed like an array) is explained with the layout and data[i * cols + j]", async () => {
    const v = await judge("03-scaling", "softmax-backward", grad(`  for (let i = 0; i < y.rows; i++) {
    let dot = 0;
    for (let k = 0; k < n; k++) dot += dy[i][k] * y[i][k];
  }`));
    expect(v).toMatchObject({ status: "fail", kind: "indexing" });
    expect(v.message).toBe("Your code indexes the matrix dy like an array on line 7: `for (let k = 0; k < n; k++) dot += dy[i][k] * y[i][k];`, " +
      "but dy[0] is undefined. A Matrix is not an array of rows: it is an object { rows, cols, data }, and data is one flat " +
      "Float64Array holding the rows one after another (row-major). The entry at row i, column j of dy is dy.data[i * dy.cols + j].");
  });

  it("writing dx[t] instead of dx.data[t] is explained as writing beside the matrix", async () => {
    const v = await judge("03-scaling", "softmax-backward", grad("  for (let t = 0; t < y.rows * n; t++) (dx as any)[t] = 0;"));
    expect(v).toMatchObject({ kind: "indexing" });
    expect(v.message).toMatch(/^Your code stores a number in the matrix from zeros\(…\)|^Your code stores a number in/);
    expect(v.message).toContain("lands beside the matrix, not in it");
  });

  it("y.data[i][k] (flat data indexed twice) is explained", async () => {
    const v = await judge("03-scaling", "softmax-backward", grad(`  for (let i = 0; i < y.rows; i++) {
    let dot = 0;
    for (let k = 0; k < n; k++) dot += dy.data[i][k] * y.data[i][k];
    for (let j = 0; j < n; j++) dx.data[i * n + j] = y.data[i * n + j] * (dy.data[i * n + j] - dot);
  }`));
    expect(v).toMatchObject({ kind: "indexing" });
    expect(v.message).toMatch(/^Your code reads dy\.data\[…\]\[…\] on line 7: .* dy\.data\[k\] is already a number/);
  });

  it("k <= n (reading past the end of a row) says an index left the row, not exp overflow", async () => {
    const v = await judge("03-scaling", "softmax-backward", grad(`  for (let i = 0; i < y.rows; i++) {
    let dot = 0;
    for (let k = 0; k <= n; k++) dot += dy.data[i * n + k] * y.data[i * n + k];
    for (let j = 0; j < n; j++) dx.data[i * n + j] = y.data[i * n + j] * (dy.data[i * n + j] - dot);
  }`));
    expect(v).toMatchObject({ status: "fail", kind: "out-of-range" });
    expect(v.message).toBe("Your code reads dy.data[15] on line 7: `for (let k = 0; k <= n; k++) dot += dy.data[i * n + k] * y.data[i * n + k];`, " +
      "but the matrix dy is 3 × 5, so its data holds 15 entries, numbered 0 to 14. Outside them there is no number: the read " +
      "gives undefined, and arithmetic with undefined gives NaN. An index left the row: check the loop's bounds. The columns " +
      "of a row are 0 to cols − 1, so loop while k < cols, not k <= cols.");
    expect(v.message).not.toMatch(/exp|overflow/);
  });

  it("sliceCols with an inclusive end gets its own message, and nothing is said about multiplying", async () => {
    const minusOne = `import { sliceCols, type Matrix } from "kernel";
export function headColumns(W: Matrix, heads: number, head: number): Matrix {
  const dk = W.cols / heads;
  return sliceCols(W, head * dk, (head + 1) * dk - 1);
}`;
    const v = await judge("07-multi-head", "head-columns", minusOne);
    expect(v).toMatchObject({ status: "fail", kind: "shape" });
    expect(v.message).toBe("For the case “d_model = 8, 2 heads, head 1” your result has the wrong shape: expected 8x4, got 8x3. " +
      "You have one column too few. sliceCols(a, start, end) takes columns start up to but not including end, like " +
      "Array.prototype.slice: end is one past the last column you want, so a block of d columns from start is sliceCols(a, start, start + d).");
    const plusOne = minusOne.replace("(head + 1) * dk - 1", "(head + 1) * dk + 1");
    const w = await judge("07-multi-head", "head-columns", plusOne);
    expect(w.message).toMatch(/one column too many|not including end/);
    expect(w.message).not.toContain("multiply");
  });

  it("a wrong shape where nothing is multiplied says to compare the shapes, not to check a product", async () => {
    const code = `import { zeros, type Matrix } from "kernel";
export function permutationMatrix(order: number[]): Matrix { return zeros(order.length + 1, order.length); }`;
    const v = await judge("06-position", "permutation-matrix", code);
    expect(v).toMatchObject({ kind: "shape" });
    expect(v.message).not.toContain("multiply");
    expect(v.message).toContain("Compare the shape each step of your code makes with the shapes the prompt gives");
  });
});
