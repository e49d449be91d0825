// The lessons as the file system has them, read independently of the app and the compiler.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { parse } from "yaml";

export interface LessonOnDisk {
  slug: string;
  title: string;
}

export function lessonsOnDisk(): LessonOnDisk[] {
  return readdirSync("lessons")
    .filter((name) => /^\d\d-[a-z0-9-]+$/.test(name) && existsSync(`lessons/${name}/index.md`))
    .sort()
    .map((slug) => {
      const source = readFileSync(`lessons/${slug}/index.md`, "utf8");
      const front = /^---\n([\s\S]*?)\n---/.exec(source);
      const meta = parse(front ? front[1] : "") as { title: string };
      return { slug, title: meta.title };
    });
}
