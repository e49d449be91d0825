// The YAML between the leading `---` lines of index.md: title, summary and the lessons it requires.
import { LessonProblems, blockOrigin, lessonError } from "./errors.ts";
import { parseYaml, readMap, readString, readStringList, type YamlSource } from "./yaml.ts";

export interface FrontMatter {
  title: string;
  summary: string;
  /** Slugs (folder names) of lessons to read first. */
  requires: string[];
}

/** A lesson folder name: two digits, a dash, a lowercase slug ("02-queries-keys-values"). */
export const LESSON_FOLDER = /^\d\d-[a-z0-9-]+$/;

const isFence = (line: string | undefined) => line !== undefined && /^(---|\.\.\.)\s*$/.test(line);

export interface FrontMatterResult {
  frontMatter: FrontMatter;
  /** The .md with the front matter blanked out, so line numbers in the body stay those of the file. */
  body: string;
  /** The parsed block, for positions of its values; null when it is missing or is not valid YAML. */
  yaml: YamlSource | null;
}

/**
 * Reads and checks the front matter of `lines` (the .md split into lines). Strict `problems` (the
 * default) throw at the first problem; collecting ones get every problem and a stand-in for each bad
 * field. Only an unterminated block always throws: without its end, the body cannot be found.
 */
export function readFrontMatter(lines: readonly string[], path: string, problems = new LessonProblems()): FrontMatterResult {
  const frontMatter: FrontMatter = { title: "", summary: "", requires: [] };
  if (!/^---\s*$/.test(lines[0] ?? "")) {
    problems.error(lessonError(path, { line: 1, column: 1 }, "missing front matter: start the file with a --- block holding title and summary"));
    return { frontMatter, body: lines.join("\n"), yaml: null };
  }
  let close = 1;
  while (close < lines.length && !isFence(lines[close])) close++;
  if (close === lines.length) throw lessonError(path, { line: 1, column: 1 }, "unterminated front matter: no closing ---");
  const body = lines.map((line, i) => (i <= close ? "" : line)).join("\n");
  const text = lines.slice(1, close).join("\n");
  const yaml = problems.attempt(() => parseYaml(text, path, blockOrigin(lines, 1, text), "front matter"), null);
  if (!yaml) return { frontMatter, body, yaml };
  if (yaml.value === null || yaml.value === undefined) {
    problems.error(yaml.error([], `"title" is required`));
    return { frontMatter, body, yaml };
  }
  if (!problems.attempt(() => readMap(yaml, [], ["title", "summary", "requires"], problems), null)) return { frontMatter, body, yaml };
  frontMatter.title = problems.attempt(() => readString(yaml, ["title"]), "");
  frontMatter.summary = problems.attempt(() => readString(yaml, ["summary"]), "");
  frontMatter.requires = problems.attempt(() => readStringList(yaml, ["requires"]), []).filter((slug, i) => {
    if (LESSON_FOLDER.test(slug)) return true;
    problems.error(yaml.error(["requires", i], `"${slug}" is not a lesson folder name like "02-queries-keys-values"`));
    return false;
  });
  return { frontMatter, body, yaml };
}
