// How a lesson arrives: its text first (from the small lesson module, drawn by the entry script), then
// the live notebook; and when the notebook's code can't be downloaded, the text stays and says why.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Route } from "playwright-core";
import { baseURL, launch, openPage } from "./browser.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const NOTEBOOK = /\/assets\/lesson-page-[\w-]+\.js$/;

describe("loading a lesson", () => {
  it("shows the lesson's title and prose while the notebook is still on its way, then brings the cells to life", async () => {
    const { page, errors } = await openPage(browser);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let requested = 0;
    await page.route(NOTEBOOK, async (route: Route) => {
      requested++;
      await held;
      await route.continue();
    });
    await page.goto(`${baseURL()}#/lessons/02-queries-keys-values`);
    await page.getByRole("heading", { level: 1, name: "Queries, keys and values" }).waitFor();
    await page.getByRole("heading", { level: 2 }).first().waitFor();
    expect(requested).toBeGreaterThan(0); // the notebook was asked for at once, and is still held back
    expect(await page.locator(".cell-output").count()).toBe(0);
    expect(await page.locator(".lesson-body").innerText()).toContain("attention");
    release();
    await page.locator(".cell-output svg").first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll(".cell--pending").length === 0);
    expect(await page.locator(".cell-error").count()).toBe(0);
    expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1); // the same page, brought to life, not drawn twice
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("keeps the text and says what failed when the notebook's code can't be downloaded", async () => {
    const { page } = await openPage(browser);
    await page.route(NOTEBOOK, (route: Route) => route.abort("internetdisconnected"));
    await page.goto(`${baseURL()}#/lessons/03-scaling`);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/could not be loaded .*Check your connection and reload the page/);
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("Why divide by √dₖ");
    expect(await page.locator(".lesson-body h2").count()).toBeGreaterThan(1);
    await page.context().close();
  });
});
