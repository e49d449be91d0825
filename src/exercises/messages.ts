// Everything the learner reads about a verdict: whole sentences, a friendly voice, the next step.
import { formatNumber } from "./compare.ts";

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
    "Read the message, fix that step and press Check again.",
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
  shape: (caseName: string, expected: string, got: string, transposed: boolean): string =>
    `For the case ${quoted(caseName)} your result has the wrong shape: expected ${expected}, got ${got}. ` +
    (transposed
      ? "It looks transposed: check the order of the factors and which matrix you transpose."
      : "Check which matrices you multiply and in which order."),
  nan: (caseName: string, row: number, col: number): string =>
    `Your result contains NaN (not a number) at row ${row}, column ${col} for the case ${quoted(caseName)}. ` +
    "NaN usually comes from Infinity / Infinity or 0 / 0: look for an exp() that overflows or a division by zero.",
  values: (caseName: string, row: number, col: number, expected: number, actual: number): string =>
    `Not quite: for the case ${quoted(caseName)}, row ${row}, column ${col} should be ${formatNumber(expected)} ` +
    `but yours is ${formatNumber(actual)}. Compare your result with the expected one below.`,
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

/** "3 seconds", "1.5 seconds", "1 second". */
export function formatSeconds(ms: number): string {
  const s = Math.round(ms / 100) / 10;
  return `${s} second${s === 1 ? "" : "s"}`;
}
