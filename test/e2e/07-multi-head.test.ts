// Lesson 07 in Chromium: the heads' weight maps sit side by side on a wide screen and wrap one under the
// other on a phone; forgetting W_O in the exercise gets its own message.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, openPage, screenshot } from "./browser.ts";
import { openLesson } from "./settle.ts";

const SLUG = "07-multi-head";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The top-left corner of each head's weights map, in page order. */
async function headBoxes(page: Page): Promise<{ x: number; y: number; right: number }[]> {
  return page.locator('svg[aria-label^="heatmap of head"]').evaluateAll((svgs) => svgs.map((s) => {
    const r = s.getBoundingClientRect();
    return { x: Math.round(r.x), y: Math.round(r.y + window.scrollY), right: Math.round(r.right) };
  }));
}

describe(`lesson ${SLUG}`, () => {
  it("on a wide screen the heads sit side by side; with 6 heads there are 6 maps", async () => {
    const { page, errors } = await openPage(browser);
    await openLesson(page, SLUG);
    const four = await headBoxes(page);
    expect(four).toHaveLength(4);
    expect(four[1].y).toBe(four[0].y); // head 2 beside head 1
    expect(four[1].x).toBeGreaterThan(four[0].right);
    await page.getByRole("combobox", { name: "Heads h" }).selectOption({ label: "6" });
    await expect.poll(async () => (await headBoxes(page)).length).toBe(6);
    await screenshot(page, `${SLUG}-six-heads`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("on a 390 px phone the heads wrap, one under the other, each inside the screen", async () => {
    const { page, errors } = await openPage(browser, { width: 390, colorScheme: "dark" });
    await openLesson(page, SLUG);
    const boxes = await headBoxes(page);
    expect(boxes).toHaveLength(4);
    for (let k = 1; k < boxes.length; k++) expect(boxes[k].y).toBeGreaterThan(boxes[k - 1].y);
    for (const b of boxes) expect(b.right).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("the multi-head exercise names a missing W_O, then passes the solution", async () => {
    const { page, errors } = await openPage(browser);
    await openLesson(page, SLUG, { section: "/exercises" });
    const region = page.getByRole("region", { name: "Multi-head attention by hand" });
    await region.scrollIntoViewIfNeeded();
    const box = region.getByRole("textbox");
    await box.waitFor();
    const solution = readFileSync(`lessons/${SLUG}/exercises/multi-head/solution.ts`, "utf8");
    const noWo = solution.replace("return matmul(concatCols(outputs), Wo);", "return concatCols(outputs);");
    expect(noWo).not.toBe(solution);
    for (const [code, expected] of [[noWo, /output projection is part of multi-head attention/], [solution, /^Correct/]] as const) {
      await box.click();
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.press("Delete");
      await page.keyboard.insertText(code);
      await region.getByRole("button", { name: "Check", exact: true }).click();
      await region.getByRole("status").filter({ hasText: expected }).waitFor({ timeout: 10_000 });
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("the cost chart keeps its axes: the heads move its lines, the length moves its marker", async () => {
    const { page, errors } = await openPage(browser);
    await openLesson(page, SLUG);
    const chart = page.locator('svg[aria-label^="cost of one attention layer"]');
    await expect(chart.getAttribute("aria-label")).resolves.toContain("8 heads, n = 512 marked");
    const ticks = () => chart.locator('g[aria-label="y-axis tick label"] text').allTextContents();
    const lines = () => chart.locator('g[aria-label="line"] path').evaluateAll((ps) => ps.map((p) => p.getAttribute("d")));
    const [yTicks, before] = [await ticks(), await lines()];
    await page.getByRole("combobox", { name: "Heads (512-wide layer)" }).selectOption({ label: "64" });
    await expect.poll(() => chart.getAttribute("aria-label")).toContain("64 heads, n = 512 marked");
    const after = await lines();
    expect(after.filter((d, k) => d !== before[k])).toHaveLength(2); // softmax and stored weights; parameters and matmuls stay
    await page.getByRole("slider", { name: "Sequence length n" }).evaluate((el) => {
      const range = el as HTMLInputElement;
      range.value = String(Math.log(4096));
      range.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await expect.poll(() => chart.getAttribute("aria-label")).toContain("64 heads, n = 4096 marked");
    expect(await lines()).toEqual(after);
    expect(await ticks()).toEqual(yTicks);
    await screenshot(page, `${SLUG}-cost`);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

