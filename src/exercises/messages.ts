// Everything the learner reads about a verdict: whole sentences, a friendly voice, the next step.
import { formatNumber, formatPair, type Difference } from "./compare.ts";
import type { Finding } from "./probe.ts";

const MAX_ERROR = 300;

/** An error as one short line: its message only, never a stack. */
export function errorText(e: unknown): string {
  // Duck-typed rather than instanceof: errors from another realm (Node's vm, an iframe) count too.
  const err = typeof e === "object" && e !== null ? (e as { message?: unknown; name?: unknown }) : null;
  const text = typeof err?.message === "string" ? err.message : typeof e === "string" ? e : String(e);
  const line = text.split("\n")[0].trim() || (typeof err?.name === "string" ? err.name : "an error without a message");
  return line.length > MAX_ERROR ? `${line.slice(0, MAX_ERROR)}…` : line;
}

const quoted = (name: string): string => `“${name}”`;

export const messages = {
  pass: (cases: number): string =>
    `Correct! Your function matches the reference on all ${cases} test cases.`,
  threw: (caseName: string, error: string, where: string): string =>
    `Your code threw an error on the case ${quoted(caseName)}${where}: ${error}. ` +
    (kernelErrorAdvice(error) ?? "Read the message, fix that step and press Check again."),
  undefined: (): string =>
    "Your function returned undefined. Did you forget a return statement at the end?",
  notMatrix: (what: string): string => {
    if (what === "an array of arrays") {
      return "Your function returned an array of arrays instead of a Matrix. Wrap it with matrix(…) from \"kernel\", " +
        "or build the result with the kernel's functions such as matmul.";
    }
    if (what === "a Promise") return "Your function returned a Promise. Remove async (and await) from it: the checks call it directly.";
    const valid = what.includes("looks like a Matrix")
      ? " A Matrix needs whole-number rows and cols and a Float64Array data of exactly rows × cols numbers; zeros(rows, cols) makes one."
      : " Return a Matrix, such as the result of matmul(…).";
    return `Your function returned ${what} instead of a Matrix.${valid}`;
  },
  /** `next` is the step that fits what the code did (shapeAdvice), so no exercise is told to check a product it has none of. */
  shape: (caseName: string, expected: string, got: string, next: string): string =>
    `For the case ${quoted(caseName)} your result has the wrong shape: expected ${expected}, got ${got}. ${next}`,
  nan: (caseName: string, row: number, col: number): string =>
    `Your result contains NaN (not a number) at row ${row}, column ${col} for the case ${quoted(caseName)}. ` +
    "NaN usually comes from Infinity / Infinity, 0 / 0, or arithmetic with undefined (an index outside a row " +
    "or a matrix): look for an exp() that overflows, a division by zero or a loop that runs one step too far.",
  values: (caseName: string, d: Difference): string => {
    const [expected, actual] = formatPair(d.expected, d.actual);
    const gap = Number.isFinite(d.expected) && Number.isFinite(d.actual)
      ? `, ${formatNumber(Math.abs(d.actual - d.expected), 2)} too ${d.actual > d.expected ? "large" : "small"}`
      : "";
    const where = `row ${d.row}, column ${d.col} should be ${expected} but yours is ${actual}${gap}`;
    const which = d.count === 1 ? `one entry differs: ${where}.` : `${d.count} of ${d.total} entries differ; the one that differs most is ${where}.`;
    return `Not quite: for the case ${quoted(caseName)}, ${which} Compare your result with the expected one below.`;
  },
  forbidden: (name: string): string =>
    `Your code calls ${name} from the kernel, but this exercise asks you to write that part by hand, ` +
    `so here ${name} is switched off. Remove the call and compute it yourself, step by step as the prompt says.`,
  exerciseError: (detail: string): string =>
    `This exercise has a problem (not your code): ${detail}. Your code is saved; please report the problem.`,
  timeout: (ms: number): string =>
    `Your code ran for more than ${formatSeconds(ms)} and was stopped — probably a loop that never ends. ` +
    "Check that every loop's condition eventually becomes false, then press Check again.",
  missingExport: (entry: string, definedButNotExported: boolean): string =>
    definedButNotExported
      ? `Your code must export a function named ${entry}: you defined it, now put export in front, ` +
        `as in export function ${entry}(…).`
      : `Your code must export a function named ${entry}, as in export function ${entry}(…).`,
  notAFunction: (entry: string, what: string): string =>
    `Your code exports ${entry}, but it is ${what}, not a function. Export a function named ${entry}.`,
  badImport: (name: string): string =>
    `Your code imports from "${name}", which isn't available here. Only imports from "kernel" work; ` +
    `remove the import of "${name}".`,
  syntax: (error: string, line: number, column: number): string =>
    `Your code has a syntax error on line ${line}, column ${column}: ${error}. ` +
    "Look for a missing bracket, comma or parenthesis there or just before.",
  syntaxNoPlace: (error: string): string =>
    `Your code has a syntax error: ${error}. Look for a missing bracket, comma or parenthesis.`,
  topLevel: (error: string, where: string): string =>
    `Your code threw an error while it was loading${where}: ${error}. ` +
    "Code outside your function runs first; fix that line and press Check again.",
};

/** A line of the learner's code, quoted for a message: " on line 6: `dot += dy[i][k];`". */
function quoteLine(code: string, line: number | null): string {
  if (line === null) return "";
  const text = (code.split("\n")[line - 1] ?? "").trim();
  if (!text) return ` on line ${line}`;
  return ` on line ${line}: \`${text.length > 90 ? `${text.slice(0, 89)}…` : text}\``;
}

/** "dy" for a matrix the learner named, "the matrix from zeros(…)" for one a kernel function returned. */
const isVariable = (name: string): boolean => /^[A-Za-z_$][\w$]*(\[\d+\])*$/.test(name);

/** The learner-facing explanation of a probe finding (see probe.ts), quoting the line it happened on. */
export function describeFinding(f: Finding, code: string): string {
  const named = isVariable(f.matrix);
  const m = named ? f.matrix : "m";
  const what = named ? `the matrix ${f.matrix}` : `the matrix from ${f.matrix}`;
  const at = quoteLine(code, f.line);
  const layout = `A Matrix is not an array of rows: it is an object { rows, cols, data }, and data is one flat ` +
    `Float64Array holding the rows one after another (row-major). The entry at row i, column j of ${named ? m : "a matrix m"} ` +
    `is ${m}.data[i * ${m}.cols + j].`;
  if (f.kind === "data-twice") {
    return `Your code reads ${f.matrix}.data[…][…]${at}. data is one flat Float64Array, so ${f.matrix}.data[k] is already ` +
      `a number, and indexing a number gives undefined (then NaN). The entry at row i, column j is ` +
      `${f.matrix}.data[i * ${f.matrix}.cols + j].`;
  }
  if (f.kind === "matrix-index") {
    return f.write
      ? `Your code stores a number in ${f.matrix}[${f.key}] as if ${what} were an array${at}. That number lands beside ` +
        `the matrix, not in it. ${layout}`
      : `Your code indexes ${what} like an array${at}, but ${named ? `${f.matrix}[${f.key}]` : `m[${f.key}]`} is undefined. ${layout}`;
  }
  const size = f.rows * f.cols;
  const place = `${named ? f.matrix : "that matrix"}.data[${f.index}]`;
  const holds = `${what} is ${f.rows} × ${f.cols}, so its data holds ${size} entries, numbered 0 to ${size - 1}`;
  const bounds = !Number.isInteger(f.index)
    ? `An index must be a whole number: check the division or the loop that computes it.`
    : f.index < 0
      ? "Check that the index never goes below 0 (a loop that starts at −1, or i − 1 on the first row)."
      : "An index left the row: check the loop's bounds. The columns of a row are 0 to cols − 1, so loop while " +
        "k < cols, not k <= cols.";
  return f.write
    ? `Your code writes to ${place}${at}, but ${holds}: a write outside the matrix is silently dropped. ${bounds}`
    : `Your code reads ${place}${at}, but ${holds}. Outside them there is no number: the read gives undefined, and ` +
      `arithmetic with undefined gives NaN. ${bounds}`;
}

/** A next step for the kernel's commonest errors (they name the op first), or null for any other error. */
export function kernelErrorAdvice(error: string): string | null {
  if (error.startsWith("sliceCols:")) {
    return "sliceCols(a, start, end) takes columns start up to but not including end, like Array.prototype.slice, " +
      "so end may be at most a.cols: for a block of d columns from start, pass start + d (not start + d + 1).";
  }
  if (error.startsWith("matmul: inner dimensions differ")) {
    return "In matmul(a, b) the columns of a must equal the rows of b: check which matrices you multiply, in which " +
      "order, and whether one of them needs transpose(…).";
  }
  if (/^\w+: \w+ must be a matrix, got an array/.test(error)) {
    return "The kernel's functions take Matrix objects: wrap nested arrays with matrix(…), or build the value with the kernel.";
  }
  return null;
}

/** What to check next after a wrong shape, from what the learner's code called and how the shapes differ. */
export function shapeAdvice(called: ReadonlySet<string>, expected: { rows: number; cols: number }, got: { rows: number; cols: number }): string {
  const transposed = got.rows === expected.cols && got.cols === expected.rows;
  if (called.has("sliceCols") && got.rows === expected.rows && Math.abs(got.cols - expected.cols) === 1) {
    return `You have one column too ${got.cols < expected.cols ? "few" : "many"}. sliceCols(a, start, end) takes columns ` +
      "start up to but not including end, like Array.prototype.slice: end is one past the last column you want, " +
      "so a block of d columns from start is sliceCols(a, start, start + d).";
  }
  if (transposed) {
    return called.has("matmul") || called.has("transpose")
      ? "It looks transposed: check the order of the factors and which matrix you transpose."
      : "It looks transposed: zeros(rows, cols) and the other kernel functions take the number of rows first.";
  }
  if (called.has("matmul")) return "Check which matrices you multiply and in which order: (a × b)(b × c) is a × c.";
  return "Compare the shape each step of your code makes with the shapes the prompt gives: " +
    "rows are the first number, columns the second.";
}

/** "3 seconds", "1.5 seconds", "1 second". */
export function formatSeconds(ms: number): string {
  const s = Math.round(ms / 100) / 10;
  return `${s} second${s === 1 ? "" : "s"}`;
}
