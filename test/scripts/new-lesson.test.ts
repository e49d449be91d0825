// `npm run new:lesson`: slugs and arguments, the next free number, refusals with a reason, and a scaffold
// that compiles without a warning and passes check-lessons. Every lesson is written in a temporary copy.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLessons, formatProblem } from "../../scripts/check-lessons.ts";
import { NewLessonError, newLesson, parseArgs, parseSlug } from "../../scripts/new-lesson.ts";
import { lintLesson } from "../../src/lesson/compile.ts";
import { BUILTIN_NAMES, GLOBAL_NAMES } from "../../src/notebook/names.ts";
import { tempProject, type TempProject } from "./temp-project.ts";

const lessonSource = (title: string) => `---\ntitle: ${title}\nsummary: About ${title}.\n---\n\nText.\n`;

/** A bare lessons folder holding the given lessons. */
function lessonsFolder(slugs: string[]): string {
  const root = mkdtempSync(join(tmpdir(), "new-lesson-"));
  for (const slug of slugs) {
    mkdirSync(join(root, "lessons", slug), { recursive: true });
    writeFileSync(join(root, "lessons", slug, "index.md"), lessonSource(slug));
  }
  return root;
}

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof NewLessonError) return error.message;
    throw error;
  }
  throw new Error("expected a refusal");
};

describe("parseSlug(input)", () => {
  it("parseSlug accepts lowercase words joined by dashes, with or without a number", () => {
    expect(parseSlug("temperature")).toEqual({ number: null, slug: "temperature" });
    expect(parseSlug("3d-attention")).toEqual({ number: null, slug: "3d-attention" });
    expect(parseSlug("09-self-attention")).toEqual({ number: 9, slug: "self-attention" });
  });

  it("parseSlug refuses a bad slug with the reason and a suggestion", () => {
    expect(refusal(() => parseSlug("Self_Attention"))).toBe('"Self_Attention" is not a lesson slug: it has capital letters; use lowercase words joined by dashes, like "self-attention"');
    expect(refusal(() => parseSlug("foo bar"))).toBe('"foo bar" is not a lesson slug: it may only hold lowercase letters, digits and dashes; use lowercase words joined by dashes, like "foo-bar"');
    expect(refusal(() => parseSlug("foo--bar"))).toBe('"foo--bar" is not a lesson slug: its dashes must each join two words; use lowercase words joined by dashes, like "foo-bar"');
    expect(refusal(() => parseSlug("07-"))).toBe('"07-" has no slug after its number: use lowercase words joined by dashes, like "self-attention"');
    expect(refusal(() => parseSlug("a".repeat(50)))).toBe(`"${"a".repeat(50)}" is 50 characters long; keep a slug under 48, a few words`);
  });
});

describe("parseArgs(argv)", () => {
  it("parseArgs reads a slug, a title and --dir", () => {
    expect(parseArgs(["temperature", "Softmax temperature"])).toEqual({ slug: "temperature", title: "Softmax temperature", lessonsDir: "lessons" });
    expect(parseArgs(["--dir", "other", "t", "T"])).toEqual({ slug: "t", title: "T", lessonsDir: "other" });
  });

  it("parseArgs refuses missing or extra arguments with the usage", () => {
    expect(refusal(() => parseArgs(["temperature"]))).toMatch(/^give a slug and a title\nusage: npm run new:lesson -- <slug> "<Title>"/);
    expect(refusal(() => parseArgs(["a", "b", "c"]))).toMatch(/^give two arguments, not 3 \(quote the title\)/);
    expect(refusal(() => parseArgs(["--force", "a", "b"]))).toMatch(/^unknown option --force/);
  });
});

describe("newLesson(options)", () => {
  const roots: string[] = [];
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));
  const folder = (slugs: string[]) => {
    const root = lessonsFolder(slugs);
    roots.push(root);
    return root;
  };

  it("newLesson takes the number after the last lesson and writes every file", () => {
    const root = folder(["01-a", "03-b"]);
    const lesson = newLesson({ root, slug: "temperature", title: "Softmax: temperature" });
    expect(lesson.folder).toBe("04-temperature");
    expect(lesson.ids).toEqual({ code: "temperature-weights", numeric: "temperature-uniform", choice: "temperature-temperature" });
    expect(lesson.files).toEqual([
      "index.md",
      "exercises/temperature-weights/exercise.yaml",
      "exercises/temperature-weights/starter.ts",
      "exercises/temperature-weights/solution.ts",
      "exercises/temperature-weights/checks.ts",
    ]);
    for (const file of lesson.files) expect(existsSync(join(root, "lessons/04-temperature", file)), file).toBe(true);
    expect(readFileSync(join(root, "lessons/04-temperature/index.md"), "utf8")).toMatch(/^---\ntitle: "Softmax: temperature"\n/);
    expect(readdirSync(join(root, "lessons")).sort()).toEqual(["01-a", "03-b", "04-temperature"]); // no staging folder left
  });

  it("newLesson starts at 01 in an empty course and takes a free number when given one", () => {
    expect(newLesson({ root: folder([]), slug: "first", title: "First" }).folder).toBe("01-first");
    expect(newLesson({ root: folder(["01-a", "03-b"]), slug: "02-between", title: "Between" }).folder).toBe("02-between");
  });

  it("newLesson refuses a taken slug, a taken number, an empty title and a used exercise id, writing nothing", () => {
    const root = folder(["01-temperature", "02-b"]);
    writeFileSync(join(root, "lessons/02-b/index.md"), `${lessonSource("B")}\n\`\`\`exercise\nid: masks-weights\nkind: numeric\n\`\`\`\n`);
    const before = readdirSync(join(root, "lessons")).sort();
    expect(refusal(() => newLesson({ root, slug: "temperature", title: "T" })))
      .toBe('a lesson with the slug "temperature" already exists: lessons/01-temperature/ (pick another slug, or edit that lesson)');
    expect(refusal(() => newLesson({ root, slug: "02-other", title: "T" })))
      .toBe("lesson number 02 is taken by lessons/02-b/: leave the number out to get the next free one");
    expect(refusal(() => newLesson({ root, slug: "other", title: "  " }))).toBe('give the lesson a title: npm run new:lesson -- other "A title"');
    expect(refusal(() => newLesson({ root, slug: "masks", title: "Masks" })))
      .toBe('the exercise id "masks-weights" (made from the slug) is already used in lessons/02-b/index.md: pick another slug');
    expect(readdirSync(join(root, "lessons")).sort()).toEqual(before);
  });
});

describe("a scaffolded lesson", () => {
  let project: TempProject;
  let path: string;
  beforeAll(() => {
    project = tempProject();
    path = `${newLesson({ root: project.root, slug: "scaffold-check", title: "Scaffold check" }).path}/index.md`;
  });
  afterAll(() => project?.remove());

  it("compiles with no error and no warning", () => {
    const read = (file: string) => (existsSync(join(project.root, file)) ? readFileSync(join(project.root, file), "utf8") : null);
    const lint = lintLesson(read(path)!, path, {
      knownNames: [...BUILTIN_NAMES, ...GLOBAL_NAMES],
      readFile: read,
      exists: (file) => existsSync(join(project.root, file)),
      folders: (dir) => readdirSync(join(project.root, dir)),
      lessons: readdirSync(join(project.root, "lessons")),
    });
    expect([...lint.errors, ...lint.warnings].map((p) => p.message)).toEqual([]);
    expect(lint.exercises.map((e) => `${e.kind} ${e.id}`)).toEqual([
      "code scaffold-check-weights", "numeric scaffold-check-uniform", "choice scaffold-check-temperature",
    ]);
  });

  it("passes check-lessons: the solution passes, the starter fails cleanly, the declared mistake is caught", async () => {
    const { problems, exercises, lessons } = await checkLessons(project.root, "lessons");
    expect(problems.map(formatProblem)).toEqual([]);
    expect({ lessons, exercises }).toEqual({ lessons: 2, exercises: 8 });
  }, 60_000);

  it("npm run new:lesson prints what it made, and refuses a taken slug with exit code 1", () => {
    const run = (...args: string[]) => spawnSync("npm", ["run", "--silent", "new:lesson", "--", ...args], { cwd: project.root, encoding: "utf8" });
    const made = run("cli-made", "Made by the CLI");
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain("new-lesson: created lessons/04-cli-made/");
    const again = run("cli-made", "Again");
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toBe('new-lesson: a lesson with the slug "cli-made" already exists: lessons/04-cli-made/ (pick another slug, or edit that lesson)');
  }, 60_000);
});
