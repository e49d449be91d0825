// What issue 21 changed, as a learner meets it in Chromium: the kernel's docs in the editor (completion
// and hover), a forbidden call refused by the real Worker, numeric answers written as arithmetic, result
// heatmaps that name their own axes, the reference solution under the editor, the shapes diagram's
// arrows, and wide display math that scrolls at 390 px.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { launch, openPage, screenshot } from "./browser.ts";
import { openLesson } from "./settle.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Scrolls until the exercise titled `title` is mounted (exercises mount as they come into view). */
async function exercise(page: Page, title: string): Promise<Locator> {
  const region = page.getByRole("region", { name: title, exact: true });
  for (let k = 0; k < 60 && (await region.count()) === 0; k++) {
    await page.mouse.wheel(0, 700);
    await page.waitForTimeout(100);
  }
  await region.scrollIntoViewIfNeeded();
  return region;
}

async function write(page: Page, region: Locator, code: string): Promise<void> {
  await region.getByRole("textbox").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

async function check(region: Locator): Promise<string> {
  await region.getByRole("button", { name: "Check", exact: true }).click();
  const status = region.getByRole("status");
  await status.filter({ hasNotText: /^Checking/ }).filter({ hasText: /\S/ }).waitFor({ timeout: 15_000 });
  return (await status.innerText()).trim();
}

/** The first sentence of the TSDoc above `export function name` in a kernel file, read from the source. */
function tsdocSummary(file: string, name: string): string {
  const source = readFileSync(`src/kernel/${file}`, "utf8");
  const doc = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export function ${name}\\b`).exec(source)![1];
  return doc.replace(/^\s*\* ?/gm, " ").replace(/\s+/g, " ").trim().split(/(?<=[.:]) /)[0];
}

describe("the kernel from the editor", () => {
  it("typing softmaxB offers softmaxBackward with its signature and doc; accepting it adds the import; the Worker refuses the call", async () => {
    const { page, errors } = await openPage(browser);
    await openLesson(page, "03-scaling");
    const region = await exercise(page, "The gradient through softmax");
    await write(page, region, 'import { zeros, type Matrix } from "kernel";\nexport function softmaxGrad(y: Matrix, dy: Matrix): Matrix {\n  return ');
    await page.keyboard.type("softmaxB", { delay: 30 });
    const popup = page.locator(".cm-tooltip-autocomplete");
    await popup.getByRole("option", { name: /softmaxBackward/ }).waitFor();
    const info = page.locator(".cm-completionInfo");
    await info.waitFor();
    expect(await info.innerText()).toContain("softmaxBackward(y: Matrix, dy: Matrix): Matrix");
    expect((await info.innerText()).replace(/\s+/g, " ")).toContain(tsdocSummary("softmax.ts", "softmaxBackward"));
    await screenshot(page, "verdicts-completion");
    await page.keyboard.press("Enter");
    await page.keyboard.insertText("(y, dy);\n}\n");
    const code = await region.getByRole("textbox").innerText();
    expect(code).toMatch(/import \{ softmaxBackward, zeros, type Matrix \} from "kernel";/);
    expect(code).toContain("return softmaxBackward(y, dy);");
    const verdict = await check(region);
    expect(verdict).toMatch(/^Your code calls softmaxBackward from the kernel, but this exercise asks you to write that part by hand/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("hovering a kernel name shows its doc", async () => {
    const { page } = await openPage(browser);
    await openLesson(page, "03-scaling");
    const region = await exercise(page, "The gradient through softmax");
    await region.getByRole("textbox").waitFor();
    const word = region.locator(".cm-line", { hasText: "const dx = zeros(" }).getByText("zeros", { exact: true });
    await word.hover();
    const tip = page.locator(".cm-tooltip-hover");
    await tip.waitFor();
    expect(await tip.innerText()).toContain("zeros(rows: number, cols: number): Matrix");
    expect(await tip.innerText()).toContain(tsdocSummary("matrix.ts", "zeros"));
    await page.context().close();
  });
});

describe("numeric answers", () => {
  it("“2^20” is accepted and the status says how it was read", async () => {
    const { page } = await openPage(browser);
    await openLesson(page, "07-multi-head");
    const region = await exercise(page, "Counting parameters");
    await region.getByRole("textbox", { name: "Your answer" }).fill("2^20");
    const verdict = await check(region);
    expect(verdict).toBe("Correct! Read as 1048576. That is right.");
    await region.getByRole("textbox", { name: "Your answer" }).fill("3*512*512");
    expect(await check(region)).toMatch(/^Not quite\. Read as 786432\. That is the three input projections/);
    await region.getByRole("textbox", { name: "Your answer" }).fill("1,048,576");
    expect(await check(region)).toBe("Correct! Read as 1048576. That is right.");
    await page.context().close();
  });
});

describe("feedback heatmaps", () => {
  it("a wrong additive score draws heatmaps whose axes are decoder and encoder states", async () => {
    const { page } = await openPage(browser);
    await openLesson(page, "08-alignment");
    const region = await exercise(page, "The additive score");
    await write(page, region, `import { matmul, transpose, type Matrix } from "kernel";
export function additiveScores(S: Matrix, H: Matrix, W: Matrix, U: Matrix, v: Matrix): Matrix {
  return matmul(matmul(S, W), transpose(matmul(H, U)));
}
`);
    expect(await check(region)).toMatch(/multiplied the projections/);
    const figure = region.locator(".exercise__compare svg[aria-label]").first();
    await figure.waitFor();
    const label = (await figure.getAttribute("aria-label")) ?? "";
    expect(label).toContain("decoder state");
    expect(label).toContain("encoder state");
    expect(label).not.toMatch(/\bquery\b|\bkey\b/);
    await page.context().close();
  });
});

describe("layout at 1200 and 390 px", () => {
  for (const width of [1200, 390]) {
    it(`at ${width} px the reference opens under the editor at full width, no line cut off`, async () => {
      const { page } = await openPage(browser, { width });
      await openLesson(page, "03-scaling");
      const region = await exercise(page, "The gradient through softmax");
      await region.getByRole("textbox").waitFor();
      const before = (await region.locator(".exercise__editor").boundingBox())!;
      await region.getByRole("button", { name: "Solution" }).click();
      const solution = region.locator(".exercise__solution");
      await solution.waitFor();
      const editor = (await region.locator(".exercise__editor").boundingBox())!;
      const reference = (await solution.boundingBox())!;
      expect(editor.width).toBeCloseTo(before.width, 0); // not squeezed to half
      expect(reference.width).toBeCloseTo(editor.width, 0);
      expect(reference.y).toBeGreaterThanOrEqual(editor.y + editor.height);
      const cut = await solution.locator("pre").evaluate((pre) => pre.scrollWidth - pre.clientWidth);
      expect(cut).toBeLessThanOrEqual(0);
      await page.context().close();
    });
  }

  it("at 390 px every display equation of lesson 07 fits the page and scrolls sideways; the page itself does not", async () => {
    const { page } = await openPage(browser, { width: 390 });
    await openLesson(page, "07-multi-head");
    const displays = await page.locator(".katex-display").evaluateAll((els) => els.map((el) => ({
      right: el.getBoundingClientRect().right, overflow: getComputedStyle(el).overflowX, wide: el.scrollWidth > el.clientWidth,
      cue: getComputedStyle(el).backgroundImage,
    })));
    expect(displays.length).toBeGreaterThan(0);
    expect(displays.some((d) => d.wide)).toBe(true); // there is wide math at this width, and it
    for (const d of displays) {
      expect(d.right).toBeLessThanOrEqual(390);
      expect(d.overflow).toBe("auto");
      expect(d.cue).toContain("gradient"); // the edge shadow that says there is more to the right
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.context().close();
  });

  it("on lesson 07's shapes diagram every arrow sits just left of the stage it points at", async () => {
    for (const width of [1200, 390]) {
      const { page } = await openPage(browser, { width });
      await openLesson(page, "07-multi-head");
      const pairs = await page.locator("figure.chart").filter({ hasText: "Shapes, stage by stage" }).locator("span[style*='font-size: 18px']")
        .evaluateAll((arrows) => arrows.map((a) => {
          const arrow = a.getBoundingClientRect(), stage = a.nextElementSibling!.getBoundingClientRect();
          return { gap: stage.left - arrow.right, overlap: Math.min(arrow.bottom, stage.bottom) - Math.max(arrow.top, stage.top) };
        }));
      expect(pairs.length).toBeGreaterThan(0);
      for (const p of pairs) {
        expect(p.gap).toBeGreaterThanOrEqual(0);
        expect(p.gap).toBeLessThan(12);
        expect(p.overlap).toBeGreaterThan(0); // on the same line
      }
      await page.context().close();
    }
  });
});
