// axe-core in a real Chromium: the home page, every lesson (charts settled, exercises mounted, every
// heatmap's table open), the kernel page and the 404, in light and dark themes. No serious or critical
// violation may remain; the failure lists rule, impact and the first elements it found.
import AxeBuilder from "@axe-core/playwright";
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

const THEMES = ["light", "dark"] as const;
const pages = [
  { name: "home", hash: "#/" },
  ...lessonsOnDisk().map((l) => ({ name: `lesson ${l.slug}`, hash: `#/lessons/${l.slug}` })),
  { name: "kernel page", hash: "#/kernel/attention.ts" },
  { name: "page not found", hash: "#/no/such/page" },
];

/** The serious and critical violations, one line each: rule, impact, the first few targets. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => {
      const where = v.nodes.slice(0, 4).map((n) => `${n.target.join(" ")} [${(n.failureSummary ?? "").split("\n").slice(1).join(" ").trim()}]`);
      return `${v.id} (${v.impact}): ${v.help} — ${where.join("; ")}${v.nodes.length > 4 ? ` (+${v.nodes.length - 4} more)` : ""}`;
    });
}

describe.each(pages)("axe on $name", ({ hash }) => {
  it.each(THEMES)("finds no serious or critical violation in the %s theme", async (theme) => {
    const { page } = await openPage(browser, { colorScheme: theme });
    await openAndSettle(page, `${baseURL()}${hash}`);
    // Heatmaps' tables are part of the page too: check them open (their cells carry the chart's colours).
    const toggles = page.getByRole("button", { name: "Show as table" });
    while ((await toggles.count()) > 0) await toggles.first().click();
    const violations = await seriousViolations(page);
    expect(violations, violations.join("\n")).toEqual([]);
    await page.context().close();
  });
});
