// Screenshots of exercises as a learner meets them (issue 21): the kernel's docs in the editor, refused
// shortcuts and explained mistakes, numeric answers as arithmetic, named heatmap axes, the reference under
// the editor, hints from idea to code, the shapes diagram and wide math at 390 px, in light and dark.
// `npx tsx scripts/screenshots-exercises.ts [name …]` builds the site, serves it and writes PNGs to
// docs/screenshots/verdicts/ (each cropped to what it shows). Deterministic: lessons are seeded.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Locator, type Page } from "playwright-core";
import { build, preview } from "vite";
import { CHROMIUM_ARGS, findChromium } from "../test/e2e/chromium.ts";

const OUT = "docs/screenshots/verdicts";
const only = process.argv.slice(2);

interface Shot {
  name: string;
  lesson: string;
  width: 1200 | 390;
  scheme: "light" | "dark";
  /** The exercise to open (by title), or a CSS selector for something else on the page. */
  region?: string;
  css?: string;
  /** What the learner does first; returns what to photograph (default: the region, or the selector). */
  act?: (page: Page, region: Locator) => Promise<Locator | Locator[] | void>;
}

async function write(page: Page, region: Locator, code: string): Promise<void> {
  await region.getByRole("textbox").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

async function check(region: Locator): Promise<void> {
  await region.getByRole("button", { name: "Check", exact: true }).click();
  await region.getByRole("status").filter({ hasNotText: /^Checking/ }).filter({ hasText: /\S/ }).waitFor({ timeout: 15_000 });
}

const grad = (body: string): string => `import { zeros, type Matrix } from "kernel";
export function softmaxGrad(y: Matrix, dy: Matrix): Matrix {
  const n = y.cols;
  const dx = zeros(y.rows, n);
  for (let i = 0; i < y.rows; i++) {
${body}
  }
  return dx;
}
`;

const completion = async (page: Page, region: Locator): Promise<Locator> => {
  await write(page, region, 'import { zeros, type Matrix } from "kernel";\nexport function softmaxGrad(y: Matrix, dy: Matrix): Matrix {\n  return ');
  await page.keyboard.type("softmaxB", { delay: 30 });
  await page.locator(".cm-completionInfo").waitFor();
  return region.locator(".exercise__work");
};
const numeric = (answer: string) => async (_page: Page, region: Locator): Promise<void> => {
  await region.getByRole("textbox", { name: "Your answer" }).fill(answer);
  await check(region);
};
const solution = async (_page: Page, region: Locator): Promise<void> => {
  await region.getByRole("button", { name: "Solution" }).click();
};

const shots: Shot[] = [
  { name: "completion-light-1200", lesson: "03-scaling", width: 1200, scheme: "light", region: "The gradient through softmax", act: completion },
  { name: "completion-dark-390", lesson: "03-scaling", width: 390, scheme: "dark", region: "The gradient through softmax", act: completion },
  {
    name: "hover-dark-1200", lesson: "03-scaling", width: 1200, scheme: "dark", region: "The gradient through softmax",
    act: async (page, region) => {
      await region.locator(".cm-line", { hasText: "const dx = zeros(" }).getByText("zeros", { exact: true }).hover();
      await page.locator(".cm-tooltip-hover").waitFor();
      return region.locator(".exercise__work");
    },
  },
  {
    name: "forbidden-light-1200", lesson: "03-scaling", width: 1200, scheme: "light", region: "The gradient through softmax",
    act: async (page, region) => {
      await write(page, region, 'import { softmaxBackward, type Matrix } from "kernel";\nexport function softmaxGrad(y: Matrix, dy: Matrix): Matrix {\n  return softmaxBackward(y, dy);\n}\n');
      await check(region);
    },
  },
  {
    name: "out-of-range-dark-390", lesson: "03-scaling", width: 390, scheme: "dark", region: "The gradient through softmax",
    act: async (page, region) => {
      await write(page, region, grad("    let dot = 0;\n    for (let k = 0; k <= n; k++) dot += dy.data[i * n + k] * y.data[i * n + k];\n" +
        "    for (let j = 0; j < n; j++) dx.data[i * n + j] = y.data[i * n + j] * (dy.data[i * n + j] - dot);"));
      await check(region);
      return region.getByRole("status");
    },
  },
  {
    name: "indexing-light-390", lesson: "03-scaling", width: 390, scheme: "light", region: "The gradient through softmax",
    act: async (page, region) => {
      await write(page, region, grad("    let dot = 0;\n    for (let k = 0; k < n; k++) dot += dy[i][k] * y[i][k];"));
      await check(region);
      return region.getByRole("status");
    },
  },
  {
    name: "finite-fill-light-1200", lesson: "04-masking", width: 1200, scheme: "light", region: "Causal attention weights",
    act: async (page, region) => {
      await write(page, region, `import { map, matmul, scale, softmax, transpose, type Matrix } from "kernel";
export function causalWeights(Q: Matrix, K: Matrix): Matrix {
  const scores = scale(matmul(Q, transpose(K)), 1 / Math.sqrt(Q.cols));
  return softmax(map(scores, (x, i, j) => (j <= i ? x : -20)));
}
`);
      await check(region);
    },
  },
  {
    name: "heatmap-axes-dark-1200", lesson: "08-alignment", width: 1200, scheme: "dark", region: "The additive score",
    act: async (page, region) => {
      await write(page, region, `import { matmul, transpose, type Matrix } from "kernel";
export function additiveScores(S: Matrix, H: Matrix, W: Matrix, U: Matrix, v: Matrix): Matrix {
  return matmul(matmul(S, W), transpose(matmul(H, U)));
}
`);
      await check(region);
      await region.locator(".exercise__compare svg").first().waitFor();
    },
  },
  { name: "numeric-light-390", lesson: "07-multi-head", width: 390, scheme: "light", region: "Counting parameters", act: numeric("2^20") },
  { name: "numeric-dark-1200", lesson: "07-multi-head", width: 1200, scheme: "dark", region: "Counting parameters", act: numeric("1,500") },
  {
    name: "hints-dark-390", lesson: "03-scaling", width: 390, scheme: "dark", region: "The gradient through softmax",
    act: async (page, region) => {
      for (let k = 0; k < 3; k++) await region.getByRole("button", { name: "Hint" }).click();
      await page.waitForTimeout(600); // the code block is coloured once the editor's highlighter has loaded
      return region.locator(".exercise__hints");
    },
  },
  { name: "solution-light-1200", lesson: "03-scaling", width: 1200, scheme: "light", region: "The gradient through softmax", act: solution },
  { name: "solution-dark-390", lesson: "03-scaling", width: 390, scheme: "dark", region: "The gradient through softmax", act: solution },
  { name: "shapes-light-1200", lesson: "07-multi-head", width: 1200, scheme: "light", css: "figure.chart:has(.chart-summary):has(svg[aria-hidden])" },
  { name: "shapes-dark-390", lesson: "07-multi-head", width: 390, scheme: "dark", css: "figure.chart:has(.chart-summary):has(svg[aria-hidden])" },
  {
    name: "math-light-390", lesson: "07-multi-head", width: 390, scheme: "light", css: ".lesson-body .katex-display",
    act: async (page) => mathAndProse(page),
  },
  {
    name: "math-scrolled-dark-390", lesson: "07-multi-head", width: 390, scheme: "dark", css: ".lesson-body .katex-display",
    act: async (page) => {
      await page.locator(".katex-display").first().evaluate((el) => { el.scrollLeft = 60; });
      return mathAndProse(page);
    },
  },
];

/** The first two display equations of the lesson and the paragraph that leads to them. */
function mathAndProse(page: Page): Locator[] {
  const displays = page.locator(".lesson-body > .katex-display");
  return [page.locator(".lesson-body > p:has(+ .katex-display)").first(), displays.nth(0), displays.nth(1)];
}

async function open(page: Page, title: string): Promise<Locator> {
  const region = page.getByRole("region", { name: title, exact: true });
  for (let k = 0; k < 60 && (await region.count()) === 0; k++) {
    await page.mouse.wheel(0, 700);
    await page.waitForTimeout(100);
  }
  await region.scrollIntoViewIfNeeded();
  await region.locator(".cm-editor, input").first().waitFor();
  return region;
}

const outDir = mkdtempSync(join(tmpdir(), "attention-shots-"));
await build({ logLevel: "warn", build: { outDir, emptyOutDir: true } });
const server = await preview({ logLevel: "warn", build: { outDir }, preview: { port: 4391, host: "127.0.0.1" } });
const base = server.resolvedUrls?.local[0] ?? "http://127.0.0.1:4391/";
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
mkdirSync(OUT, { recursive: true });
try {
  for (const shot of shots) {
    if (only.length && !only.includes(shot.name)) continue;
    const context = await browser.newContext({ viewport: { width: shot.width, height: 1400 }, colorScheme: shot.scheme });
    const page = await context.newPage();
    page.on("pageerror", (e) => console.error(`${shot.name}: ${String(e)}`));
    await page.goto(`${base}#/lessons/${shot.lesson}`);
    await page.locator(".cell-output svg").first().waitFor();
    const target = shot.region ? await open(page, shot.region) : page.locator(shot.css!).first();
    if (!shot.region) await target.scrollIntoViewIfNeeded();
    const acted = (await shot.act?.(page, target)) ?? target;
    const subjects = Array.isArray(acted) ? acted : [acted];
    await subjects[0].evaluate((el) => el.scrollIntoView({ block: "center" }));
    await page.waitForTimeout(400);
    // Tooltips can stick out of what they belong to: photograph the union of everything.
    const boxes = await Promise.all(subjects.map(async (s) => (await s.boundingBox())!));
    const box = boxes.reduce((a, b) => {
      const [x, y] = [Math.min(a.x, b.x), Math.min(a.y, b.y)];
      return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
    });
    const tips = await page.locator(".cm-tooltip").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    let [x0, y0, x1, y1] = [box.x, box.y, box.x + box.width, box.y + box.height];
    for (const t of tips) [x0, y0, x1, y1] = [Math.min(x0, t.left), Math.min(y0, t.top), Math.max(x1, t.right), Math.max(y1, t.bottom)];
    const pad = 8;
    const clip = { x: Math.max(0, x0 - pad), y: Math.max(0, y0 - pad), width: Math.min(shot.width, x1 + pad) - Math.max(0, x0 - pad), height: y1 - y0 + 2 * pad };
    // Not fullPage: resizing the page for a full-page shot would close the editor's tooltips.
    await page.screenshot({ path: `${OUT}/${shot.name}.png`, clip });
    await context.close();
    console.log(`${OUT}/${shot.name}.png`);
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
