// `${expr}` in the prose: an inline cell, rendered as a span the runtime fills with the value.
// Like Framework's parsePlaceholder, JavaScript's own tokenizer finds the closing brace, so braces
// in strings, templates and object literals inside the expression do not end it early.
import { Parser, tokTypes, type TokenType } from "acorn";
import type { MarkdownIt, StateInline } from "markdown-it";
import { lessonError } from "./errors.ts";
import { inlineOrigin, lessonEnv, locateInline } from "./env.ts";
import type { Origin } from "./errors.ts";

interface Tokenizer {
  type: TokenType;
  pos: number;
  nextToken(): void;
}

/** The offset of the `}` that closes a `${` whose expression starts at `start`, or -1. */
function findClosingBrace(src: string, start: number): number {
  const tokenizer = new (Parser as unknown as new (options: object, input: string, start: number) => Tokenizer)(
    { ecmaVersion: "latest", sourceType: "module" },
    src,
    start,
  );
  let depth = 1;
  try {
    do {
      tokenizer.nextToken();
      if (tokenizer.type === tokTypes.braceL || tokenizer.type === tokTypes.dollarBraceL) ++depth;
      else if (tokenizer.type === tokTypes.braceR && --depth === 0) return tokenizer.pos - 1;
    } while (tokenizer.type !== tokTypes.eof);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error; // an unterminated string or template
  }
  return -1;
}

function inlineCell(state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== 0x24 || src.charCodeAt(pos + 1) !== 0x7b) return false;
  const env = lessonEnv(state.env);
  if (env.fixed) return false; // Markdown inside exercise YAML has no runtime: `${` stays text
  const end = findClosingBrace(src, pos + 2);
  if (end < 0 || end >= state.posMax) {
    // Collected, the `${` stays text and the rest of the lesson is still checked.
    env.problems.error(lessonError(env.path, locateInline(env, src, pos), "unterminated ${…} inline value"));
    return false;
  }
  if (!silent) {
    const token = state.push("inline_cell", "span", 0);
    token.content = src.slice(pos + 2, end);
    token.meta = { origin: inlineOrigin(env, src, pos + 2) };
  }
  state.pos = end + 1;
  return true;
}

/** Adds `${expr}` inline values to `md`; each becomes a cell in `env.cells`, in document order. */
export function inlineCellPlugin(md: MarkdownIt): void {
  md.inline.ruler.before("math_inline", "inline_cell", inlineCell);
  md.renderer.rules.inline_cell = (tokens, idx, _options, envArg) => {
    const env = lessonEnv(envArg);
    const token = tokens[idx];
    const origin = (token.meta as { origin: Origin }).origin;
    const id = `cell-${env.cells.length + 1}`;
    env.cells.push({ id, source: token.content, inline: true, hidden: false, line: origin(0).line, origin });
    return `<span class="inline-cell" data-cell="${id}"></span>`;
  };
}
