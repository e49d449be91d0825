// Lesson 05 in Chromium: the self/cross radio (which the generic input test doesn't cover) turns the
// square weights rectangular, and a cross-attention mix-up gets its own message from the exercise.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { launch, openPage, screenshot } from "./browser.ts";
import { openLesson } from "./settle.ts";

const SLUG = "05-self-and-cross-attention";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The weights heatmap of the switch, whichever mode it is in. */
const weights = (page: Page): Locator => page.locator('svg[aria-label*="-attention weights, 4 decoder queries"]');

async function tickLabels(chart: Locator, axis: "x" | "y"): Promise<string[]> {
  return chart.locator(`g[aria-label="${axis}-axis tick label"] text`).allTextContents();
}

describe(`lesson ${SLUG}`, () => {
  it("switching to cross-attention makes the weights 4 × 5, English words across, French words down", async () => {
    const { page, errors } = await openPage(browser);
    await openLesson(page, SLUG);
    await expect(weights(page).getAttribute("aria-label")).resolves.toMatch(/^heatmap of self-attention weights, 4 decoder queries by 4 decoder keys/);
    const square = await weights(page).boundingBox();
    await page.getByRole("radio", { name: "the encoder (cross)" }).check();
    const cross = page.locator('svg[aria-label^="heatmap of cross-attention weights, 4 decoder queries by 5 encoder keys"]');
    await cross.waitFor({ timeout: 5000 });
    expect(await tickLabels(cross, "x")).toEqual(["the", "black", "cat", "is", "sleeping"]);
    expect(await tickLabels(cross, "y")).toEqual(["le", "chat", "noir", "dort"]);
    expect(await cross.locator('g[aria-label="cell"] rect').count()).toBe(20);
    const rectangular = await cross.boundingBox();
    expect(rectangular!.width).toBeGreaterThan(square!.width); // one more column
    await expect(page.getByRole("heading", { name: "Cross-attention weights, 4\u00a0×\u00a05" }).count()).resolves.toBe(1);
    // The shape flow now has the encoder's input and its keys and values.
    await expect(page.locator(".chart-summary", { hasText: "X_enc 5×8 (rows: encoder token)" }).count()).resolves.toBe(1);
    await screenshot(page, `${SLUG}-cross`);
    await page.getByRole("radio", { name: "the decoder (masked self)" }).check();
    await page.locator('svg[aria-label^="heatmap of self-attention weights, 4 decoder queries by 4 decoder keys"]').waitFor({ timeout: 5000 });
    expect(await page.locator(".cell-error").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("the cross-attention exercise names queries made from the encoder, then passes the solution", async () => {
    const { page, errors } = await openPage(browser);
    await openLesson(page, SLUG, { section: "/exercises" });
    const region = page.getByRole("region", { name: "Cross-attention" });
    await region.scrollIntoViewIfNeeded();
    const box = region.getByRole("textbox");
    await box.waitFor();
    const solution = readFileSync(`lessons/${SLUG}/exercises/cross-attention/solution.ts`, "utf8");
    const swapped = solution.replace("matmul(Xdec, Wq)", "matmul(Xenc, Wq)").replace("matmul(Xenc, Wk)", "matmul(Xdec, Wk)").replace("matmul(Xenc, Wv)", "matmul(Xdec, Wv)");
    for (const [code, expected] of [[swapped, /made the queries from the encoder/], [solution, /^Correct/]] as const) {
      await box.click();
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.press("Delete");
      await page.keyboard.insertText(code);
      await region.getByRole("button", { name: "Check", exact: true }).click();
      const status = region.getByRole("status");
      await status.filter({ hasText: expected }).waitFor({ timeout: 10_000 });
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
