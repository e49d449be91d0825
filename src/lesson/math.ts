// `$…$` and `$$…$$` in the prose, rendered by KaTeX at build time. A formula that KaTeX rejects
// fails the build at its place in the .md. `${` starts an inline value, never math; `\$` is a dollar.
import katex from "katex";
import type { MarkdownIt, StateBlock, StateInline, Token } from "markdown-it";
import { lessonError, lessonWarning, linesOrigin, lowerReason, type Origin, type SnippetLine } from "./errors.ts";
import { inlineOrigin, lessonEnv, type LessonEnv } from "./env.ts";

const DOLLAR = 0x24;
const BRACE_LEFT = 0x7b;
const BACKSLASH = 0x5c;

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/** The closing `$` of inline math opened before `from`: not after a space, not before a digit or `{`. */
function findInlineClose(src: string, from: number, max: number): number {
  for (let i = from; i < max; i++) {
    const code = src.charCodeAt(i);
    if (code === BACKSLASH) i++;
    else if (code === DOLLAR) {
      const next = src.charCodeAt(i + 1);
      if (isSpace(src.charCodeAt(i - 1)) || isDigit(next) || next === BRACE_LEFT) continue;
      return i;
    }
  }
  return -1;
}

function findDisplayClose(src: string, from: number, max: number): number {
  for (let i = from; i < max - 1; i++) {
    const code = src.charCodeAt(i);
    if (code === BACKSLASH) i++;
    else if (code === DOLLAR && src.charCodeAt(i + 1) === DOLLAR) return i;
  }
  return -1;
}

/** Inline rule: `$tex$`, or `$$tex$$` inside a paragraph (rendered in display mode). */
function mathInline(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax } = state;
  if (src.charCodeAt(pos) !== DOLLAR) return false;
  const display = src.charCodeAt(pos + 1) === DOLLAR;
  const start = pos + (display ? 2 : 1);
  if (!display) {
    const next = src.charCodeAt(start);
    if (Number.isNaN(next) || next === BRACE_LEFT || isSpace(next)) return false;
  }
  const end = display ? findDisplayClose(src, start, posMax) : findInlineClose(src, start, posMax);
  if (end < 0 || src.slice(start, end).trim() === "") return false;
  if (!silent) {
    const token = state.push("math_inline", "math", 0);
    token.content = src.slice(start, end);
    token.markup = display ? "$$" : "$";
    token.meta = { display, origin: inlineOrigin(lessonEnv(state.env), src, start) };
  }
  state.pos = end + (display ? 2 : 1);
  return true;
}

/** Block rule: a paragraph-level `$$` … `$$`, on one line or several. */
function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false; // an indented code block
  const open = state.bMarks[startLine] + state.tShift[startLine];
  if (!state.src.startsWith("$$", open)) return false;
  const lineText = (line: number) => state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
  const column = (offset: number) => offset - (state.src.lastIndexOf("\n", offset - 1) + 1) + 1;
  const first = state.src.slice(open + 2, state.eMarks[startLine]).trimEnd();
  const pieces: SnippetLine[] = [{ line: startLine + 1, column: column(open + 2), text: first }];
  let last = startLine;
  if (first.endsWith("$$")) {
    pieces[0].text = first.slice(0, -2);
  } else {
    if (first.includes("$$")) return false; // `$$x$$ and more`: inline display math in a paragraph
    for (last = startLine + 1; ; last++) {
      if (last >= endLine) {
        const env = lessonEnv(state.env);
        // Reported once; the line then reads as a paragraph, so the rest of the lesson is still checked.
        env.problems.error(lessonError(env.path, { line: startLine + 1, column: column(open) }, "unterminated display math: no closing $$"));
        return false;
      }
      const text = lineText(last).trimEnd();
      const done = text.endsWith("$$");
      const start = state.bMarks[last] + state.tShift[last];
      pieces.push({ line: last + 1, column: column(start), text: done ? text.slice(0, -2) : text });
      if (done) break;
    }
  }
  if (silent) return true;
  const token = state.push("math_block", "math", 0);
  token.block = true;
  token.content = pieces.map((p) => p.text).join("\n");
  token.markup = "$$";
  token.map = [startLine, last + 1];
  token.meta = { display: true, origin: linesOrigin(pieces) };
  state.line = last + 1;
  return true;
}

/** Renders `tex` with KaTeX; a parse error becomes a LessonError at the offending spot (collected: the TeX as text). */
export function renderTex(tex: string, display: boolean, origin: Origin, env: LessonEnv): string {
  try {
    return katex.renderToString(tex, {
      displayMode: display,
      throwOnError: true,
      strict: (_code, message, token) => {
        env.problems.warn(lessonWarning(env.path, origin(token?.loc?.start ?? 0), `katex: ${lowerReason(message)}`));
        return "ignore";
      },
    });
  } catch (error) {
    if (!(error instanceof katex.ParseError)) throw error;
    env.problems.error(lessonError(env.path, origin(error.position ?? 0), `katex: ${lowerReason(error.rawMessage)}`));
    return `<code class="math-error">${escapeHtml(tex)}</code>`;
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function renderMath(tokens: Token[], idx: number, env: LessonEnv): string {
  const { content, meta } = tokens[idx];
  const { display, origin } = meta as { display: boolean; origin: Origin };
  return renderTex(content, display, origin, env);
}

/** Adds `$…$` and `$$…$$` to `md`. */
export function mathPlugin(md: MarkdownIt): void {
  md.inline.ruler.after("escape", "math_inline", mathInline);
  md.block.ruler.before("fence", "math_block", mathBlock, { alt: ["paragraph", "reference", "blockquote", "list"] });
  md.renderer.rules.math_inline = (tokens, idx, _options, env) => renderMath(tokens, idx, lessonEnv(env));
  md.renderer.rules.math_block = (tokens, idx, _options, env) => renderMath(tokens, idx, lessonEnv(env)) + "\n";
}
