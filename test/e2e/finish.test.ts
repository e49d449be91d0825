// The finish: no page scrolls sideways on a 390 px phone (tables open too), a lesson prints without
// its controls, every page has its own title, and the site has a favicon and a social preview.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { baseURL, launch, openPage } from "./browser.ts";
import { lessonsOnDisk } from "./lessons.ts";
import { openAndSettle } from "./settle.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const lessons = lessonsOnDisk();
const pages = [
  { name: "home", hash: "#/" },
  ...lessons.map((l) => ({ name: `lesson ${l.slug}`, hash: `#/lessons/${l.slug}` })),
  { name: "kernel page", hash: "#/kernel/attention.ts" },
  { name: "page not found", hash: "#/no/such/page" },
];

/** How far the page scrolls sideways, in px (0 when it fits). */
function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe.each(pages)("at 390 px, $name", ({ hash }) => {
  it("does not scroll sideways, in either theme, with every heatmap's table open", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      const { page, errors } = await openPage(browser, { width: 390, colorScheme });
      await openAndSettle(page, `${baseURL()}${hash}`);
      expect(await sideways(page), `${colorScheme} theme`).toBeLessThanOrEqual(0);
      const toggles = page.getByRole("button", { name: "Show as table" });
      while ((await toggles.count()) > 0) await toggles.first().click();
      expect(await sideways(page), `${colorScheme} theme, tables open`).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });
});

describe("finish", () => {
  it("every lesson has its own page title, and so do the home, kernel and 404 pages", async () => {
    const { page } = await openPage(browser);
    for (const { slug, title } of lessons) {
      await page.goto(`${baseURL()}#/lessons/${slug}`);
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      expect(await page.title()).toBe(`${title} · Attention, Interactively`);
    }
    await page.goto(`${baseURL()}#/kernel/softmax.ts`);
    await page.getByRole("region", { name: "Source of softmax.ts" }).waitFor();
    expect(await page.title()).toBe("src/kernel/softmax.ts · Attention, Interactively");
    await page.goto(`${baseURL()}#/no/such/page`);
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    expect(await page.title()).toBe("Page not found · Attention, Interactively");
    await page.goto(baseURL());
    await page.getByRole("navigation", { name: "Lessons" }).waitFor();
    expect(await page.title()).toBe("Attention, Interactively");
    await page.context().close();
  });

  it("has a favicon and a social preview whose image is served", async () => {
    const { page } = await openPage(browser);
    await page.goto(baseURL());
    const meta = await page.evaluate(() => {
      const get = (sel: string) => document.head.querySelector(sel)?.getAttribute("content") ?? document.head.querySelector(sel)?.getAttribute("href") ?? null;
      return {
        icon: get('link[rel="icon"]'),
        title: get('meta[property="og:title"]'),
        description: get('meta[property="og:description"]'),
        image: get('meta[property="og:image"]'),
        card: get('meta[name="twitter:card"]'),
      };
    });
    expect(meta.title).toBe("Attention, Interactively");
    expect(meta.description?.length).toBeGreaterThan(40);
    expect(meta.card).toBe("summary_large_image");
    for (const asset of [meta.icon, meta.image]) {
      const response = await page.request.get(new URL(asset ?? "missing", baseURL()).href);
      expect(response.status(), String(asset)).toBe(200);
    }
    await page.context().close();
  });

  it("prints a lesson with its text, charts and visible code, but without header controls or buttons", async () => {
    const { page } = await openPage(browser, { colorScheme: "dark" });
    await openAndSettle(page, `${baseURL()}#/lessons/02-queries-keys-values`);
    await page.emulateMedia({ media: "print" });
    const shown = (selector: string) => page.locator(selector).first().evaluate((el) => getComputedStyle(el).display !== "none" && el.getBoundingClientRect().height > 0);
    expect(await shown(".theme-toggle")).toBe(false);
    expect(await shown(".lesson-tools")).toBe(false);
    expect(await shown(".chart-toggle")).toBe(false);
    expect(await shown(".pager")).toBe(false);
    expect(await shown(".exercise__actions")).toBe(false);
    expect(await shown("h1")).toBe(true);
    expect(await shown("figure.chart svg")).toBe(true);
    expect(await shown(".cell-source[open] pre")).toBe(true);
    // Black on white, whatever the screen's theme.
    const colors = await page.evaluate(() => ({ bg: getComputedStyle(document.body).backgroundColor, fg: getComputedStyle(document.body).color }));
    expect(colors).toEqual({ bg: "rgb(255, 255, 255)", fg: "rgb(0, 0, 0)" });
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await page.context().close();
  });

  it("dark mode reaches the charts' tables and the code editor", async () => {
    const { page } = await openPage(browser, { colorScheme: "dark" });
    await openAndSettle(page, `${baseURL()}#/lessons/02-queries-keys-values`);
    const luminance = (selector: string, prop: "backgroundColor" | "color") =>
      page.locator(selector).first().evaluate((el, p) => {
        const [r, g, b] = getComputedStyle(el)[p as "color"].match(/\d+/g)!.map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      }, prop);
    expect(await luminance(".exercise-box .cm-editor", "backgroundColor")).toBeLessThan(0.2);
    expect(await luminance(".exercise-box .cm-content", "color")).toBeGreaterThan(0.7);
    expect(await luminance(".chart-toggle", "backgroundColor")).toBeLessThan(0.2);
    await page.getByRole("button", { name: "Show as table" }).first().click();
    expect(await luminance(".heatmap-table tbody th", "color")).toBeGreaterThan(0.7);
    expect(await luminance("figure.chart .chart-summary", "color")).toBeGreaterThan(0.5);
    await page.context().close();
  });
});
