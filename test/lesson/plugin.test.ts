// The Vite plugin on a throwaway project: `virtual:lessons` lists and loads lessons, a broken lesson
// fails alone in dev and fails the build with path:line:column, and the dev server notices a new lesson.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, createServer, type ViteDevServer } from "vite";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadKnownNames } from "../../src/lesson/known-names.ts";
import { lessonPlugin } from "../../src/lesson/plugin.ts";
import type { CompiledLesson, LessonMeta } from "../../src/lesson/types.ts";

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

const lessonSource = (title: string, body = "```js\ny = 21 * 2\n```\n") =>
  `---\ntitle: ${title}\nsummary: About ${title}.\n---\n\n${body}`;

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "lesson-plugin-"));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const baseProject = () =>
  project({
    "main.js": `import { lessons, loadLesson } from "virtual:lessons";\nfor (const { slug } of lessons) loadLesson(slug).then(console.log);\n`,
    "lessons/02-second/index.md": lessonSource("Second"),
    "lessons/01-first/index.md": lessonSource("First", "```exercise\nid: pick\nkind: numeric\ntitle: Pick\nprompt: Two?\nanswer: 2\ntolerance: 0\n```\n"),
    "lessons/03-broken/index.md": lessonSource("Broken", "Fine prose.\n\n```js\nz = (1 +\n```\n"),
    "lessons/not-a-lesson/index.md": lessonSource("Ignored"),
    "lessons/04-empty/notes.txt": "no index.md here",
  });

type Catalog = { lessons: LessonMeta[]; loadLesson(slug: string): Promise<CompiledLesson> };

describe("lessonPlugin() in dev", () => {
  let server: ViteDevServer;
  let root: string;
  /** Waits until the file watcher has scanned the lesson folders: edits before that go unseen. */
  async function watching(): Promise<void> {
    for (let tries = 0; tries < 60 && !server.watcher.getWatched()[join(root, "lessons/02-second")]; tries++) {
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  beforeEach(async () => {
    root = baseProject();
    server = await createServer({ root, configFile: false, logLevel: "silent", plugins: [lessonPlugin({ knownNames: [] })] });
  });
  afterEach(() => server.close());

  it("lists lesson folders in order, with their front matter and exercise ids", async () => {
    const { lessons } = (await server.ssrLoadModule("virtual:lessons")) as Catalog;
    expect(lessons.map((l) => l.slug)).toEqual(["01-first", "02-second", "03-broken"]);
    expect(lessons[0]).toEqual({ slug: "01-first", order: 1, title: "First", summary: "About First.", requires: [], exercises: ["pick"] });
  });

  it("loads a lesson whose cells compute", async () => {
    const { loadLesson } = (await server.ssrLoadModule("virtual:lessons")) as Catalog;
    const lesson = await loadLesson("02-second");
    expect(lesson.title).toBe("Second");
    expect((lesson.cells[0].body as () => number)()).toBe(42);
  });

  it("rejects a broken lesson with path:line:column while the others still load", async () => {
    const { loadLesson } = (await server.ssrLoadModule("virtual:lessons")) as Catalog;
    await expect(loadLesson("03-broken")).rejects.toThrow("lessons/03-broken/index.md:9:9: unexpected end of input in cell");
    await expect(loadLesson("01-first")).resolves.toMatchObject({ title: "First" });
    await expect(loadLesson("99-nope")).rejects.toThrow('unknown lesson "99-nope"');
  });

  it("lists a lesson folder added while the server runs", async () => {
    await server.ssrLoadModule("virtual:lessons");
    await watching();
    mkdirSync(join(root, "lessons/05-new"));
    writeFileSync(join(root, "lessons/05-new/index.md"), lessonSource("New"));
    let slugs: string[] = [];
    for (let tries = 0; tries < 150 && !slugs.includes("05-new"); tries++) {
      await new Promise((r) => setTimeout(r, 50));
      slugs = ((await server.ssrLoadModule("virtual:lessons")) as Catalog).lessons.map((l) => l.slug);
    }
    expect(slugs).toContain("05-new");
  }, 15_000);

  it("updates the list when a lesson's front matter changes", async () => {
    await server.ssrLoadModule("virtual:lessons");
    await watching();
    let title = "";
    for (let tries = 0; tries < 150 && title !== "Renamed"; tries++) {
      // Write again now and then: on a busy machine the watcher may attach after the first write.
      if (tries % 20 === 0) writeFileSync(join(root, "lessons/02-second/index.md"), lessonSource("Renamed"));
      await new Promise((r) => setTimeout(r, 50));
      title = ((await server.ssrLoadModule("virtual:lessons")) as Catalog).lessons[1].title;
    }
    expect(title).toBe("Renamed");
  }, 15_000);
});

describe("lessonPlugin() in a build", () => {
  const buildProject = (root: string) =>
    build({
      root,
      configFile: false,
      logLevel: "silent",
      plugins: [lessonPlugin({ knownNames: [] })],
      build: { write: false, rolldownOptions: { input: join(root, "main.js") } },
    });

  it("fails on a broken lesson with its path:line:column", async () => {
    await expect(buildProject(baseProject())).rejects.toThrow("lessons/03-broken/index.md:9:9: unexpected end of input in cell");
  });

  it("emits one chunk per lesson", async () => {
    const root = baseProject();
    rmSync(join(root, "lessons/03-broken"), { recursive: true });
    const output = await buildProject(root);
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => ("output" in o ? o.output : []));
    const lessonChunks = chunks.filter((c) => c.type === "chunk" && c.facadeModuleId?.endsWith("index.md"));
    expect(lessonChunks).toHaveLength(2);
  });
});

describe("loadKnownNames(root)", () => {
  it("reads BUILTIN_NAMES and GLOBAL_NAMES from src/notebook/names.ts", async () => {
    const root = project({
      "src/notebook/names.ts": `const kernel: string[] = ["softmax"];\nexport const BUILTIN_NAMES: readonly string[] = ["Plot", ...kernel];\nexport const GLOBAL_NAMES = ["Math"] as const;\n`,
    });
    await expect(loadKnownNames(root)).resolves.toEqual({ names: ["Plot", "softmax", "Math"] });
  });

  it("explains when the module is missing", async () => {
    await expect(loadKnownNames(project({}))).resolves.toEqual({ problem: "src/notebook/names.ts not found" });
  });
});
