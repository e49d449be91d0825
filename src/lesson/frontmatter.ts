// The YAML between the leading `---` lines of index.md: title, summary and the lessons it requires.
import { blockOrigin, lessonError } from "./errors.ts";
import { parseYaml, readMap, readString, readStringList } from "./yaml.ts";

export interface FrontMatter {
  title: string;
  summary: string;
  /** Slugs (folder names) of lessons to read first. */
  requires: string[];
}

/** A lesson folder name: two digits, a dash, a lowercase slug ("02-queries-keys-values"). */
export const LESSON_FOLDER = /^\d\d-[a-z0-9-]+$/;

const isFence = (line: string | undefined) => line !== undefined && /^(---|\.\.\.)\s*$/.test(line);

/**
 * Reads and checks the front matter of `lines` (the .md split into lines). Returns it with the body:
 * the .md with the front matter blanked out, so line numbers in the body stay those of the file.
 */
export function readFrontMatter(lines: readonly string[], path: string): { frontMatter: FrontMatter; body: string } {
  if (!/^---\s*$/.test(lines[0] ?? "")) {
    throw lessonError(path, { line: 1, column: 1 }, "missing front matter: start the file with a --- block holding title and summary");
  }
  let close = 1;
  while (close < lines.length && !isFence(lines[close])) close++;
  if (close === lines.length) throw lessonError(path, { line: 1, column: 1 }, "unterminated front matter: no closing ---");
  const text = lines.slice(1, close).join("\n");
  const yaml = parseYaml(text, path, blockOrigin(lines, 1, text), "front matter");
  if (yaml.value === null || yaml.value === undefined) throw yaml.error([], `"title" is required`);
  readMap(yaml, [], ["title", "summary", "requires"]);
  const frontMatter = {
    title: readString(yaml, ["title"]),
    summary: readString(yaml, ["summary"]),
    requires: readStringList(yaml, ["requires"]),
  };
  frontMatter.requires.forEach((slug, i) => {
    if (!LESSON_FOLDER.test(slug)) {
      throw yaml.error(["requires", i], `"${slug}" is not a lesson folder name like "02-queries-keys-values"`);
    }
  });
  const body = lines.map((line, i) => (i <= close ? "" : line)).join("\n");
  return { frontMatter, body };
}
