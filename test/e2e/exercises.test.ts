// Exercises in a real Chromium, found as a reader finds them: a region named by the exercise title
// holding a textbox, buttons Check / Hint / Solution / Reset, and a status.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { baseURL, launch, openPage } from "./browser.ts";

const LESSON = "02-queries-keys-values";
const exerciseFile = (id: string, file: string) => readFileSync(`lessons/${LESSON}/exercises/${id}/${file}`, "utf8");

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openExercise(page: Page, title: string): Promise<Locator> {
  await page.goto(`${baseURL()}#/lessons/${LESSON}/exercises`);
  const region = page.getByRole("region", { name: title });
  await region.scrollIntoViewIfNeeded();
  await region.getByRole("textbox").waitFor();
  return region;
}

/** Replaces the editor's whole text, typed through the keyboard as a learner would paste it. */
async function write(page: Page, region: Locator, code: string): Promise<void> {
  const box = region.getByRole("textbox");
  await box.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

async function check(region: Locator): Promise<string> {
  await region.getByRole("button", { name: "Check", exact: true }).click();
  const status = region.getByRole("status");
  await status.filter({ hasNotText: /^Checking/ }).filter({ hasText: /\S/ }).waitFor({ timeout: 10_000 });
  return (await status.innerText()).trim();
}

describe("code exercise in the browser", () => {
  it("the untouched starter does not pass", async () => {
    const { page, errors } = await openPage(browser);
    const region = await openExercise(page, "Scores as dot products");
    const verdict = await check(region);
    expect(verdict).not.toMatch(/^Correct/);
    expect(verdict.length).toBeGreaterThan(20);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("stops `while (true) {}` within the budget plus one second, and the page keeps answering", async () => {
    const { page } = await openPage(browser);
    const region = await openExercise(page, "Scores as dot products");
    await write(page, region, 'import type { Matrix } from "kernel";\nexport function dotScores(Q: Matrix, K: Matrix): Matrix {\n  while (true) {}\n}\n');
    const started = Date.now();
    await region.getByRole("button", { name: "Check", exact: true }).click();
    // While the learner's loop spins in its worker, the page still responds to the reader.
    await page.getByRole("button", { name: /^Theme/ }).click();
    const answered = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))));
    expect(answered).toBeGreaterThan(0);
    const status = region.getByRole("status");
    await status.filter({ hasText: /too long|more than/i }).waitFor({ timeout: 6_000 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(3_000 + 1_000 + 500); // budget 3 s + 1 s (+ click latency)
    expect(await status.innerText()).toMatch(/loop/i);
    await page.context().close();
  });

  it("a softmax over the wrong axis gets its own message", async () => {
    const { page } = await openPage(browser);
    const region = await openExercise(page, "A stable softmax, row by row");
    const wrongAxis = `import { transpose, type Matrix } from "kernel";
export function softmaxRows(X: Matrix): Matrix {
  const T = transpose(X);
  const out = new Float64Array(T.data.length);
  for (let i = 0; i < T.rows; i++) {
    let max = -Infinity;
    for (let j = 0; j < T.cols; j++) max = Math.max(max, T.data[i * T.cols + j]);
    let sum = 0;
    for (let j = 0; j < T.cols; j++) sum += (out[i * T.cols + j] = Math.exp(T.data[i * T.cols + j] - max));
    for (let j = 0; j < T.cols; j++) out[i * T.cols + j] /= sum;
  }
  return transpose({ rows: T.rows, cols: T.cols, data: out });
}
`;
    await write(page, region, wrongAxis);
    const verdict = await check(region);
    expect(verdict).toMatch(/column/i);
    expect(verdict).toMatch(/row/i);
    expect(verdict).not.toMatch(/^Correct/);
    await page.context().close();
  });

  it("hints reveal one at a time, the solution shows beside the code, and Reset can be undone", async () => {
    const { page } = await openPage(browser);
    const region = await openExercise(page, "Scores as dot products");
    await write(page, region, "// my attempt\n");
    await region.getByRole("button", { name: "Hint" }).click();
    await expect(region.getByText(/Hint 1 of/).count()).resolves.toBeGreaterThan(0);
    await region.getByRole("button", { name: "Solution" }).click();
    await expect(region.innerText()).resolves.toContain("export function dotScores");
    expect(await region.getByRole("textbox").innerText()).toContain("// my attempt");
    await region.getByRole("button", { name: "Reset" }).click();
    expect(await region.getByRole("textbox").innerText()).not.toContain("// my attempt");
    await region.getByRole("button", { name: "Undo reset" }).click();
    expect(await region.getByRole("textbox").innerText()).toContain("// my attempt");
    await page.context().close();
  });

  it("the solution passes, and the pass and the code survive a reload (without running it again)", async () => {
    const { page, errors } = await openPage(browser);
    const region = await openExercise(page, "Scores as dot products");
    const solution = exerciseFile("dot-scores", "solution.ts") + "\n// kept across reloads\n";
    await write(page, region, solution);
    expect(await check(region)).toMatch(/^Correct/);
    await page.reload();
    const again = page.getByRole("region", { name: "Scores as dot products" });
    await again.scrollIntoViewIfNeeded();
    await again.getByRole("textbox").waitFor();
    await expect(again.getByRole("textbox").innerText()).resolves.toContain("// kept across reloads");
    await expect(again.getByRole("status").innerText()).resolves.toMatch(/^Correct|solved/i);
    // The home page counts it.
    await page.goto(baseURL());
    await expect(page.getByText(/1 of \d+ exercises? solved/).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("export then import round-trips progress, and a corrupt file changes nothing", async () => {
    const { page } = await openPage(browser);
    const region = await openExercise(page, "Scores as dot products");
    await write(page, region, exerciseFile("dot-scores", "solution.ts"));
    expect(await check(region)).toMatch(/^Correct/);
    await page.goto(baseURL());
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export progress" }).click();
    const file = await (await download).path();
    const exported = JSON.parse(readFileSync(file, "utf8")) as { exercises: Record<string, unknown> };
    expect(Object.keys(exported.exercises)).toContain("dot-scores");

    // A fresh browser profile: nothing solved, then import the file.
    const fresh = await openPage(browser);
    await fresh.page.goto(baseURL());
    await expect(fresh.page.getByText(/0 of \d+ exercises? solved/).count()).resolves.toBeGreaterThan(0);
    const chooser = fresh.page.waitForEvent("filechooser");
    await fresh.page.getByRole("button", { name: "Import progress" }).click();
    await (await chooser).setFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from("{ not json") });
    await fresh.page.getByRole("status").filter({ hasText: /Nothing was imported/ }).waitFor();
    const chooser2 = fresh.page.waitForEvent("filechooser");
    await fresh.page.getByRole("button", { name: "Import progress" }).click();
    await (await chooser2).setFiles(file);
    await fresh.page.getByText(/1 of \d+ exercises? solved/).waitFor();
    await page.context().close();
    await fresh.page.context().close();
  });
});
