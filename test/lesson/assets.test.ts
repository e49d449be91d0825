// Files beside index.md that the prose links to: imported by URL in the lesson's module, so the dev
// server serves them and the build copies them; a missing one is a problem at its place in the .md.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import { afterAll, describe, expect, it } from "vitest";
import { isLessonFile } from "../../src/lesson/assets.ts";
import { compileLesson } from "../../src/lesson/compile.ts";
import { lessonPlugin } from "../../src/lesson/plugin.ts";

const roots: string[] = [];
const fixtureFiles = { readFile: (p: string) => (existsSync(p) ? readFileSync(p, "utf8") : null), exists: existsSync };
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

describe("lesson assets", () => {
  it("isLessonFile(url) is true for paths beside index.md, false for routes, absolute paths and URLs", () => {
    expect(["diagram.svg", "./figures/a b.png", "data/x.csv?raw"].map(isLessonFile)).toEqual([true, true, true]);
    expect(["#/kernel/attention.ts", "/favicon.svg", "https://vite.dev", "mailto:a@b.c", ""].map(isLessonFile)).toEqual([false, false, false, false, false]);
  });

  it("compileLesson imports each asset's URL and puts it in the HTML", () => {
    const path = "test/lesson/input/assets.md";
    const { code } = compileLesson(readFileSync(path, "utf8"), path, fixtureFiles);
    expect(code).toContain('import asset0 from "./diagram.svg?url";\nconst assetUrl0 = asset0 + "";\n');
    expect(code).toContain('const assetUrl1 = asset1 + "#top";');
    expect(code).toContain('"html": "<p><img src=\\"" + assetUrl0 + "\\" alt=\\"Queries meet keys\\"');
  });

  it("the build copies an image beside index.md and the lesson's chunk points to it", async () => {
    const root = mkdtempSync(join(tmpdir(), "lesson-assets-"));
    roots.push(root);
    mkdirSync(join(root, "lessons/01-pictures"), { recursive: true });
    writeFileSync(join(root, "main.js"), `import { loadLesson } from "virtual:lessons";\nloadLesson("01-pictures").then((l) => document.body.innerHTML = l.html);\n`);
    writeFileSync(join(root, "lessons/01-pictures/index.md"), "---\ntitle: Pictures\nsummary: One.\n---\n\n![A square](square.svg)\n");
    writeFileSync(join(root, "lessons/01-pictures/square.svg"), `<svg xmlns="http://www.w3.org/2000/svg" width="${"9".repeat(3)}" height="9"></svg>`);
    const output = await build({
      root, configFile: false, logLevel: "silent", plugins: [lessonPlugin({ knownNames: [] })],
      build: { write: false, assetsInlineLimit: 0, rolldownOptions: { input: join(root, "main.js") } },
    });
    const files = (Array.isArray(output) ? output : [output]).flatMap((o) => ("output" in o ? o.output : []));
    const svg = files.find((f) => f.fileName.endsWith(".svg"));
    expect(svg?.fileName).toMatch(/^assets\/square-[\w-]+\.svg$/);
    const chunk = files.find((f) => f.type === "chunk" && f.facadeModuleId?.endsWith("index.md"));
    expect(chunk && "code" in chunk ? chunk.code : "").toContain(svg!.fileName.split("/").pop());
  });
});
