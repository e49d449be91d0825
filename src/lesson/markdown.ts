// Prose to HTML with markdown-it: headings get ids and feed the outline, ```js fences become cell
// placeholders, ```exercise fences become exercise placeholders, other fences stay plain code.
import markdownIt from "markdown-it";
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { assetPlugin } from "./assets.ts";
import { blockOrigin, lessonError } from "./errors.ts";
import { lessonEnv, type LessonEnv } from "./env.ts";
import { inlineCellPlugin } from "./inline-cells.ts";
import { mathPlugin } from "./math.ts";

/** `"Scores: Q·Kᵀ"` -> `"scores-q-k"`: lowercase ASCII words joined by dashes. */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || "section";
}

/** The plain text of a heading's inline tokens (formulas keep their TeX). */
function plainText(tokens: readonly Token[]): string {
  return tokens
    .map((t) => (t.type === "softbreak" ? " " : t.children ? plainText(t.children) : t.type === "inline_cell" ? "" : t.content))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** Core rule: parse inline content, telling our inline rules which line each block starts on. */
function inlineWithLines(state: StateCore): void {
  const env = lessonEnv(state.env);
  let line = 0;
  for (const token of state.tokens) {
    if (token.map) line = token.map[0]; // table cells have no map: they sit on their row's line
    if (token.type !== "inline") continue;
    env.blockLine = line;
    state.md.inline.parse(token.content, state.md, state.env, (token.children ??= []));
  }
}

/** Core rule: h2 and h3 get unique ids and enter the outline. */
function outline(state: StateCore): void {
  const env = lessonEnv(state.env);
  if (env.fixed) return;
  state.tokens.forEach((token, i) => {
    if (token.type !== "heading_open" || (token.tag !== "h2" && token.tag !== "h3")) return;
    const text = plainText(state.tokens[i + 1]?.children ?? []);
    let id = slugify(text);
    for (let n = 2; env.ids.has(id); n++) id = `${slugify(text)}-${n}`;
    env.ids.add(id);
    token.attrSet("id", id);
    env.outline.push({ id, text, level: token.tag === "h2" ? 2 : 3 });
  });
}

function renderCellFence(env: LessonEnv, token: Token, flags: string[]): string {
  const fenceLine = token.map![0];
  for (const flag of flags) {
    if (flag === "hidden") continue;
    const column = (env.lines[fenceLine] ?? "").indexOf(flag) + 1;
    env.problems.error(lessonError(env.path, { line: fenceLine + 1, column }, `unknown js fence option "${flag}" (expected "hidden")`));
  }
  const source = token.content.replace(/\n$/, "");
  const id = `cell-${env.cells.length + 1}`;
  const origin = blockOrigin(env.lines, fenceLine + 1, source);
  env.cells.push({ id, source, inline: false, hidden: flags.includes("hidden"), line: fenceLine + 2, origin });
  return `<div class="cell" data-cell="${id}"></div>\n`;
}

function renderExerciseFence(env: LessonEnv, token: Token): string {
  const fenceLine = token.map![0];
  const id = env.directive!({
    yaml: token.content,
    line: fenceLine + 1,
    origin: blockOrigin(env.lines, fenceLine + 1, token.content),
  });
  return `<div class="exercise" data-exercise="${id}"></div>\n`;
}

function fencePlugin(md: MarkdownIt): void {
  const plain = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, options, envArg, self) => {
    const env = lessonEnv(envArg);
    const token = tokens[idx];
    const [lang = "", ...flags] = token.info.trim().split(/\s+/);
    if (!env.fixed && lang === "js") return renderCellFence(env, token, flags);
    if (!env.fixed && lang === "exercise" && env.directive) return renderExerciseFence(env, token);
    return plain(tokens, idx, options, envArg, self);
  };
}

/** A markdown-it with raw HTML, math, inline values, heading ids and cell fences. */
export function createLessonMarkdown(): MarkdownIt {
  const md = markdownIt({ html: true });
  md.core.ruler.at("inline", inlineWithLines);
  md.core.ruler.after("inline", "outline", outline);
  md.use(mathPlugin).use(inlineCellPlugin).use(fencePlugin).use(assetPlugin);
  return md;
}

let shared: MarkdownIt | null = null;

/** The one lesson markdown-it instance (it keeps no state between documents). */
export function lessonMarkdown(): MarkdownIt {
  return (shared ??= createLessonMarkdown());
}

/** Renders a lesson body; cells, outline and warnings collect in `env`. */
export function renderLessonMarkdown(text: string, env: LessonEnv): string {
  return lessonMarkdown().render(text, env as never);
}

/** Renders Markdown that lives in YAML (a prompt, a hint): block HTML, or inline for short labels. */
export function renderSnippet(text: string, env: LessonEnv, inline = false): string {
  const md = lessonMarkdown();
  return inline ? md.renderInline(text, env as never) : md.render(text, env as never);
}
