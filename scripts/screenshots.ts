// Screenshots for the README and docs/: the home page and every lesson, light, dark and phone width.
// `npm run screenshots` builds the site, serves it with `vite preview`, drives Chromium, and writes PNGs
// to docs/screenshots/. Deterministic: every lesson's random draws are seeded.
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";
import { build, preview } from "vite";
import { CHROMIUM_ARGS, findChromium } from "../test/e2e/chromium.ts";

const OUT = "docs/screenshots";
const only = process.argv.slice(2);

async function settle(page: Page): Promise<void> {
  await page.locator(".cell-output svg").first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll(".cell--pending").length === 0);
  await page.waitForTimeout(300);
}

const outDir = mkdtempSync(join(tmpdir(), "attention-shots-"));
await build({ logLevel: "warn", build: { outDir, emptyOutDir: true } });
const server = await preview({ logLevel: "warn", build: { outDir }, preview: { port: 4390, host: "127.0.0.1" } });
const base = server.resolvedUrls?.local[0] ?? "http://127.0.0.1:4390/";
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
mkdirSync(OUT, { recursive: true });
const lessons = readdirSync("lessons").filter((d) => /^\d\d-/.test(d)).sort();
const views = [
  { name: "light", width: 1200, scheme: "light" as const, clip: 1400 },
  { name: "dark", width: 1200, scheme: "dark" as const, clip: 1400 },
  { name: "phone", width: 390, scheme: "light" as const, clip: 1600 },
];
try {
  for (const view of views) {
    const context = await browser.newContext({ viewport: { width: view.width, height: 900 }, colorScheme: view.scheme });
    const page = await context.newPage();
    await page.goto(base);
    await page.getByRole("navigation", { name: "Lessons" }).waitFor();
    await page.screenshot({ path: `${OUT}/home-${view.name}.png` });
    for (const slug of lessons) {
      if (only.length && !only.includes(slug)) continue;
      await page.goto(`${base}#/lessons/${slug}`);
      await settle(page);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.screenshot({ path: `${OUT}/${slug}-${view.name}.png`, fullPage: true, clip: { x: 0, y: 0, width: view.width, height: Math.min(height, view.clip) } });
    }
    await context.close();
  }
  // The README's picture: the first lesson's weights, where the charts are.
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 }, colorScheme: "light" });
  const page = await context.newPage();
  await page.goto(`${base}#/lessons/02-queries-keys-values`);
  await settle(page);
  await page.getByRole("heading", { name: "Scores: how well does each key answer each query?" }).evaluate((el) => el.scrollIntoView());
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${OUT}/readme.png` });
  await context.close();
  console.log(`screenshots written to ${OUT}/`);
} finally {
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
