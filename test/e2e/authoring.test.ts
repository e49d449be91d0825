// An instructor's loop in a real Chromium against `vite` in dev mode, on a temporary copy of the project
// (lesson 02 only): `npm run new:lesson` while the dev server runs, the new lesson on the home page
// without a restart, its exercise solved, author mode on it, then the lesson broken on purpose (its page
// and the overlay say why, the other lesson still loads) and fixed again (the page recovers by itself).
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Browser, Locator, Page } from "playwright-core";
import { createServer, type ViteDevServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempProject, type TempProject } from "../scripts/temp-project.ts";
import { baseURL, launch, openPage, type WatchedPage } from "./browser.ts";
import { freePort } from "./ports.ts";

const SLUG = "dev-check";
const TITLE = "Checked in dev";
const FOLDER = `03-${SLUG}`;

let project: TempProject;
let server: ViteDevServer;
let browser: Browser;
let url: string;
let watched: WatchedPage;

beforeAll(async () => {
  project = tempProject();
  const port = await freePort();
  server = await createServer({
    root: project.root,
    configFile: join(project.root, "vite.config.ts"),
    cacheDir: join(project.root, ".vite"), // never the shared node_modules/.vite
    logLevel: "silent",
    server: { host: "127.0.0.1", port, strictPort: true, fs: { allow: [project.root, project.nodeModules] } },
  });
  await server.listen();
  url = `http://127.0.0.1:${port}/`;
  browser = await launch();
  watched = await openPage(browser);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  project?.remove();
});

const lessonFile = (file = "index.md") => join(project.root, "lessons", FOLDER, file);

async function solve(page: Page, region: Locator, code: string): Promise<string> {
  const box = region.getByRole("textbox");
  await box.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
  await region.getByRole("button", { name: "Check", exact: true }).click();
  const status = region.getByRole("status");
  await status.filter({ hasNotText: /^Checking/ }).filter({ hasText: /\S/ }).waitFor({ timeout: 20_000 });
  return (await status.innerText()).trim();
}

describe("authoring in npm run dev", () => {
  it("npm run new:lesson adds a lesson that the running dev server lists at once", async () => {
    const { page } = watched;
    await page.goto(url);
    const nav = page.getByRole("navigation", { name: "Lessons" });
    await nav.getByRole("link", { name: "Queries, keys and values" }).waitFor({ timeout: 60_000 });
    const { stdout } = await promisify(execFile)("npm", ["run", "--silent", "new:lesson", "--", SLUG, TITLE], { cwd: project.root });
    expect(stdout).toContain(`new-lesson: created lessons/${FOLDER}/`);
    // No reload by the test: the dev server reloads the page when a lesson folder appears.
    await nav.getByRole("link", { name: TITLE }).waitFor({ timeout: 30_000 });
    expect(await nav.getByRole("link").allInnerTexts()).toEqual(["Queries, keys and values", TITLE]);
  });

  it("the new lesson opens from its link and its code exercise can be solved", async () => {
    const { page } = watched;
    await page.getByRole("link", { name: TITLE }).click();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    expect(await page.locator(".cell-output svg").count()).toBeGreaterThanOrEqual(2);
    await page.locator(`[data-exercise="${SLUG}-weights"]`).scrollIntoViewIfNeeded(); // exercises mount when near
    const region = page.getByRole("region", { name: "Attention weights" });
    await region.getByRole("textbox").waitFor({ timeout: 30_000 });
    const starterVerdict = await solve(page, region, readFileSync(lessonFile(`exercises/${SLUG}-weights/starter.ts`), "utf8"));
    expect(starterVerdict).not.toMatch(/^Correct/);
    const verdict = await solve(page, region, readFileSync(lessonFile(`exercises/${SLUG}-weights/solution.ts`), "utf8"));
    expect(verdict).toMatch(/^Correct/);
    expect(watched.errors).toEqual([]);
  });

  it("with ?author, the exercise runs its reference, its starter and its declared mistake, each as expected", async () => {
    const { page } = watched;
    await page.goto(`${url}?author#/lessons/${FOLDER}/exercises`);
    const region = page.getByRole("region", { name: "Attention weights" });
    await region.scrollIntoViewIfNeeded();
    const tools = region.getByRole("group", { name: "Author tools" });
    await tools.getByRole("button", { name: "Run mistake forgot-scale" }).waitFor({ timeout: 30_000 });
    await tools.getByRole("button", { name: "Run all" }).click();
    await tools.getByText(/runs gave/).waitFor({ timeout: 30_000 });
    expect(await tools.getByRole("status").innerText()).toBe("All 3 runs gave the expected verdict.");
    const verdicts = await tools.locator("tbody tr").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).innerText.replace(/\s+/g, " ").trim()));
    expect(verdicts[0]).toMatch(/^Run reference passes As expected: pass\. Correct!/);
    expect(verdicts[1]).toMatch(/^Run starter fails cleanly As expected: fail \(property\)\./);
    expect(verdicts[2]).toMatch(/^Run mistake forgot-scale caught as “forgot-scale” As expected: fail \(mistake “forgot-scale”\)\. It looks like you forgot to scale/);
  });

  it("a broken lesson shows its error on its page and in the overlay, the other lesson still loads, and fixing it recovers", async () => {
    const { page } = watched;
    await page.goto(`${url}#/lessons/${FOLDER}`);
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    const good = readFileSync(lessonFile(), "utf8");
    const line = good.split("\n").length + 2;
    try {
      writeFileSync(lessonFile(), `${good}\n\`\`\`js\nbroken = (1 +\n\`\`\`\n`);
      const alert = page.getByRole("alert");
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.innerText()).toBe(`lessons/${FOLDER}/index.md:${line}:14: unexpected end of input in cell`);
      await page.locator("vite-error-overlay").waitFor({ state: "attached", timeout: 10_000 });

      await page.goto(`${url}#/lessons/02-queries-keys-values`);
      await page.getByRole("heading", { level: 1, name: "Queries, keys and values" }).waitFor();
      await page.locator(".cell-output svg").first().waitFor();
      await page.goto(`${url}#/lessons/${FOLDER}`);
      await alert.waitFor();
    } finally {
      writeFileSync(lessonFile(), good);
    }
    // No reload by the test: the dev server reloads the page when the lesson changes.
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor({ timeout: 30_000 });
    await page.locator(".cell-output svg").first().waitFor();
    expect(await page.locator("vite-error-overlay").count()).toBe(0);
  });
});

describe("author mode in the built site", () => {
  it("?author on lesson 02: every declared mistake of dot-scores is caught as itself", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${baseURL()}?author#/lessons/02-queries-keys-values/exercises`);
    const region = page.getByRole("region", { name: "Scores as dot products" });
    await region.scrollIntoViewIfNeeded();
    const tools = region.getByRole("group", { name: "Author tools" });
    await tools.getByRole("button", { name: "Run mistake k-q-transpose" }).waitFor({ timeout: 30_000 });
    await tools.getByRole("button", { name: "Run all" }).click();
    await tools.getByText(/runs gave/).waitFor({ timeout: 30_000 });
    expect(await tools.getByRole("status").innerText()).toMatch(/^All \d+ runs gave the expected verdict\.$/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
