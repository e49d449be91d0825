// Turns the learner's TypeScript or JavaScript into a callable function: sucrase strips the types and turns
// `import … from "kernel"` into a `require` that we answer. Runs in the worker, and in Node for tests and
// check-lessons. Sucrase keeps line numbers, so lines in errors match the editor's.
import { transform } from "sucrase";
import { errorText, messages } from "./messages.ts";

/** Name given to the learner's code in stack traces, so errors can be located in it. */
const SOURCE_NAME = "your-code.js";
/** `new Function` puts two header lines before the body. */
const HEADER_LINES = 2;
const MAX_CODE = 200_000;

export type LearnerFn = (...args: unknown[]) => unknown;
export type LoadResult = { ok: true; fn: LearnerFn } | { ok: false; message: string };

/** Runs compiled CommonJS code with the given bindings; Node swaps in a `vm` runner with a time limit. */
export type ModuleRunner = (js: string, bindings: { exports: object; require: (name: string) => unknown; module: object }) => void;

/** The default runner: a plain Function (the worker's only realm, so nothing else can be reached). */
export const functionRunner: ModuleRunner = (js, { exports, require, module }) => {
  const factory = new Function("exports", "require", "module", `${js}\n//# sourceURL=${SOURCE_NAME}`);
  factory(exports, require, module);
};

/** Thrown by our `require` for anything but the allowed modules. */
class ImportError extends Error {}

/** " (line 7)" for an error thrown inside the learner's code, or "" when it came from elsewhere. */
export function locateLearnerError(e: unknown): string {
  const raw = typeof e === "object" && e !== null ? (e as { stack?: unknown }).stack : undefined;
  const line = learnerLine(typeof raw === "string" ? raw : "");
  return line === null ? "" : ` (line ${line})`;
}

/** The line of the learner's code (as the editor numbers it) of the innermost frame in it, or null. */
export function learnerLine(stack: string): number | null {
  const escaped = SOURCE_NAME.replace(".", "\\.");
  const m = new RegExp(`${escaped}:(\\d+):(\\d+)`).exec(stack);
  if (!m) return null;
  const line = Number(m[1]) - HEADER_LINES;
  return line >= 1 ? line : null;
}

/**
 * The parameter names of the learner's `entry` function as written (`["y", "dy"]`), null for a
 * destructured one, or [] when the function can't be found: messages then say "argument 2".
 */
export function entryParams(code: string, entry: string): (string | null)[] {
  const head = new RegExp(`(?:function\\s+${entry}\\s*(?:<[^>]*>)?\\s*|\\b${entry}\\s*=\\s*(?:async\\s*)?(?:function\\s*)?)\\(`).exec(code);
  if (!head) return [];
  const params: string[] = [];
  let depth = 0, current = "";
  for (let k = head.index + head[0].length; k < code.length; k++) {
    const c = code[k];
    if (depth === 0 && (c === ")" || c === ",")) {
      params.push(current);
      current = "";
      if (c === ")") break;
      continue;
    }
    if ("([{<".includes(c)) depth++;
    else if (")]}>".includes(c) && !(c === ">" && code[k - 1] === "=")) depth--;
    current += c;
  }
  return params.filter((p) => p.trim() !== "").map((p) => /^\s*(?:\.\.\.)?([A-Za-z_$][\w$]*)/.exec(p)?.[1] ?? null);
}

/** Type-strips and converts imports; a syntax error becomes a message with its line and column. */
export async function compileLearnerCode(code: string): Promise<{ ok: true; js: string } | { ok: false; message: string }> {
  if (code.length > MAX_CODE) {
    return { ok: false, message: "Your code is longer than 200,000 characters. Remove what you don't need and try again." };
  }
  try {
    const { code: js } = transform(code, { transforms: ["typescript", "imports"], production: true });
    return { ok: true, js };
  } catch (e) {
    return { ok: false, message: await describeSyntaxError(code, e) };
  }
}

/** A syntax error's message with the most precise place we can find. */
async function describeSyntaxError(code: string, e: unknown, jsOnly = false): Promise<string> {
  const sucrase = placeOf(e);
  const reason = errorText(e).replace(/\s*\(\d+:\d+\)$/, "");
  // Sucrase reports some errors (inside arrow functions) where it started backtracking; acorn, which knows
  // no types, fails at the real place when the code is plain JavaScript: take whichever got further.
  const acorn = await acornPlace(code);
  const pick = acorn && (!sucrase || jsOnly || acorn.pos >= sucrase.pos) ? acorn : sucrase;
  if (!pick) return messages.syntaxNoPlace(reason);
  return messages.syntax(pick === acorn && acorn ? acorn.reason : reason, pick.line, pick.column);
}

interface Place { line: number; column: number; pos: number; reason: string }

function placeOf(e: unknown): Place | null {
  const loc = (e as { loc?: { line?: unknown; column?: unknown }; pos?: unknown } | null)?.loc;
  const pos = (e as { pos?: unknown } | null)?.pos;
  if (!loc || typeof loc.line !== "number" || typeof loc.column !== "number") return null;
  return { line: loc.line, column: loc.column, pos: typeof pos === "number" ? pos : 0, reason: errorText(e) };
}

async function acornPlace(code: string): Promise<Place | null> {
  try {
    const { parse } = await import("acorn");
    parse(code, { ecmaVersion: "latest", sourceType: "module" });
    return null;
  } catch (e) {
    const err = e as { loc?: { line: number; column: number }; pos?: number };
    if (!err.loc) return null;
    // acorn's columns start at 0; people count from 1.
    const reason = errorText(e).replace(/\s*\(\d+:\d+\)$/, "");
    return { line: err.loc.line, column: err.loc.column + 1, pos: err.pos ?? 0, reason };
  }
}

/**
 * Compiles and runs the learner's module and returns its export `entry`, or a message saying what is wrong.
 * @example await loadLearnerFunction(code, "dotScores", { kernel })
 */
export async function loadLearnerFunction(
  code: string, entry: string, modules: Record<string, unknown>, run: ModuleRunner = functionRunner,
): Promise<LoadResult> {
  const compiled = await compileLearnerCode(code);
  if (!compiled.ok) return compiled;
  const exports: Record<string, unknown> = {};
  const module = { exports };
  const require = (name: string): unknown => {
    if (Object.hasOwn(modules, name)) return modules[name];
    throw new ImportError(messages.badImport(name));
  };
  try {
    run(compiled.js, { exports, require, module });
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, message: e.message };
    // A syntax error sucrase let through (a redeclared `let`, say): the JS parser knows where.
    if ((e as { name?: unknown } | null)?.name === "SyntaxError") return { ok: false, message: await describeSyntaxError(compiled.js, e, true) };
    return { ok: false, message: messages.topLevel(errorText(e), locateLearnerError(e)) };
  }
  const value = (module.exports as Record<string, unknown>)[entry];
  if (typeof value === "function") return { ok: true, fn: value as LearnerFn };
  if (value !== undefined) return { ok: false, message: messages.notAFunction(entry, describe(value)) };
  const defined = new RegExp(`(function\\s+${entry}\\b|(const|let|var)\\s+${entry}\\b)`).test(code);
  return { ok: false, message: messages.missingExport(entry, defined) };
}

function describe(x: unknown): string {
  if (x === null) return "null";
  return Array.isArray(x) ? "an array" : typeof x === "object" ? "an object" : `a ${typeof x}`;
}
