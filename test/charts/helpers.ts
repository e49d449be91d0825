// Test-only helpers: seeded data (independent of src/kernel) and SVG snapshots in the manner of
// observablehq/plot's test/plot-snapshot.js, without js-beautify.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

/** Deterministic uniform [0, 1) (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A rows x cols matrix of standard normal values (Box–Muller). */
export function randn(rows: number, cols: number, random: () => number): number[][] {
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Array.from({ length: rows }, () => Array.from({ length: cols }, normal));
}

/** Scaled dot-product scores Q Kᵀ / √d. */
export function scores(q: number[][], k: number[][]): number[][] {
  const d = q[0].length;
  return q.map((qi) => k.map((kj) => qi.reduce((s, v, t) => s + v * kj[t], 0) / Math.sqrt(d)));
}

/** Row-wise softmax; a row of all −∞ becomes zeros. */
export function softmax(m: number[][]): number[][] {
  return m.map((row) => {
    const max = Math.max(...row);
    if (max === -Infinity) return row.map(() => 0);
    const e = row.map((v) => Math.exp(v - max));
    const sum = e.reduce((s, v) => s + v, 0);
    return e.map((v) => v / sum);
  });
}

/** Sets −∞ where key j comes after query i. */
export function causal(m: number[][]): number[][] {
  return m.map((row, i) => row.map((v, j) => (j <= i ? v : -Infinity)));
}

/** A sentence where "the" appears twice, so two columns share a label. */
export const sentence = ["the", "animal", "didn't", "cross", "the", "street"];

/** Seeded self-attention over the sentence: scores and softmax weights. */
export function selfAttention(seed = 1): { scores: number[][]; weights: number[][] } {
  const random = rng(seed);
  const x = randn(sentence.length, 8, random);
  const s = scores(x, randn(sentence.length, 8, random).map((r, i) => r.map((v, t) => v + 0.6 * x[i][t])));
  return { scores: s, weights: softmax(s) };
}

/** The chart's own SVG inside the figure every chart returns. */
export function svgOf(root: Element): Element {
  return root.tagName.toLowerCase() === "svg" ? root : (root.querySelector("svg[aria-label]") ?? root);
}

/** The visible sentence under a chart that states its point. */
export function summaryOf(root: Element): string {
  return root.querySelector(".chart-summary")?.textContent ?? "";
}

/** Serialises a chart the same way on every run: stable ids, 3 decimals, one tag per line. */
export function serialize(root: Element): string {
  for (const svg of root.tagName.toLowerCase() === "svg" ? [root] : Array.from(root.querySelectorAll("svg"))) {
    svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  }
  const ids = new Map<string, string>();
  return root.outerHTML
    .replace(/(attn-hatch|chart-[a-z]+)-\d+/g, (id, kind: string) => {
      if (!ids.has(id)) ids.set(id, `${kind}-${[...ids.values()].filter((v) => v.startsWith(`${kind}-`)).length + 1}`);
      return ids.get(id) ?? id;
    })
    .replace(/&nbsp;/g, "\xa0")
    .replace(/\d+\.\d{4,}/g, (d) => String(+(+d).toFixed(3)))
    .replace(/></g, ">\n<")
    .concat("\n");
}

/** Compares a chart with test/charts/snapshots/<name>.svg|html, writing it when missing or when UPDATE_SNAPSHOTS=1. */
export function expectSnapshot(name: string, root: Element): void {
  const ext = root.tagName.toLowerCase() === "svg" ? "svg" : "html";
  // Paths, not URLs: happy-dom replaces the global URL, which node:fs then rejects.
  const dir = join(dirname(fileURLToPath(import.meta.url)), "snapshots");
  const file = join(dir, `${name}.${ext}`);
  const actual = serialize(root);
  if (!existsSync(file) || process.env.UPDATE_SNAPSHOTS === "1") {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(actual, `snapshot ${name}.${ext} differs; rerun with UPDATE_SNAPSHOTS=1 if the change is intended`).toBe(readFileSync(file, "utf8"));
}
