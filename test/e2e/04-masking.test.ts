// Lesson 04 in Chromium: the decoder/encoder radio, which the generic input test doesn't cover.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, openPage, screenshot } from "./browser.ts";
import { openLesson } from "./settle.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** How many cells of the figure titled `title` show a masked (−∞) score. */
const maskedCells = (page: Page, title: string) =>
  page.locator("figure", { hasText: title }).locator("text", { hasText: "−∞" }).count();

describe("lesson 04-masking", () => {
  it("switching the block to encoder unmasks the scores and the weights, and back again", async () => {
    const { page, errors } = await openPage(browser);
    await openLesson(page, "04-masking");
    // 6 tokens: 15 masked scores above the diagonal in the decoder.
    expect(await maskedCells(page, "Scores, decoder")).toBe(15);
    await page.getByRole("radio", { name: "encoder (no mask)" }).check();
    await page.locator("figure", { hasText: "Weights, encoder" }).waitFor({ timeout: 5000 });
    expect(await maskedCells(page, "Scores, encoder")).toBe(0);
    await screenshot(page, "04-masking-encoder");
    await page.getByRole("radio", { name: "decoder (causal mask)" }).check();
    await page.locator("figure", { hasText: "Weights, decoder" }).waitFor({ timeout: 5000 });
    expect(await maskedCells(page, "Scores, decoder")).toBe(15);
    expect(await page.locator(".cell-error").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("the leak detector reports exactly 0 for earlier outputs under the causal mask", async () => {
    const { page, errors } = await openPage(browser);
    await openLesson(page, "04-masking");
    const report = page.locator("p", { hasText: "every output before the edited token moved by exactly" });
    const values = report.locator(".inline-cell");
    expect(await values.nth(0).innerText()).toBe("0");
    expect(Number(await values.nth(1).innerText())).toBeGreaterThan(0);
    await page.getByLabel("Token to edit").selectOption({ label: "4: then" });
    await expect.poll(async () => (await page.locator("figure, svg").filter({ hasText: "✎ then" }).count()) > 0).toBe(true);
    expect(await values.nth(0).innerText()).toBe("0");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("teacher forcing: more generation passes add joined rows; training without the mask unjoins them", async () => {
    const { page, errors } = await openPage(browser);
    await openLesson(page, "04-masking");
    const chart = page.locator("figure", { hasText: "generation:" }).locator('svg[aria-label^="two tables side by side"]');
    await expect(chart.getAttribute("aria-label")).resolves.toContain("3 of 3 rows on the right match a row on the left");
    const passes = page.getByRole("slider", { name: "Generation passes so far" });
    await passes.fill("6");
    await expect.poll(() => chart.getAttribute("aria-label")).toContain("6 of 6 rows on the right match");
    await page.getByRole("checkbox", { name: "Train without the causal mask" }).check();
    await expect.poll(() => chart.getAttribute("aria-label")).toContain("1 of 6 rows on the right match");
    await expect(page.locator("p", { hasText: "Without the mask, only 1 of the 6 generated rows" }).count()).resolves.toBe(1);
    await screenshot(page, "04-masking-teacher-forcing");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("the sentence under the heatmaps follows the block", async () => {
    const { page, errors } = await openPage(browser);
    await openLesson(page, "04-masking");
    const note = page.locator("p", { hasText: /In the (decoder|encoder)/ }).first();
    await expect(note.innerText()).resolves.toContain("its own weight is 1.00");
    await page.getByRole("radio", { name: "encoder (no mask)" }).check();
    await expect.poll(() => note.innerText()).toContain("In the encoder nothing is hidden");
    expect(await note.innerText()).not.toContain("In the decoder");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

