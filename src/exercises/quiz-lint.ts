// Author-side checks of ```exercise directives for check-lessons: finds the fences in a lesson's Markdown
// and says what is wrong with a numeric or choice exercise. Pure; the compiler does the rendering.
import { parse } from "yaml";

/** One ```exercise fence: its 1-based line in index.md and its YAML body. */
export interface Fence {
  line: number;
  yaml: string;
}

/** Every ```exercise fence of a Markdown text, in order. */
export function findExerciseFences(markdown: string): Fence[] {
  const lines = markdown.split(/\r?\n/);
  const fences: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s{0,3})(`{3,}|~{3,})\s*exercise\s*$/.exec(lines[i]);
    if (!open) continue;
    const marker = open[2];
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !(lines[j].trim().startsWith(marker[0].repeat(marker.length)) && lines[j].trim().replace(/[`~]/g, "") === "")) {
      body.push(lines[j]);
      j++;
    }
    fences.push({ line: i + 1, yaml: body.join("\n") });
    i = j;
  }
  return fences;
}

/** A directive read from its YAML: id and kind, and the whole object for the kind's checks. */
export interface DirectiveData {
  id: string;
  kind: "code" | "numeric" | "choice";
  data: Record<string, unknown>;
}

/** Parses a fence; returns the directive or a reason. */
export function readFence(fence: Fence): DirectiveData | { reason: string } {
  let data: unknown;
  try {
    data = parse(fence.yaml);
  } catch (e) {
    return { reason: `exercise directive: invalid YAML (${e instanceof Error ? e.message.split("\n")[0] : String(e)})` };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { reason: "exercise directive: expected \"id: <exercise-id>\"" };
  const d = data as Record<string, unknown>;
  if (typeof d.id !== "string" || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(d.id)) {
    return { reason: `exercise directive: id must be lowercase words joined by dashes, got ${JSON.stringify(d.id)}` };
  }
  const kind = d.kind ?? "code";
  if (kind !== "code" && kind !== "numeric" && kind !== "choice") return { reason: `exercise "${d.id}": unknown kind ${JSON.stringify(kind)}` };
  return { id: d.id, kind, data: d };
}

const isText = (x: unknown): x is string => typeof x === "string" && x.trim() !== "";
/** Why a YAML value is not a text; the commonest cause is an unquoted ": " that makes it a map. */
export function notText(x: unknown): string {
  if (typeof x === "object" && x !== null && !Array.isArray(x)) {
    return "is a map, not a text: an unquoted \": \" makes YAML read it as key: value; put the text in quotes";
  }
  return `must be a non-empty text, got ${JSON.stringify(x)}`;
}

/** A YAML value for a message: numbers as written (Infinity, NaN), the rest as JSON. */
const show = (x: unknown): string => (typeof x === "number" ? String(x) : JSON.stringify(x));

const isFiniteNumber = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

/** Problems with a numeric or choice directive (empty when it is sound). */
export function lintQuiz(d: DirectiveData): string[] {
  const problems: string[] = [];
  const where = `exercise "${d.id}"`;
  const { data } = d;
  if (!isText(data.title)) problems.push(`${where}: needs a title`);
  if (!isText(data.prompt)) problems.push(`${where}: needs a prompt`);
  if (data.hints !== undefined && !Array.isArray(data.hints)) problems.push(`${where}: hints must be a list of texts`);
  if (Array.isArray(data.hints)) problems.push(...data.hints.flatMap((h: unknown, i) => (isText(h) ? [] : [`${where}: hint ${i + 1} ${notText(h)}`])));
  if (d.kind === "numeric") problems.push(...lintNumeric(where, data));
  if (d.kind === "choice") problems.push(...lintChoice(where, data));
  return problems;
}

function lintNumeric(where: string, data: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const { answer, tolerance = 0, feedback = [] } = data;
  if (!isFiniteNumber(answer)) problems.push(`${where}: answer must be a finite number, got ${show(answer)}`);
  if (!isFiniteNumber(tolerance) || tolerance < 0) problems.push(`${where}: tolerance must be a number >= 0, got ${show(tolerance)}`);
  if (!Array.isArray(feedback)) return [...problems, `${where}: feedback must be a list of {answer, message}`];
  feedback.forEach((f: unknown, i) => {
    const e = (typeof f === "object" && f !== null ? f : {}) as Record<string, unknown>;
    if (!isFiniteNumber(e.answer)) problems.push(`${where}: feedback ${i + 1} needs a finite answer`);
    if (!isText(e.message)) problems.push(`${where}: feedback ${i + 1} needs a message`);
    if (e.tolerance !== undefined && !(isFiniteNumber(e.tolerance) && e.tolerance >= 0)) {
      problems.push(`${where}: feedback ${i + 1} has a tolerance that is not a number >= 0`);
    }
    if (isFiniteNumber(e.answer) && isFiniteNumber(answer) && isFiniteNumber(tolerance) && Math.abs(e.answer - answer) <= tolerance) {
      problems.push(`${where}: feedback ${i + 1} (${e.answer}) can never show: that answer counts as correct`);
    }
  });
  return problems;
}

function lintChoice(where: string, data: Record<string, unknown>): string[] {
  const { options } = data;
  if (!Array.isArray(options) || options.length < 2) return [`${where}: a choice exercise needs at least two options`];
  const problems: string[] = [];
  let correct = 0;
  options.forEach((o: unknown, i) => {
    const e = (typeof o === "object" && o !== null ? o : {}) as Record<string, unknown>;
    if (!isText(e.text)) problems.push(`${where}: option ${i + 1} needs a text`);
    if (e.correct !== undefined && typeof e.correct !== "boolean") problems.push(`${where}: option ${i + 1}: correct must be true or false`);
    if (e.correct === true) correct++;
    else if (!isText(e.feedback)) problems.push(`${where}: option ${i + 1} is wrong but has no feedback: say why it is wrong`);
  });
  if (correct !== 1) problems.push(`${where}: needs exactly one correct option, found ${correct}`);
  return problems;
}
