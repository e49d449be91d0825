// The plugin's dev loop on a throwaway project: a change in a lesson folder reloads the page (also when
// the lesson never compiled, where Vite alone would do nothing), and the page can ask why a lesson fails.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer, type ViteDevServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROBLEM_ENDPOINT } from "../../src/lesson/dev.ts";
import { lessonPlugin } from "../../src/lesson/plugin.ts";
import type { CompiledLesson } from "../../src/lesson/types.ts";

const lesson = (title: string, body: string) => `---\ntitle: ${title}\nsummary: About ${title}.\n---\n\n${body}`;
const GOOD = lesson("Fine", "```js\ny = 21 * 2\n```\n");
const BROKEN = lesson("Broken", "Costs $\\fracc{1}{2}$.\n\n```js\nz = (1 +\n```\n");

type Catalog = { loadLesson(slug: string): Promise<CompiledLesson> };

let root: string;
let server: ViteDevServer;
let base: string;
const sent: { type: string }[] = [];

/** Waits until `check` holds, writing `file` again now and then (the watcher may attach late). */
async function until(check: () => boolean | Promise<boolean>, rewrite?: [string, string]): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    if (await check()) return;
    if (rewrite && tries % 20 === 0) writeFileSync(...rewrite);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("timed out");
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "lesson-dev-"));
  mkdirSync(join(root, "lessons/01-fine"), { recursive: true });
  mkdirSync(join(root, "lessons/02-broken"), { recursive: true });
  writeFileSync(join(root, "main.js"), `import { lessons } from "virtual:lessons";\nconsole.log(lessons);\n`);
  writeFileSync(join(root, "lessons/01-fine/index.md"), GOOD);
  writeFileSync(join(root, "lessons/02-broken/index.md"), BROKEN);
  server = await createServer({
    root, configFile: false, logLevel: "silent", cacheDir: join(root, ".vite"),
    server: { port: 0, host: "127.0.0.1" },
    plugins: [lessonPlugin({ knownNames: [] })],
  });
  await server.listen();
  const address = server.httpServer!.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const send = server.environments.client.hot.send.bind(server.environments.client.hot);
  server.environments.client.hot.send = ((payload: { type: string }) => {
    sent.push(payload);
    return (send as (p: unknown) => void)(payload);
  }) as typeof server.environments.client.hot.send;
});
afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe("lessonPlugin() dev loop", () => {
  it(`${PROBLEM_ENDPOINT}<slug> lists every problem of a broken lesson, and nothing for a sound one`, async () => {
    const text = await (await fetch(`${base}${PROBLEM_ENDPOINT}02-broken`)).text();
    expect(text.split("\n")).toEqual([
      "lessons/02-broken/index.md:6:8: katex: undefined control sequence: \\fracc",
      "lessons/02-broken/index.md:9:9: unexpected end of input in cell",
    ]);
    expect(await (await fetch(`${base}${PROBLEM_ENDPOINT}01-fine`)).text()).toBe("");
  });

  it("the catalog served to the browser asks the dev server why a lesson failed to load", async () => {
    const code = (await server.environments.client.transformRequest("virtual:lessons"))?.code ?? "";
    expect(code).toContain(`fetch("${PROBLEM_ENDPOINT}" + encodeURIComponent(slug)`);
  });

  it("fixing a lesson that never compiled reloads the page, and the lesson then loads", async () => {
    const { loadLesson } = (await server.ssrLoadModule("virtual:lessons")) as Catalog;
    await expect(loadLesson("02-broken")).rejects.toThrow("lessons/02-broken/index.md:6:8: katex: undefined control sequence: \\fracc");
    const file = join(root, "lessons/02-broken/index.md");
    sent.length = 0;
    const fixed = lesson("Broken no more", "Costs $\\frac{1}{2}$.\n\n```js\nz = (1 + 2)\n```\n");
    await until(() => sent.some((p) => p.type === "full-reload"), [file, fixed]);
    const again = (await server.ssrLoadModule("virtual:lessons")) as Catalog;
    await expect(again.loadLesson("02-broken")).resolves.toMatchObject({ title: "Broken no more" });
  }, 20_000);

  it("a change to an exercise file reloads the page too", async () => {
    sent.length = 0;
    const file = join(root, "lessons/01-fine/exercises/new-one/exercise.yaml");
    mkdirSync(join(file, ".."), { recursive: true });
    await until(() => sent.some((p) => p.type === "full-reload"), [file, "title: New\n"]);
  }, 20_000);
});
