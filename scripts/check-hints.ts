// The hint-code rule of check:lessons: code a hint shows must run where the learner would put it.
//
// - A ```ts block in a hint is code to paste. Bare (```ts) it is the entry function's whole body: put in
//   place of the starter's body, the exercise must pass. With a place (```ts after <text of a starter
//   line>) it goes after that line of the starter, and the result must load and run without throwing,
//   NaN, a forbidden call or a Matrix indexed like an array (it may still be unfinished).
// - Inline code (`…`) is for reading: a name, or an expression. A statement there must become a block;
//   an expression may only use names the learner has: the kernel's, JavaScript's, the starter's, those of
//   earlier hints' code, and the hints' math so far ($j$); and it may not index a Matrix argument like an array.
import { parse, parseExpressionAt, type Node } from "acorn";
import { checkCode } from "../src/exercises/check.ts";
import { kernelExports } from "../src/exercises/learner-kernel.ts";
import { compileLearnerCode, type ModuleRunner } from "../src/exercises/transform.ts";
import type { LoadedExercise } from "../src/exercises/load.ts";
import type { FailKind } from "../src/exercises/types.ts";

/** A problem with hint `hint` (0-based) of an exercise. */
export interface HintProblem {
  hint: number;
  reason: string;
}

const GLOBALS = new Set(["Math", "Number", "Infinity", "NaN", "undefined", "Array", "Float64Array", "Object", "JSON",
  "String", "Boolean", "isFinite", "isNaN", "parseFloat", "parseInt", "console", "Error", "TypeError"]);
/** Outcomes that say pasted code is broken, not merely unfinished. */
const BROKEN = new Set<FailKind | "timeout" | "exercise-error">(["load", "threw", "forbidden", "indexing", "out-of-range", "nan", "timeout"]);

interface Block { code: string; after: string | null }

/** The ```ts blocks of a hint's Markdown, and the text around them. */
function splitHint(text: string): { blocks: Block[]; prose: string } {
  const blocks: Block[] = [];
  const prose = text.replace(/^[ \t]*```ts([^\n]*)\n([\s\S]*?)^[ \t]*```[ \t]*$/gm, (_, info: string, code: string) => {
    const after = /^\s*after\s+(.+?)\s*$/.exec(info)?.[1] ?? null;
    blocks.push({ code: code.replace(/\n$/, ""), after });
    return "";
  });
  return { blocks, prose };
}

/** Every problem of an exercise's hints (raw Markdown, as in exercise.yaml). */
export async function hintProblems(
  hints: readonly string[], starter: string, entry: string, exercise: LoadedExercise, run: ModuleRunner,
): Promise<HintProblem[]> {
  const problems: HintProblem[] = [];
  const known = new Set([...kernelExports, ...GLOBALS, ...(await namesIn(starter))]);
  const matrices = matrixParams(starter, entry);
  const math = new Set<string>();
  for (const [hint, text] of hints.entries()) {
    const { blocks, prose } = splitHint(text);
    for (const block of blocks) {
      for (const name of await namesIn(block.code)) known.add(name);
      const placed = place(starter, entry, block);
      if (typeof placed !== "string") { problems.push({ hint, reason: placed.error }); continue; }
      const v = await checkCode(placed, exercise, run);
      const where = block.after === null ? `as the body of ${entry}` : `pasted after “${block.after}” in the starter`;
      if (block.after === null && v.status !== "pass") problems.push({ hint, reason: `hint ${hint + 1}'s code, ${where}, does not pass: ${v.message}` });
      else if (v.status !== "pass" && BROKEN.has(v.status === "fail" ? v.kind : v.status)) {
        problems.push({ hint, reason: `hint ${hint + 1}'s code, ${where}, does not run: ${v.message}` });
      }
    }
    // Math names variables too ($j$, $\sum_k$), for this hint and the later ones.
    for (const m of prose.matchAll(/\$([^$]+)\$/g)) for (const name of m[1].split(/[^A-Za-z0-9]+/)) math.add(name);
    const spans = [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1].trim());
    // A bare name or `name = …` introduces the name for the whole hint (prose says what it holds).
    for (const span of spans) for (const name of introduced(span)) known.add(name);
    for (const span of spans) {
      const reason = inlineProblem(span, (name) => known.has(name) || math.has(name), matrices);
      if (reason) problems.push({ hint, reason: `hint ${hint + 1}: ${reason}` });
    }
  }
  return problems;
}

/** The span as one JavaScript expression, or null. */
function expressionOf(span: string): Node | null {
  try {
    const node = parseExpressionAt(span, 0, { ecmaVersion: "latest" });
    return node.end === span.length ? node : null;
  } catch {
    return null;
  }
}

/** Names a span introduces: itself if it is a bare name, the left side of `name = …`. */
function introduced(span: string): string[] {
  if (/^[A-Za-z_$][\w$]*$/.test(span)) return [span];
  const e = expressionOf(span) as (Node & { left?: { type: string; name?: string } }) | null;
  return e?.type === "AssignmentExpression" && e.left?.type === "Identifier" ? [e.left.name!] : [];
}

/** What is wrong with one inline code span, or null. */
function inlineProblem(span: string, isKnown: (name: string) => boolean, matrices: ReadonlySet<string>): string | null {
  const expression = expressionOf(span);
  // `sliceCols(a, start, end)`: a kernel function's signature, its parameters named, not a call to run.
  const call = expression as (Node & { callee?: { type: string; name?: string }; arguments?: { type: string }[] }) | null;
  if (call?.type === "CallExpression" && call.callee?.type === "Identifier" && kernelExports.includes(call.callee.name!) &&
    call.arguments?.every((a) => a.type === "Identifier")) return null;
  if (!expression) {
    // Statements (`return …` only parses inside a function): code to paste, so it belongs in a block.
    const statement = [span, `function f() {\n${span}\n}`].some((text) => {
      try {
        parse(text, { ecmaVersion: "latest", sourceType: "module" });
        return true;
      } catch {
        return false; // not JavaScript at all (an elision such as `(x, i, j) => …`): prose
      }
    });
    return statement ? `\`${span}\` is a statement shown inline: put code to paste in a \`\`\`ts block, which check:lessons runs` : null;
  }
  const { free, indexed } = analyse(expression);
  const unknown = [...free].filter((n) => !isKnown(n));
  if (unknown.length) {
    const names = unknown.map((n) => `\`${n}\``).join(" and ");
    return `\`${span}\` uses ${names}, which neither the starter, an earlier hint's code nor a hint's math defines`;
  }
  const wrong = [...indexed].find((n) => matrices.has(n));
  if (wrong) return `\`${span}\` indexes the Matrix ${wrong} like an array: a learner needs ${wrong}.data[i * ${wrong}.cols + j]`;
  return null;
}

/** Free identifiers of an expression (minus names it binds itself), and identifiers indexed with [ ]. */
function analyse(root: Node): { free: Set<string>; indexed: Set<string> } {
  const used = new Set<string>(), bound = new Set<string>(), indexed = new Set<string>();
  const visit = (node: unknown, parent: Record<string, unknown> | null, key: string): void => {
    if (Array.isArray(node)) { node.forEach((n) => visit(n, parent, key)); return; }
    if (!node || typeof node !== "object" || typeof (node as { type?: unknown }).type !== "string") return;
    const n = node as Record<string, unknown> & { type: string; name?: string };
    if (n.type === "Identifier") {
      const skip = parent && ((parent.type === "MemberExpression" && key === "property" && !parent.computed) ||
        (parent.type === "Property" && key === "key" && !parent.computed));
      if (!skip) (key === "params" || key === "id" ? bound : used).add(n.name!);
      return;
    }
    if (n.type === "MemberExpression" && n.computed && (n.object as { type?: string }).type === "Identifier") {
      indexed.add((n.object as { name: string }).name);
    }
    for (const [k, v] of Object.entries(n)) if (k !== "type") visit(v, n, k);
  };
  visit(root, null, "");
  return { free: new Set([...used].filter((u) => !bound.has(u))), indexed };
}

/** Every identifier in a piece of TypeScript (declared or used), or none if it doesn't compile. */
async function namesIn(code: string): Promise<string[]> {
  const compiled = await compileLearnerCode(code.includes("export") || code.includes("import") ? code : `function __hint() {\n${code}\n}`);
  if (!compiled.ok) return [];
  const uncommented = compiled.js.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, ""); // comments name no variables
  return [...new Set(uncommented.match(/[A-Za-z_$][\w$]*/g) ?? [])];
}

/** The entry's parameters typed `Matrix` in the starter: indexing them with [ ] is the slip to refuse. */
function matrixParams(starter: string, entry: string): Set<string> {
  const head = new RegExp(`function\\s+${entry}\\s*\\(([^)]*)\\)`).exec(starter);
  return new Set([...(head?.[1] ?? "").matchAll(/([A-Za-z_$][\w$]*)\s*:\s*Matrix\b(?!\[)/g)].map((m) => m[1]));
}

/** The starter with `block` in place: as the entry's whole body, or after the line holding `block.after`. */
export function place(starter: string, entry: string, block: Block): string | { error: string } {
  const indent = (code: string, by: string): string => code.split("\n").map((l) => (l.trim() ? by + l : l)).join("\n");
  if (block.after !== null) {
    const lines = starter.split("\n");
    const k = lines.findIndex((l) => l.includes(block.after!));
    if (k < 0) return { error: `a hint's \`\`\`ts block goes after “${block.after}”, but no line of the starter holds that text` };
    const by = `${/^\s*/.exec(lines[k])![0]}  `;
    return [...lines.slice(0, k + 1), indent(block.code, by), ...lines.slice(k + 1)].join("\n");
  }
  const body = bodyOf(starter, entry);
  if (!body) return { error: `a hint's \`\`\`ts block replaces the body of ${entry}, but the starter has no function ${entry}` };
  return `${starter.slice(0, body.open + 1)}\n${indent(block.code, "  ")}\n${starter.slice(body.close)}`;
}

/** Offsets of the braces around `entry`'s body, skipping strings and comments, or null. */
function bodyOf(code: string, entry: string): { open: number; close: number } | null {
  const head = new RegExp(`function\\s+${entry}\\s*\\(`).exec(code);
  if (!head) return null;
  let depth = 0, open = -1, parens = 1;
  for (let k = head.index + head[0].length; k < code.length; k++) {
    const c = code[k];
    if (c === "/" && code[k + 1] === "/") { k = code.indexOf("\n", k); if (k < 0) return null; continue; }
    if (c === "/" && code[k + 1] === "*") { k = code.indexOf("*/", k) + 1; if (k <= 0) return null; continue; }
    if (c === '"' || c === "'" || c === "`") { k = code.indexOf(c, k + 1); if (k < 0) return null; continue; }
    if (parens > 0) { if (c === "(") parens++; else if (c === ")") parens--; continue; }
    if (c === "{") { if (depth++ === 0) open = k; } else if (c === "}" && --depth === 0) return { open, close: k };
  }
  return null;
}
