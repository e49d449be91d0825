// Links that keep your values: "Copy link to these values" puts the changed inputs in the URL, a fresh
// browser opening that link gets them back, and "Reset values" returns to the defaults.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { baseURL, launch, openPage } from "./browser.ts";

const SLUG = "02-queries-keys-values";
const SENTENCE = "a query looks at every key";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function settled(page: Page): Promise<void> {
  await page.locator(".cell-output svg").first().waitFor();
  await page.waitForTimeout(100);
  await page.waitForFunction(() => document.querySelectorAll(".cell--pending").length === 0);
}

/** The tokens the lesson's weights heatmap is drawn over (its column labels). */
async function heatmapKeys(page: Page): Promise<string[]> {
  return page.locator('figure.chart svg g[aria-label="x-axis tick label"]').first().locator("text").allTextContents();
}

describe("links that keep your values", () => {
  it("a shared link restores changed values after a fresh load, and Reset values returns to the defaults", async () => {
    const { page, errors } = await openPage(browser);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(`${baseURL()}#/lessons/${SLUG}`);
    await settled(page);
    const dk = page.getByRole("slider", { name: "Key size dₖ" });
    const sentence = page.getByRole("textbox", { name: "Sentence" });
    expect(await dk.inputValue()).toBe("4");

    // Change two inputs the way a reader does.
    await dk.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
    await sentence.fill(SENTENCE);
    await page.waitForFunction((n) => document.querySelectorAll('figure.chart svg g[aria-label="x-axis tick label"]')[0]?.querySelectorAll("text").length === n, 6);
    await settled(page);

    await page.getByRole("button", { name: "Copy link to these values" }).click();
    await page.getByRole("status").filter({ hasText: /^Link copied/ }).waitFor();
    const link = page.url();
    expect(link).toContain(`#/lessons/${SLUG}?`);
    const values = new URLSearchParams(link.split("?")[1]);
    expect(Object.fromEntries(values)).toEqual({ sentence: SENTENCE, dk: "9" });
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    // A fresh browser profile opens the link: the values come back, and the charts follow them.
    const fresh = await openPage(browser);
    await fresh.page.goto(link);
    await fresh.page.getByRole("status").filter({ hasText: /^This link set 2 values/ }).waitFor();
    await settled(fresh.page);
    expect(await fresh.page.getByRole("slider", { name: "Key size dₖ" }).inputValue()).toBe("9");
    expect(await fresh.page.getByRole("textbox", { name: "Sentence" }).inputValue()).toBe(SENTENCE);
    expect(await heatmapKeys(fresh.page)).toEqual(SENTENCE.split(" "));
    expect(await fresh.page.locator(".lesson-body").innerText()).toContain("are 6x9");

    // Reset values: the defaults again, and a URL without values.
    await fresh.page.getByRole("button", { name: "Reset values" }).click();
    await fresh.page.getByRole("status").filter({ hasText: /reset to the lesson's defaults/ }).waitFor();
    await settled(fresh.page);
    expect(await fresh.page.getByRole("slider", { name: "Key size dₖ" }).inputValue()).toBe("4");
    expect(await heatmapKeys(fresh.page)).toEqual("the cat sat on the mat".split(" "));
    expect(fresh.page.url()).toMatch(new RegExp(`#/lessons/${SLUG}$`));
    expect(errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
    await page.context().close();
    await fresh.page.context().close();
  });

  it("a link that sets a value depending on another (the query token of a new sentence) restores both", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${baseURL()}#/lessons/${SLUG}?sentence=${encodeURIComponent("one two three four")}&focus=3`);
    await page.getByRole("status").filter({ hasText: /^This link set 2 values/ }).waitFor();
    await settled(page);
    const focus = page.getByRole("combobox", { name: "Query token" });
    expect(await focus.locator("option:checked").innerText()).toBe("3: four");
    expect(await page.locator(".lesson-body").innerText()).toContain("Query “four” puts the most weight");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("a link with an unknown or malformed value ignores it and still opens the lesson", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(`${baseURL()}#/lessons/${SLUG}?dk=lots&nosuch=1`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await settled(page);
    await page.waitForTimeout(300);
    expect(await page.getByRole("slider", { name: "Key size dₖ" }).inputValue()).toBe("4");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
