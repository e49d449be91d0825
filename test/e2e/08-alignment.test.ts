// The alignment lesson in Chromium: a typed sentence is translated and its alignment drawn; "Train it
// yourself" trains in a Worker while the page stays responsive, and stops on request; a full 60-second
// run reaches a BLEU on short sentences that the test prints.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launch, openPage, screenshot } from "./browser.ts";
import { openLesson, settleLesson } from "./settle.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// Ready once the models have loaded and the translations table is shown.
const openAlignment = (page: Page) => openLesson(page, "08-alignment", { ready: "table.translations", timeout: 30_000 });

const status = (page: Page) => page.locator(".train-view [role=status]");

describe("08-alignment in Chromium", () => {
  it("translates a typed sentence and draws a non-monotonic alignment", async () => {
    const { page, errors } = await openPage(browser);
    await openAlignment(page);
    await page.getByRole("textbox", { name: "Or type one" }).fill("my old white dog never eats the green apple");
    const table = page.locator("table.translations");
    await expect.poll(() => table.innerText(), { timeout: 10_000 }).toContain("mon chien blanc vieux ne mange jamais la pomme vert");
    // The heatmap's description names each output word's strongest source word.
    const chart = page.locator("svg[aria-label*='rnnsearch alignment']").first();
    await expect.poll(() => chart.getAttribute("aria-description"), { timeout: 10_000 }).toContain("'blanc' at 'white'");
    const description = (await chart.getAttribute("aria-description")) ?? "";
    expect(description).toContain("'chien' at 'dog'");
    expect(description).toContain("'vieux' at 'old'");
    // An unknown word is marked, not an error.
    await page.getByRole("textbox", { name: "Or type one" }).fill("the zebra sleeps");
    await expect.poll(() => page.locator(".translations mark").innerText(), { timeout: 10_000 }).toBe("zebra");
    await page.getByRole("textbox", { name: "Or type one" }).fill("my old white dog never eats the green apple");
    await expect.poll(() => table.innerText(), { timeout: 10_000 }).toContain("mon chien blanc vieux");
    await screenshot(page, "08-alignment-typed");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("trains in a Worker with a live loss curve and alignment, stays responsive, and stops", async () => {
    const { page, errors } = await openPage(browser);
    await openAlignment(page);
    await page.getByRole("button", { name: "Train it yourself" }).click();
    await expect.poll(() => status(page).innerText(), { timeout: 20_000 }).toMatch(/^Training… step \d+/);
    await page.locator("svg[aria-label*='loss per word']").waitFor({ timeout: 20_000 });
    await page.locator("svg[aria-label*='alignment during training']").waitFor({ timeout: 20_000 });
    // The page answers while the worker trains: a typed sentence is translated at once.
    const started = Date.now();
    await page.getByRole("textbox", { name: "Or type one" }).fill("my cat often sings");
    await expect.poll(() => page.locator("table.translations").innerText(), { timeout: 5_000 }).toContain("mon chat chante souvent");
    const latency = Date.now() - started;
    const progress = Number(await page.getByRole("progressbar", { name: "Training progress" }).getAttribute("value"));
    expect(progress).toBeGreaterThan(0);
    await screenshot(page, "08-alignment-training");
    await page.getByRole("button", { name: "Stop" }).click();
    await expect.poll(() => status(page).innerText(), { timeout: 5_000 }).toMatch(/^Stopped\. step \d+/);
    const stepAtStop = await status(page).innerText();
    await page.waitForTimeout(1500);
    expect(await status(page).innerText()).toBe(stepAtStop);
    await expect(page.getByRole("button", { name: "Train again" }).isVisible()).resolves.toBe(true);
    console.log(`08-alignment: translation while training took ${latency} ms; ${stepAtStop}`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("the additive-score exercise names a missing tanh, then passes the solution", async () => {
    const { page, errors } = await openPage(browser);
    await openAlignment(page);
    await settleLesson(page); // mounts the exercises, which wait until they scroll into view
    const region = page.getByRole("region", { name: "The additive score" });
    await region.scrollIntoViewIfNeeded();
    const box = region.getByRole("textbox");
    await box.waitFor();
    const solution = readFileSync("lessons/08-alignment/exercises/additive-score/solution.ts", "utf8");
    const noTanh = solution.replace("Math.tanh(SW.data[i * da + a] + HU.data[j * da + a])", "(SW.data[i * da + a] + HU.data[j * da + a])");
    expect(noTanh).not.toBe(solution);
    for (const [code, expected] of [[noTanh, /left out the tanh/], [solution, /^Correct/]] as const) {
      await box.click();
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.press("Delete");
      await page.keyboard.insertText(code);
      await region.getByRole("button", { name: "Check", exact: true }).click();
      await region.getByRole("status").filter({ hasText: expected }).waitFor({ timeout: 15_000 });
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("reaches a stated BLEU on short sentences after 60 seconds of training", async () => {
    const { page, errors } = await openPage(browser);
    await openAlignment(page);
    await page.getByRole("button", { name: "Train it yourself" }).click();
    await expect.poll(() => status(page).innerText(), { timeout: 90_000, interval: 1000 }).toMatch(/^Done:/);
    const text = await status(page).innerText();
    const bleu = Number(/BLEU ([\d.]+)/.exec(text)?.[1] ?? NaN);
    console.log(`08-alignment: train it yourself after 60 s: ${text}`);
    await screenshot(page, "08-alignment-trained");
    expect(bleu).toBeGreaterThan(60);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 150_000);

  it("weights that change nothing, and the cost of a layer, follow their inputs", async () => {
    const { page, errors } = await openPage(browser);
    await openAlignment(page);
    const paired = page.locator('svg[aria-label^="two tables side by side"]');
    await expect(paired.getAttribute("aria-label")).resolves.toContain("3 of 3 rows on the right match a row on the left");
    const other = page.locator('svg[aria-label^="heatmap of other weights"]');
    const moved = await other.innerHTML();
    await page.getByRole("slider", { name: "Move the weights" }).fill("0");
    await expect.poll(() => other.innerHTML()).not.toBe(moved);
    await expect.poll(() => page.locator("p", { hasText: "Move the slider: the weights on the right will change" }).count()).toBe(1);
    expect(await paired.getAttribute("aria-label")).toContain("3 of 3 rows on the right match");
    const note = page.locator("p", { hasText: "sequential step where the recurrent layer needs" });
    await expect(note.innerText()).resolves.toContain("At n = 30 and d = 512, self-attention does 17 times less arithmetic");
    await page.getByRole("combobox", { name: "Vector width d" }).selectOption({ label: "64" });
    await expect.poll(() => note.innerText()).toContain("At n = 30 and d = 64, self-attention does 2.1 times less arithmetic");
    await screenshot(page, "08-alignment-bridges");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

