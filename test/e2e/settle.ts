// Waiting for a lesson: ready (a chart drawn, no cell computing) or complete (every exercise mounted too).
import type { Page } from "playwright-core";
import { baseURL } from "./browser.ts";

/**
 * Opens lesson `slug` (at `section`, such as "/exercises", if given) and waits for its first chart
 * (or the `ready` selector) and until no cell computes. Lighter than settleLesson: exercises may
 * still be mounting. `timeout` (ms) bounds both waits; Playwright's default when not given.
 */
export async function openLesson(page: Page, slug: string, options: { section?: string; ready?: string; timeout?: number } = {}): Promise<void> {
  const { section = "", ready = ".cell-output svg", timeout } = options;
  const wait = timeout === undefined ? {} : { timeout };
  await page.goto(`${baseURL()}#/lessons/${slug}${section}`);
  await page.locator(ready).first().waitFor(wait);
  await page.waitForFunction(() => document.querySelectorAll(".cell--pending").length === 0, undefined, wait);
}

/** Opens `hash` and waits for its h1 (and, on a lesson, for its charts and exercises). */
export async function openAndSettle(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  if (url.includes("#/lessons/")) await settleLesson(page);
}

/**
 * Waits until charts are drawn, no cell computes, and every exercise (mounted lazily, by an
 * IntersectionObserver) is built with its code editor; then scrolls back to the top.
 */
export async function settleLesson(page: Page): Promise<void> {
  await page.locator(".cell-output").first().waitFor();
  // Quiet twice in a row: a cell may start computing right after another settles.
  for (let quiet = 0; quiet < 2; quiet++) {
    await page.waitForTimeout(50);
    await page.waitForFunction(() => document.querySelectorAll(".cell--pending").length === 0, null, { timeout: 20_000 });
  }
  const placeholders = page.locator("[data-exercise]");
  for (let i = 0; i < (await placeholders.count()); i++) await placeholders.nth(i).scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const all = [...document.querySelectorAll("[data-exercise]")];
    const code = document.querySelectorAll(".exercise-box--code").length;
    return all.every((el) => el.querySelector(".exercise-box")) && document.querySelectorAll(".exercise-box--code .cm-editor").length === code;
  });
  await page.evaluate(() => window.scrollTo(0, 0));
}
