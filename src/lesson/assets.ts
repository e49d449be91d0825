// Files in the lesson folder that the prose links to: `![A diagram](diagram.svg)` or
// `[the data](data/tokens.csv)`. Each becomes an import of the file's URL in the lesson's module, so
// Vite serves it in dev and copies it (hashed) into the build; a missing file fails like any other problem.
import type { MarkdownIt, StateCore } from "markdown-it";
import { lessonError, type LessonProblems, type Position } from "./errors.ts";
import { lessonEnv } from "./env.ts";

/** A link or image in the prose to a file beside index.md. */
export interface AssetLink {
  /** As written, e.g. "figures/diagram.svg". */
  url: string;
  /** Where it is written in the .md. */
  at: Position;
}

/** Text that stands for asset `i` in the rendered HTML until the module is emitted. */
export const assetPlaceholder = (i: number) => `@@lesson-asset-${i}@@`;
const PLACEHOLDER = /@@lesson-asset-(\d+)@@/g;

/** A URL that points into the lesson folder: not absolute, not a route (`#/…`), no scheme. */
export function isLessonFile(url: string): boolean {
  return url !== "" && !/^([a-z][a-z0-9+.-]*:|#|\/|\?)/i.test(url);
}

function collect(state: StateCore): void {
  const env = lessonEnv(state.env);
  if (env.fixed) return; // Markdown inside exercise YAML: links stay as written
  let line = 0;
  for (const block of state.tokens) {
    if (block.map) line = block.map[0];
    for (const token of block.children ?? []) {
      const attr = token.type === "image" ? "src" : token.type === "link_open" ? "href" : null;
      const url = attr ? token.attrGet(attr) : null;
      if (!attr || typeof url !== "string" || !isLessonFile(url)) continue;
      const row = env.lines.slice(line).findIndex((text) => text.includes(`(${url}`));
      const at = row < 0 ? { line: line + 1, column: 1 } : { line: line + row + 1, column: env.lines[line + row].indexOf(`(${url}`) + 2 };
      token.attrSet(attr, assetPlaceholder(env.assets.length));
      env.assets.push({ url, at });
    }
  }
}

/** Adds asset links to `md`: each relative image or link URL in the prose lands in `env.assets`. */
export function assetPlugin(md: MarkdownIt): void {
  md.core.ruler.after("inline", "lesson_assets", collect);
}

/** Reports each asset that is missing or lies outside the lesson folder. */
export function checkAssets(
  assets: readonly AssetLink[],
  lesson: { path: string; dir: string; exists: (path: string) => boolean },
  problems: LessonProblems,
): void {
  for (const { url, at } of assets) {
    const file = url.split(/[?#]/)[0];
    const parts = file.split("/");
    if (parts.includes("..")) {
      problems.error(lessonError(lesson.path, at, `"${url}" points outside the lesson folder: keep a lesson's files beside its index.md`));
    } else if (!lesson.exists(`${lesson.dir}/${decodeURI(file)}`)) {
      problems.error(lessonError(lesson.path, at, `missing file "${file}": put it in ${lesson.dir}/ beside index.md, or fix the path`));
    }
  }
}

/** `import asset0 from "./diagram.svg?url";` for each asset, and a rewriter for JSON text holding placeholders. */
export function assetImports(assets: readonly AssetLink[]): { imports: string; rewrite: (json: string) => string } {
  const imports = assets.map(({ url }, i) => {
    const [file, hash = ""] = url.split("#");
    const path = `./${decodeURI(file.split("?")[0])}?url`;
    return `import asset${i} from ${JSON.stringify(path)};\nconst assetUrl${i} = asset${i} + ${JSON.stringify(hash ? `#${hash}` : "")};\n`;
  }).join("");
  // A placeholder only ever sits inside a JSON string: close the string, add the URL, reopen it.
  const rewrite = (json: string) => json.replace(PLACEHOLDER, (_, i: string) => `" + assetUrl${i} + "`);
  return { imports, rewrite };
}

/** The placeholders in rendered HTML, for golden tests: `@@lesson-asset-0@@` -> the URL as written. */
export function showAssets(html: string, assets: readonly AssetLink[]): string {
  return html.replace(PLACEHOLDER, (_, i: string) => assets[Number(i)]?.url ?? "");
}
