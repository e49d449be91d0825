// What the home page needs about a lesson, read without compiling it: the front matter, the order
// and slug from the folder name, and the ids of its exercises.
import { readDirective } from "./directives.ts";
import { blockOrigin } from "./errors.ts";
import { createEnv } from "./env.ts";
import { readFrontMatter } from "./frontmatter.ts";
export { LESSON_FOLDER } from "./frontmatter.ts";
import { lessonMarkdown } from "./markdown.ts";
import type { LessonMeta } from "./types.ts";

/** Where a lesson sits: `lessons/02-queries/index.md` -> dir `lessons/02-queries`, slug `02-queries`, order 2. */
export function lessonLocation(path: string): { dir: string; slug: string; order: number } {
  const slash = path.lastIndexOf("/");
  const dir = slash < 0 ? "." : path.slice(0, slash);
  const slug = dir.split("/").pop()!;
  const order = /^(\d+)-/.exec(slug);
  return { dir, slug, order: order ? Number(order[1]) : 0 };
}

/** Splits a source into lines, whatever its line endings. */
export function sourceLines(source: string): string[] {
  return source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
}

/** Reads a lesson's metadata (front matter and exercise ids); throws a LessonError like compileLesson. */
export function readLessonMeta(source: string, path: string): LessonMeta {
  const lines = sourceLines(source);
  const { frontMatter, body } = readFrontMatter(lines, path);
  const md = lessonMarkdown();
  const env = createEnv(path, lines);
  const tokens: ReturnType<typeof md.parse> = [];
  md.block.parse(body, md, env as never, tokens);
  const exercises = tokens
    .filter((t) => t.type === "fence" && t.info.trim().split(/\s+/)[0] === "exercise")
    .map((t) => readDirective({ yaml: t.content, line: t.map![0] + 1, origin: blockOrigin(lines, t.map![0] + 1, t.content) }, path).id);
  const { slug, order } = lessonLocation(path);
  return { slug, order, ...frontMatter, exercises };
}
