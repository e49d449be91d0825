// The browser part of npm run bench: builds the site, serves it with `vite preview`, and drives Chromium
// (found as the end-to-end tests find it; never downloaded) through every lesson under lessons/:
//   - navigation → first chart painted, cold (a fresh browser context, so nothing cached), median of runs;
//   - dragging each range input → every chart that depends on it redrawn and painted, median and p95;
//   - the gzip size of the JavaScript the page loads: the entry, and each lesson page with its chunks.
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { build, preview } from "vite";
import { findChromium } from "../../test/e2e/chromium.ts";
import { median, quantile } from "./measure.ts";
import { describeRange, watchFirstChart, watchRedraws, type BenchWindow } from "./page.ts";
import { kb, ms, table, verdict } from "./table.ts";
import { freePort } from "../../test/e2e/ports.ts";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** esbuild (under tsx) wraps named functions in __name(); functions sent to the page need it defined. */
const NAME_SHIM = "globalThis.__name = (f) => f;";

interface LessonResult {
  slug: string;
  firstChart: number[];
  /** Navigation → the lesson's title and prose painted. */
  firstText: number[];
  /** The same page, finished and saved as plain HTML (no script): when its first chart is painted. */
  staticCopy: number[];
  /** Per range input: its label, how many charts depend on it, and the timings of the changes. */
  ranges: { label: string; charts: number; painted: number[]; dom: number[]; timeouts: number }[];
  /** JavaScript files loaded by the time the page settled, and after scrolling through it. */
  js: Set<string>;
  jsAfterScroll: Set<string>;
}

export async function benchBrowser(options: { quick?: boolean } = {}): Promise<void> {
  const runs = options.quick ? 2 : 5;
  const changes = options.quick ? 10 : 30;
  const chromiumPath = findChromium();
  const outDir = mkdtempSync(join(tmpdir(), "attention-bench-site-"));
  let browser: Browser | undefined;
  let server: Awaited<ReturnType<typeof preview>> | undefined;
  try {
    const started = performance.now();
    const output = await build({ logLevel: "error", build: { outDir, emptyOutDir: true, sourcemap: false } });
    console.log(`Browser: ${chromiumPath}, site built by vite in ${Math.round(performance.now() - started)} ms, served by vite preview`);
    const chunks = chunkModules(output);
    const port = await freePort();
    server = await preview({ logLevel: "warn", build: { outDir }, preview: { port, strictPort: true, host: "127.0.0.1" } });
    const base = `http://127.0.0.1:${port}/`;
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, headless: true });
    console.log(`Chromium ${browser.version()}; first chart: median of ${runs} cold loads; redraw: ≥ ${changes} drags of each range input\n`);

    const gz = gzipSizer(outDir);
    const entry = entryFiles(outDir);
    const results: LessonResult[] = [];
    for (const slug of lessonSlugs()) {
      try {
        results.push(await benchLesson(browser, base, outDir, slug, runs, changes));
        process.stderr.write(`  lesson ${slug} done\n`);
      } catch (error) {
        console.log(`  ${slug}: not measured: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      }
    }

    const rows = results.map((r) => {
      const painted = r.ranges.flatMap((x) => x.painted);
      const dom = r.ranges.flatMap((x) => x.dom);
      const loaded = [...r.js].reduce((sum, f) => sum + gz(f), 0);
      const scrolled = [...r.jsAfterScroll].reduce((sum, f) => sum + gz(f), 0);
      const inputs = r.ranges.filter((x) => x.charts > 0).length;
      return [
        r.slug,
        ms(median(r.firstText)),
        ms(median(r.firstChart)),
        ms(median(r.staticCopy)),
        painted.length ? ms(median(painted)) : "—",
        painted.length ? ms(quantile(painted, 0.95)) : "—",
        dom.length ? `${ms(median(dom))} / ${ms(quantile(dom, 0.95))}` : "—",
        `${inputs}/${r.ranges.length}, ${painted.length}`,
        kb(loaded),
        kb(scrolled),
      ];
    });
    console.log(table(["lesson", "text", "first chart", "static copy", "redraw p50", "redraw p95", "in DOM p50 / p95", "ranges, changes", "JS gzip", "+ on scroll"], rows, [1, 2, 3, 4, 5, 6, 8, 9]));
    console.log("text: navigation start → the lesson's title and prose painted. first chart: → first .cell-output svg painted. static copy: the same, for the finished page saved");
    console.log("as HTML without scripts (what no JavaScript at all would take: the machine's floor). redraw: range input event → every chart that");
    console.log("depends on it replaced and that frame painted (inputs dragged with the mouse, as a reader would); in DOM:");
    console.log("→ the last of those charts replaced, before style, layout and paint.");
    console.log("JS gzip: every script the page loaded until its cells settled (entry + lazy chunks); + on scroll: more loaded");
    console.log("after scrolling to the end (exercises' code editor). gzip -9 of the built files.\n");

    for (const r of results) {
      const detail = r.ranges.map((x) =>
        x.charts === 0 ? `"${x.label}" redraws no chart` : `"${x.label}" ${x.charts} chart(s): p50 ${ms(median(x.painted))}, p95 ${ms(quantile(x.painted, 0.95))} (in DOM p50 ${ms(median(x.dom))})${x.timeouts ? `, ${x.timeouts} timed out` : ""}`,
      );
      console.log(`  ${r.slug}: ${detail.join("; ") || "no range input"}`);
    }

    const entryGzip = entry.reduce((sum, f) => sum + gz(f), 0);
    console.log(`\nEntry JavaScript (index.html's module script and its static imports): ${entry.map((f) => `${f} ${kb(gz(f))}`).join(", ")}; total ${kb(entryGzip)} gzip`);
    const heaviest = biggestPage(results, gz);
    if (heaviest) {
      const files = [...heaviest.js].sort((a, b) => gz(b) - gz(a)).map((f) => `${f.replace(/^assets\//, "")} ${kb(gz(f))}`);
      console.log(`\nScripts ${heaviest.slug} loads: ${files.join(", ")}`);
      console.log("Where they go (each chunk's gzip size shared among its modules by their share of its code):");
      console.log(breakdown([...heaviest.js], chunks, gz));
    }

    console.log("\nTargets (reported, never asserted):");
    const worstFirst = Math.max(...results.map((r) => median(r.firstChart)));
    const p95s = results.flatMap((r) => r.ranges.flatMap((x) => x.painted));
    const worstP95 = Math.max(...results.filter((r) => r.ranges.some((x) => x.painted.length)).map((r) => quantile(r.ranges.flatMap((x) => x.painted), 0.95)));
    const slowest = results.find((r) => median(r.firstChart) === worstFirst);
    const floor = slowest && slowest.staticCopy.length ? `; its page saved as static HTML: ${ms(median(slowest.staticCopy))}` : "";
    console.log("  " + verdict(worstFirst <= 200, "every lesson: first chart ≤ 200 ms", `slowest ${ms(worstFirst)} (${slowest?.slug}${floor})`));
    const measured = results.filter((r) => r.ranges.some((x) => x.dom.length));
    const worstDom = Math.max(...measured.map((r) => quantile(r.ranges.flatMap((x) => x.dom), 0.95)));
    console.log("  " + verdict(p95s.length > 0 && worstP95 <= 16, "every lesson: input → redraw p95 ≤ 16 ms", `worst lesson p95 ${ms(worstP95)} painted; ${ms(worstDom)} in the DOM, before style, layout and paint`));
    console.log("  " + verdict(entryGzip <= 200 * 1024, "entry JavaScript ≤ 200 KB gzip", kb(entryGzip)));
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function benchLesson(browser: Browser, base: string, outDir: string, slug: string, runs: number, changes: number): Promise<LessonResult> {
  const url = `${base}#/lessons/${slug}`;
  const result: LessonResult = { slug, firstChart: [], firstText: [], staticCopy: [], ranges: [], js: new Set(), jsAfterScroll: new Set() };
  for (let run = 0; run < runs; run++) {
    const context = await newContext(browser);
    const scripts = collectScripts(context, base);
    const page = await context.newPage();
    await page.addInitScript(watchFirstChart);
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as BenchWindow).__firstChart?.painted !== undefined, undefined, { timeout: 30_000 }).catch(async () => {
      const errors = await page.locator(".cell-error").allInnerTexts();
      throw new Error(`no chart 30 s after navigation${errors.length ? `; ${errors.length} cell error(s), first: ${errors[0]}` : ""}`);
    });
    const marks = await page.evaluate(() => {
      const w = window as unknown as BenchWindow;
      return { chart: w.__firstChart!.painted!, text: w.__firstText?.painted ?? NaN };
    });
    result.firstChart.push(marks.chart);
    result.firstText.push(marks.text);
    if (run === 0) {
      await settle(page);
      scripts.forEach((f) => result.js.add(f));
      await scrollThrough(page);
      scripts.forEach((f) => result.jsAfterScroll.has(f) || result.js.has(f) || result.jsAfterScroll.add(f));
    }
    await context.close();
  }

  // Input latency: a page of its own, with every cell settled, each range input dragged across its track.
  const context = await newContext(browser);
  const page = await context.newPage();
  await page.goto(url);
  await page.locator(".cell-output svg").first().waitFor({ timeout: 30_000 });
  await settle(page);
  const errors = await page.locator(".cell-error").allInnerTexts();
  if (errors.length > 0) console.log(`  ${slug}: ${errors.length} cell error(s), first: ${errors[0]}`);
  // The floor for "first chart": the finished page saved as HTML without its scripts, loaded cold.
  const copy = `static-${slug}.html`;
  const html = await page.evaluate(() => {
    for (const element of document.querySelectorAll("script, link[rel=modulepreload]")) element.remove();
    return `<!doctype html>${document.documentElement.outerHTML}`;
  });
  writeFileSync(join(outDir, copy), html);
  writeFileSync(join(outDir, `${copy}.gz`), gzipSync(html, { level: 9 })); // served as the built files are
  await page.reload();
  await page.locator(".cell-output svg").first().waitFor({ timeout: 30_000 });
  await settle(page);
  const count = await page.locator(".cell-output input[type=range]").count();
  for (let index = 0; index < count; index++) result.ranges.push(await benchRange(page, index, changes));
  await context.close();
  for (let run = 0; run < runs; run++) {
    const cold = await newContext(browser);
    const staticPage = await cold.newPage();
    await staticPage.addInitScript(watchFirstChart);
    await staticPage.goto(`${base}${copy}`);
    await staticPage.waitForFunction(() => (window as unknown as BenchWindow).__firstChart?.painted !== undefined, undefined, { timeout: 30_000 });
    result.staticCopy.push(await staticPage.evaluate(() => (window as unknown as BenchWindow).__firstChart!.painted!));
    await cold.close();
  }
  return result;
}

/** Drags range input `index` back and forth until `changes` changes have been timed (after 2 to calibrate). */
async function benchRange(page: Page, index: number, changes: number): Promise<LessonResult["ranges"][number]> {
  const calibrate = 2;
  const range = page.locator(".cell-output input[type=range]").nth(index);
  await range.scrollIntoViewIfNeeded();
  const { label, min, max, step } = await page.evaluate(describeRange, index);
  await page.evaluate(watchRedraws, { index, calibrate });
  const box = (await range.boundingBox())!;
  const positions = Math.max(2, Math.min(60, Math.round((max - min) / step) + 1));
  const y = box.y + box.height / 2;
  const xAt = (k: number): number => box.x + 8 + ((box.width - 16) * k) / (positions - 1); // the thumb is ~16 px wide
  const done = (): Promise<{ inputs: number; done: number }> =>
    page.evaluate(() => {
      const s = (window as unknown as BenchWindow).__redraw!;
      return { inputs: s.inputs, done: s.done };
    });
  const idle = async (): Promise<void> => {
    await page.waitForFunction(() => {
      const s = (window as unknown as BenchWindow).__redraw!;
      return s.done === s.inputs;
    }, undefined, { timeout: 10_000, polling: 16 });
  };
  await page.mouse.move(xAt(0), y);
  await page.mouse.down();
  await idle();
  let k = 0, direction = 1, moves = 0;
  while ((await done()).done < calibrate + changes && moves < 20 * (calibrate + changes)) {
    if (k + direction < 0 || k + direction >= positions) direction = -direction;
    k += direction;
    moves++;
    await page.mouse.move(xAt(k), y);
    await idle();
    // A dragged input that redraws no chart: stop once calibration says so.
    const dependents = await page.evaluate(() => (window as unknown as BenchWindow).__redraw!.dependents?.size ?? -1);
    if (dependents === 0 && (await done()).done >= calibrate) break;
  }
  await page.mouse.up();
  await idle();
  const state = await page.evaluate(() => {
    const s = (window as unknown as BenchWindow).__redraw!;
    return { charts: s.dependents?.size ?? 0, painted: s.painted, dom: s.dom, timeouts: s.timeouts };
  });
  return { label, ...state };
}

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, colorScheme: "light" });
  await context.addInitScript({ content: NAME_SHIM });
  return context;
}

/** Paths (relative to the site) of every JavaScript file the context requests, as they come. */
function collectScripts(context: BrowserContext, base: string): Set<string> {
  const files = new Set<string>();
  context.on("request", (request) => {
    const url = request.url();
    if (url.startsWith(base) && url.split("?")[0].endsWith(".js")) files.add(url.slice(base.length).split("?")[0]);
  });
  return files;
}

/** Waits until no cell is computing, twice in a row, and lazily loaded code has had time to arrive. */
async function settle(page: Page): Promise<void> {
  for (let quiet = 0; quiet < 2; ) {
    await page.waitForTimeout(100);
    quiet = (await page.locator(".cell--pending").count()) === 0 ? quiet + 1 : 0;
  }
  await page.waitForLoadState("networkidle");
}

async function scrollThrough(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(50);
  }
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(300);
}

function lessonSlugs(): string[] {
  return readdirSync("lessons").filter((name) => /^\d\d-[a-z0-9-]+$/.test(name) && existsSync(`lessons/${name}/index.md`)).sort();
}

/** The entry chunk (index.html's module script) and the chunks it preloads (its static imports). */
function entryFiles(outDir: string): string[] {
  const html = readFileSync(join(outDir, "index.html"), "utf8");
  const srcs = [...html.matchAll(/<script[^>]*type="module"[^>]*src="\.?\/?([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\.?\/?([^"]+)"/g)];
  return srcs.map((m) => m[1]);
}

/** gzip -9 size of a built file, by its path relative to the site, cached. */
function gzipSizer(outDir: string): (file: string) => number {
  const sizes = new Map<string, number>();
  return (file) => {
    let size = sizes.get(file);
    if (size === undefined) sizes.set(file, (size = gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length));
    return size;
  };
}

type Chunks = Map<string, { id: string; code: string }[]>;

/** Each output chunk's file name → the modules in it, with the code each contributes. */
function chunkModules(output: unknown): Chunks {
  const chunks: Chunks = new Map();
  const outputs = (Array.isArray(output) ? output : [output]) as { output?: unknown[] }[];
  for (const o of outputs) {
    for (const item of o.output ?? []) {
      const chunk = item as { type?: string; fileName?: string; modules?: Record<string, { code?: string | null }> };
      if (chunk.type !== "chunk" || !chunk.fileName) continue;
      chunks.set(chunk.fileName, Object.entries(chunk.modules ?? {}).map(([id, m]) => ({ id, code: m.code ?? "" })));
    }
  }
  return chunks;
}

function biggestPage(results: LessonResult[], gz: (file: string) => number): LessonResult | undefined {
  const total = (r: LessonResult): number => [...r.js].reduce((sum, f) => sum + gz(f), 0);
  return [...results].sort((a, b) => total(b) - total(a))[0];
}

/**
 * The page's JavaScript by npm package (or our own folder), largest first: each chunk's real gzip size,
 * shared out among its modules in proportion to their code (before minification, as the bundler reports it).
 */
function breakdown(files: string[], chunks: Chunks, gz: (file: string) => number): string {
  const groups = new Map<string, { gzip: number; chunks: Set<string> }>();
  for (const file of files) {
    const modules = chunks.get(file) ?? [];
    const total = modules.reduce((sum, m) => sum + m.code.length, 0);
    for (const { id, code } of modules) {
      const group = groups.get(groupOf(id)) ?? { gzip: 0, chunks: new Set<string>() };
      group.gzip += total > 0 ? (gz(file) * code.length) / total : 0;
      group.chunks.add(file.replace(/^assets\//, "").replace(/-[\w-]{8}\.js$/, ""));
      groups.set(groupOf(id), group);
    }
  }
  const rows = [...groups.entries()].sort((a, b) => b[1].gzip - a[1].gzip).filter(([, g]) => g.gzip >= 1024);
  return table(["package or folder", "≈ gzip", "in chunk"], rows.map(([name, g]) => [name, kb(g.gzip), [...g.chunks].join(", ")]), [1]);
}

function groupOf(id: string): string {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (nm) return nm[1] === "d3" || nm[1].startsWith("d3-") ? "d3, d3-*" : nm[1];
  const own = /\/(src\/[^/]+|lessons\/[^/]+)\//.exec(id);
  return own ? own[1] : id.replace(/^\0/, "");
}

