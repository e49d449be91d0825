// Lesson 06 in Chromium: the "Add sinusoidal positions" toggle (which the generic input test doesn't
// cover) breaks the pairing of output rows between "dog bites man" and "man bites dog".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, openPage, screenshot } from "./browser.ts";
import { openLesson } from "./settle.ts";

const SLUG = "06-position";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const matched = (page: Page) => page.locator('svg[aria-label^="two tables side by side"]');

describe(`lesson ${SLUG}`, () => {
  it("adding positions unpairs every row: no joining lines, dashed frames, and the prose says so", async () => {
    const { page, errors } = await openPage(browser);
    await openLesson(page, SLUG);
    await expect(matched(page).getAttribute("aria-label")).resolves.toContain("3 of 3 rows on the right match a row on the left");
    expect(await matched(page).locator('g[aria-label="link"] path').count()).toBe(3);
    const answer = page.locator("p", { hasText: "Is the right table just the left one" }).locator(".inline-cell").nth(2);
    await expect(answer.innerText()).resolves.toBe("Yes");
    await page.getByRole("checkbox", { name: "Add sinusoidal positions" }).check();
    await page.locator('svg[aria-label$="0 of 3 rows on the right match a row on the left"]').waitFor({ timeout: 5000 });
    expect(await matched(page).locator('g[aria-label="link"] path').count()).toBe(0);
    expect(await matched(page).locator('g[aria-label="rect"][stroke-dasharray] rect').count()).toBe(6);
    await expect.poll(() => answer.innerText()).toBe("No");
    await screenshot(page, `${SLUG}-with-positions`);
    expect(await page.locator(".cell-error").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("the paired tables fit a 390 px phone", async () => {
    const { page, errors } = await openPage(browser, { width: 390, colorScheme: "dark" });
    await openLesson(page, SLUG);
    const box = await matched(page).boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("RoPE: the positions radio swaps the scores heatmap, and moving the sentence turns the queries", async () => {
    const { page, errors } = await openPage(browser);
    await openLesson(page, SLUG);
    const scores = page.locator("figure", { hasText: "Scores with" }).first();
    await expect(scores.locator("h2, h3").first().innerText()).resolves.toBe("Scores with RoPE, sentence from position 0");
    const turns = page.locator("figure", { hasText: "The first two numbers of each query" });
    const before = await turns.innerHTML();
    await page.getByRole("slider", { name: "Start the sentence at position" }).fill("20");
    await expect.poll(() => turns.innerHTML()).not.toBe(before);
    await expect.poll(() => scores.locator("h2, h3").first().innerText()).toBe("Scores with RoPE, sentence from position 20");
    await page.getByRole("radio", { name: "added sinusoids: X + PE" }).check();
    await expect.poll(() => scores.locator("h2, h3").first().innerText()).toBe("Scores with added sinusoids, sentence from position 20");
    await expect(page.locator("p", { hasText: "RoPE's scores for this sentence stay within" }).count()).resolves.toBe(1);
    await screenshot(page, `${SLUG}-rope`);
    expect(await page.locator(".cell-error").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

