// Lesson 03 in Chromium: the "Divide by √dₖ" toggle, which the generic input test doesn't cover.
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

/** The variance the prose reports under the histogram. */
async function reportedVariance(page: Page): Promise<number> {
  return Number(await page.locator("p", { hasText: "Their variance is" }).locator(".inline-cell").first().innerText());
}

describe("lesson 03-scaling", () => {
  it("dividing by √dₖ redraws the histogram and brings its variance from ≈ 16 to ≈ 1", async () => {
    const { page, errors } = await openPage(browser);
    await openLesson(page, "03-scaling");
    const histogram = page.locator("figure", { hasText: "scores at dₖ = 16" });
    await expect(histogram.locator("h2, h3").first().innerText()).resolves.toBe("4096 scores at dₖ = 16");
    const unscaled = await reportedVariance(page);
    expect(unscaled).toBeGreaterThan(14.4);
    expect(unscaled).toBeLessThan(17.6);
    await page.getByRole("checkbox", { name: "Divide by √dₖ" }).check();
    await page.locator("figure", { hasText: "4096 scores at dₖ = 16, divided by √dₖ" }).waitFor({ timeout: 5000 });
    await expect.poll(() => reportedVariance(page)).toBeCloseTo(unscaled / 16, 2);
    await screenshot(page, "03-scaling-divided");
    expect(await page.locator(".cell-error").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("the softmax bars' tooltip names the score and the weight, not the bar's index or a facet", async () => {
    const { page, errors } = await openPage(browser);
    await openLesson(page, "03-scaling");
    const bars = page.locator('svg[aria-label^="softmax of the scores times 1 and times 8"]');
    await bars.scrollIntoViewIfNeeded();
    const last = bars.locator('g[aria-label="bar"] rect').last(); // × 8, the score 0.5
    await last.hover();
    const tip = bars.locator('g[aria-label="tip"]');
    await expect.poll(() => tip.textContent()).toContain("score 0.5 × 8 = 4.00");
    const text = (await tip.textContent()) ?? "";
    expect(text).toContain("weight 0.80");
    expect(text).not.toMatch(/fx|score 4\b/);
    await screenshot(page, "03-scaling-tooltip");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

