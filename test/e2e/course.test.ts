// The course in a real Chromium against `vite preview`: the home page, each lesson, each input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { baseURL, launch, openPage, screenshot } from "./browser.ts";
import { lessonsOnDisk } from "./lessons.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const lessons = lessonsOnDisk();

/** Serialised charts of the page, to tell whether any redrew. */
async function charts(page: Page): Promise<string[]> {
  return page.$$eval(".cell-output svg, .cell-output figure", (nodes) => nodes.map((n) => n.outerHTML));
}

async function openLesson(page: Page, slug: string): Promise<void> {
  await page.goto(`${baseURL()}#/lessons/${slug}`);
  await page.locator(".cell-output svg").first().waitFor();
  // Let every cell settle: nothing still computing.
  await page.waitForFunction(() => document.querySelectorAll(".cell--pending").length === 0);
}

describe("home", () => {
  it("lists every lesson in order, each a link named by its title", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(baseURL());
    const nav = page.getByRole("navigation", { name: "Lessons" });
    await nav.getByRole("link").first().waitFor();
    const names = await nav.getByRole("link").allInnerTexts();
    expect(names).toEqual(lessons.map((l) => l.title));
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe("Attention, Interactively");
    await screenshot(page, "home");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("opens a lesson from its link, and the lesson's URL survives a reload", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(baseURL());
    await page.getByRole("link", { name: lessons[0].title, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: lessons[0].title }).waitFor();
    expect(page.url()).toContain(`#/lessons/${lessons[0].slug}`);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: lessons[0].title }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows a page-not-found with a link home for an unknown route", async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseURL()}#/no/such/page`);
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await page.getByRole("link", { name: "Go to all lessons" }).click();
    await page.getByRole("navigation", { name: "Lessons" }).waitFor();
    await page.context().close();
  });
});

describe.each(lessons)("lesson $slug", ({ slug, title }) => {
  it("loads with its title, charts and no console error", async () => {
    const { page, errors } = await openPage(browser);
    await openLesson(page, slug);
    await expect(page.getByRole("heading", { level: 1 }).innerText()).resolves.toBe(title);
    expect(await page.locator(".cell-error").count()).toBe(0);
    expect((await charts(page)).length).toBeGreaterThanOrEqual(2);
    await screenshot(page, `${slug}-light`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("redraws a chart when each input changes", async () => {
    const { page, errors } = await openPage(browser);
    await openLesson(page, slug);
    const inputs = page.locator(".cell-output form input[type=range], .cell-output form input[type=text], .cell-output form select");
    const count = await inputs.count();
    expect(count).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < count; i++) {
      const input = inputs.nth(i);
      const label = await input.evaluate((el) => (el.closest("form")?.querySelector("label")?.textContent ?? el.id).trim());
      const before = await charts(page);
      const kind = await input.evaluate((el) => (el instanceof HTMLSelectElement ? "select" : (el as HTMLInputElement).type));
      if (kind === "select") {
        const values = await input.evaluate((el) => [...(el as HTMLSelectElement).options].map((o) => o.value));
        const current = await input.inputValue();
        await input.selectOption(values.find((v) => v !== current) ?? values[0]);
      } else if (kind === "range") {
        await input.evaluate((el) => {
          const range = el as HTMLInputElement;
          const [min, max, value] = [Number(range.min), Number(range.max), Number(range.value)];
          range.value = String(value + (max - min) / 3 <= max ? value + (max - min) / 3 : min);
          range.dispatchEvent(new Event("input", { bubbles: true }));
        });
      } else {
        await input.fill("a query looks at every key");
      }
      await page.waitForFunction(
        (old) => {
          const now = [...document.querySelectorAll(".cell-output svg, .cell-output figure")].map((n) => n.outerHTML);
          return now.length !== old.length || now.some((html, k) => html !== old[k]);
        },
        before,
        { timeout: 5000 },
      ).catch(() => {
        throw new Error(`changing "${label}" redrew no chart`);
      });
    }
    expect(await page.locator(".cell-error").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("is readable in dark mode and at phone width without sideways scrolling", async () => {
    const { page, errors } = await openPage(browser, { width: 390, colorScheme: "dark" });
    await openLesson(page, slug);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const colors = await page.evaluate(() => {
      const style = getComputedStyle(document.body);
      return { bg: style.backgroundColor, fg: style.color };
    });
    expect(colors.bg).not.toBe("rgb(255, 255, 255)");
    expect(colors.bg).not.toBe(colors.fg);
    await screenshot(page, `${slug}-dark-phone`);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("kernel source", () => {
  it("opens attention.ts from a lesson link, highlighted, with a way back", async () => {
    const { page, errors } = await openPage(browser);
    await openLesson(page, lessons.find((l) => l.slug === "02-queries-keys-values")?.slug ?? lessons[0].slug);
    await page.getByRole("link", { name: "attention() in the kernel" }).click();
    const source = page.getByRole("region", { name: "Source of attention.ts" });
    await source.waitFor();
    expect(await source.innerText()).toContain("export function attention(");
    expect(await source.locator(".tok-keyword").count()).toBeGreaterThan(5);
    await page.getByRole("link", { name: "← Back to the lesson" }).click();
    await page.getByRole("heading", { level: 1, name: "Queries, keys and values" }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
