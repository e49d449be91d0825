// The course by keyboard alone: the skip link, a lesson completed without a mouse (an input changed,
// a heatmap opened as a table and walked cell by cell, an exercise solved), a visible focus ring at
// every stop, and a code editor that does not trap Tab (Escape then Tab leaves it).
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { baseURL, launch, openPage } from "./browser.ts";

const LESSON = { slug: "02-queries-keys-values", title: "Queries, keys and values" };
const solution = readFileSync(`lessons/${LESSON.slug}/exercises/dot-scores/solution.ts`, "utf8");

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Focused {
  tag: string;
  name: string;
  type: string;
  role: string;
  inEditor: boolean;
  region: string;
  /** Width of the focus ring in px (the editor's ring is drawn on .cm-editor). */
  ring: number;
}

/** What has focus now, and how visible its focus ring is. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const editor = el.closest(".cm-editor");
    const ringOf = (e: Element) => {
      const s = getComputedStyle(e);
      const outline = s.outlineStyle !== "none" ? parseFloat(s.outlineWidth) : 0;
      const shadow = s.boxShadow !== "none" ? 2 : 0;
      return Math.max(outline, shadow);
    };
    const labelled = el.getAttribute("aria-label") ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? "";
    const region = el.closest("[role=region]");
    return {
      tag: el.tagName.toLowerCase(),
      name: labelled.trim(),
      type: el.getAttribute("type") ?? "",
      role: el.getAttribute("role") ?? "",
      inEditor: editor !== null,
      region: region ? (document.getElementById(region.getAttribute("aria-labelledby") ?? "")?.textContent ?? "") : "",
      ring: editor ? ringOf(editor) : ringOf(el),
    };
  });
}

/**
 * Presses Tab until `wanted` holds for the focused element (at most `limit` times); fails otherwise.
 * Passing a code editor, it presses Escape first, as its hint says (Tab alone indents there).
 */
async function tabTo(page: Page, what: string, wanted: (f: Focused) => boolean, limit = 250): Promise<Focused> {
  for (let i = 0; i < limit; i++) {
    if ((await focused(page)).inEditor) await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    await page.waitForTimeout(15); // exercises mount as they come near the screen
    const f = await focused(page);
    expect(f.ring, `focus ring on ${f.tag} "${f.name.slice(0, 60)}"`).toBeGreaterThanOrEqual(2);
    if (wanted(f)) return f;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Serialised charts of the page, to tell whether one redrew. */
async function charts(page: Page): Promise<string[]> {
  return page.$$eval(".cell-output svg", (nodes) => nodes.map((n) => n.outerHTML));
}

describe("keyboard", () => {
  it("the skip link is the first stop and moves focus to the main content without changing the page", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(baseURL());
    await page.getByRole("navigation", { name: "Lessons" }).waitFor();
    await page.keyboard.press("Tab");
    const first = await focused(page);
    expect(first.name).toBe("Skip to content");
    expect(first.ring).toBeGreaterThanOrEqual(2);
    const box = await page.locator(".skip-link").boundingBox();
    expect(box && box.y >= 0).toBe(true); // on screen once focused
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    expect(new URL(page.url()).hash).toBe("");
    await page.getByRole("navigation", { name: "Lessons" }).waitFor();
    // The next Tab continues inside the main content: the first lesson link.
    await page.keyboard.press("Tab");
    expect((await focused(page)).tag).toBe("a");
    expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("completes a lesson by keyboard alone: an input, a heatmap as a table, an exercise", async () => {
    const { page, errors } = await openPage(browser);
    await page.goto(baseURL());
    await page.getByRole("navigation", { name: "Lessons" }).waitFor();

    // Open the lesson from its link on the home page.
    await tabTo(page, `the link "${LESSON.title}"`, (f) => f.tag === "a" && f.name === LESSON.title);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: LESSON.title }).waitFor();
    await page.locator(".cell-output svg").first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll(".cell--pending").length === 0);

    // Change an input: the key size slider, by arrow key.
    const slider = await tabTo(page, "the key size slider", (f) => f.type === "range" && f.name.startsWith("Key size"));
    expect(slider.name).toBe("Key size dₖ");
    const before = await charts(page);
    await page.keyboard.press("ArrowRight");
    await page.waitForFunction(
      (old) => [...document.querySelectorAll(".cell-output svg")].some((n, k) => n.outerHTML !== old[k]),
      before,
      { timeout: 5000 },
    );
    expect(await page.getByRole("slider", { name: "Key size dₖ" }).inputValue()).toBe("5");

    // Open the first heatmap as a table and walk it with the arrow keys.
    await tabTo(page, 'a "Show as table" button', (f) => f.tag === "button" && f.name === "Show as table");
    await page.keyboard.press("Enter");
    const grid = page.getByRole("grid").first();
    await grid.waitFor();
    expect(await page.locator(".chart-toggle").first().getAttribute("aria-expanded")).toBe("true");
    const cell = await tabTo(page, "the table's first cell", (f) => f.role === "gridcell", 3);
    expect(cell.name).toMatch(/^query 'the', key 'the': −?\d+\.\d\d$/);
    await page.keyboard.press("ArrowRight");
    expect((await focused(page)).name).toMatch(/^query 'the', key 'cat': /);
    await page.keyboard.press("ArrowDown");
    expect((await focused(page)).name).toMatch(/^query 'cat', key 'cat': /);
    await page.keyboard.press("End");
    expect((await focused(page)).name).toMatch(/^query 'cat', key 'mat': /);
    await page.keyboard.press("Control+End");
    expect((await focused(page)).name).toMatch(/^query 'mat', key 'mat': /);
    // One tab stop per grid: Tab leaves it for what follows.
    await page.keyboard.press("Tab");
    expect((await focused(page)).role).not.toBe("gridcell");

    // Solve an exercise: into its editor, write the solution, Escape + Tab to Check, Enter.
    await tabTo(page, "the editor of “Scores as dot products”", (f) => f.inEditor && f.region === "Scores as dot products");
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText(solution);
    await page.keyboard.press("Tab"); // Tab indents: focus stays in the editor
    expect((await focused(page)).inEditor).toBe(true);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    const check = await focused(page);
    expect(check.inEditor).toBe(false);
    expect(check.name).toBe("Check");
    expect(check.region).toBe("Scores as dot products");
    await page.keyboard.press("Enter");
    const status = page.getByRole("region", { name: "Scores as dot products" }).getByRole("status");
    await status.filter({ hasText: /^Correct/ }).waitFor({ timeout: 10_000 });

    // Shift+Tab from Check goes back into the editor, too.
    await page.keyboard.press("Shift+Tab");
    expect((await focused(page)).inEditor).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("the theme toggle, the lesson outline and Previous / Next work from the keyboard", async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseURL()}#/lessons/${LESSON.slug}`);
    await page.getByRole("heading", { level: 1, name: LESSON.title }).waitFor();
    const theme = await tabTo(page, "the theme button", (f) => f.tag === "button" && f.name.startsWith("Theme"));
    await page.keyboard.press("Enter");
    expect((await focused(page)).name).not.toBe(theme.name);
    await tabTo(page, "an outline link", (f) => f.tag === "a" && f.name === "Exercises", 400);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => location.hash.endsWith("/exercises"));
    // Focus follows the jump, so the next Tab continues from the section.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("exercises");
    await tabTo(page, "the Next link", (f) => f.tag === "a" && f.name.startsWith("Next"), 400);
    await page.keyboard.press("Enter");
    await page.waitForFunction((slug) => !location.hash.includes(slug), LESSON.slug);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.context().close();
  });
});
