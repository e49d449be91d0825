// Lesson 01 in Chromium: the batch-mask toggle, which the generic input test doesn't cover.
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

/** The paragraph that reports how far B's outputs moved. */
const report = (page: Page) => page.locator("p", { hasText: "Editing A moved B's outputs by at most" });

describe("lesson 01-attention-as-communication", () => {
  it("B's outputs don't move until the batch mask is dropped; the toggle redraws the batch charts", async () => {
    const { page, errors } = await openPage(browser);
    await openLesson(page, "01-attention-as-communication");
    expect(await report(page).locator(".inline-cell").first().innerText()).toBe("0");
    const heatmap = page.locator("figure", { hasText: "Weights over the packed batch" });
    const before = await heatmap.innerHTML();
    await page.getByRole("checkbox", { name: "Let B see A (drop the batch mask)" }).check();
    await expect.poll(() => heatmap.innerHTML(), { timeout: 5000 }).not.toBe(before);
    await expect.poll(async () => Number(await report(page).locator(".inline-cell").first().innerText())).toBeGreaterThan(0);
    await screenshot(page, "01-attention-as-communication-batch-mask-dropped");
    await page.getByRole("checkbox", { name: "Let B see A (drop the batch mask)" }).uncheck();
    await expect.poll(async () => report(page).locator(".inline-cell").first().innerText()).toBe("0");
    expect(await page.locator(".cell-error").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
