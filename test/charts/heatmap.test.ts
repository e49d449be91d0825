// @vitest-environment happy-dom
import { describe, expect, test } from "vitest";
import { rgb } from "d3";
import { heatmap } from "../../src/charts/index.ts";
import { selfAttention, sentence, svgOf } from "./helpers.ts";

const texts = (root: Element, selector: string): string[] => Array.from(root.querySelectorAll(`${selector} text`), (t) => t.textContent ?? "");
const cells = (root: Element): Element[] => Array.from(root.querySelectorAll('g[aria-label="cell"] rect'));

describe("heatmap", () => {
  test("heatmap(m) draws one cell per entry, rows x cols", () => {
    const m = [
      [0.1, 0.2, 0.3, 0.4],
      [0.5, 0.6, 0.7, 0.8],
      [0.9, 1.0, 0.0, 0.1],
    ];
    expect(cells(heatmap(m))).toHaveLength(12);
    expect(texts(heatmap(m), 'g[aria-label="text"]')).toHaveLength(12);
  });

  test("heatmap(m, {rowLabels, colLabels}) puts the labels on both axes in order", () => {
    const root = heatmap([[1, 2, 3], [4, 5, 6]], { rowLabels: ["q1", "q2"], colLabels: ["a", "b", "c"] });
    expect(texts(root, 'g[aria-label="x-axis tick label"]')).toEqual(["a", "b", "c"]);
    expect(texts(root, 'g[aria-label="y-axis tick label"]')).toEqual(["q1", "q2"]);
    expect(texts(root, 'g[aria-label="x-axis label"]')[0]).toBe("key");
    expect(texts(root, 'g[aria-label="y-axis label"]')[0]).toBe("query");
  });

  test("heatmap(m) keeps repeated tokens as separate columns", () => {
    const { weights } = selfAttention();
    const root = heatmap(weights, { rowLabels: sentence, colLabels: sentence });
    expect(texts(root, 'g[aria-label="x-axis tick label"]')).toEqual(sentence);
    const xs = new Set(cells(root).map((c) => c.getAttribute("x")));
    expect(xs.size).toBe(6);
    expect(cells(root)).toHaveLength(36);
  });

  test("heatmap(m) shows −∞ for masked scores in a hatched cell and NaN as NaN", () => {
    const root = heatmap([[1, -Infinity], [NaN, 2]]);
    const values = texts(root, 'g[aria-label="text"]');
    expect(values).toEqual(["1.00", "−∞", "NaN", "2.00"]);
    const hatched = root.querySelector('g[aria-label="cell"][fill^="url(#attn-hatch-"]');
    expect(hatched?.querySelectorAll("rect")).toHaveLength(1);
    const id = hatched?.getAttribute("fill")?.slice(5, -1) ?? "";
    expect(root.querySelector(`pattern[id="${id}"]`)).not.toBeNull();
  });

  test("heatmap(m) gives its figure an accessible label naming the largest cell", () => {
    const root = heatmap(
      [[0.1, 0.2, 0.6, 0.1], [0.3, 0.62, 0.05, 0.03], [0.25, 0.25, 0.25, 0.25]],
      { rowLabels: ["the", "it", "was"], colLabels: ["the", "animal", "street", "tired"], name: "attention weights" },
    );
    const svg = svgOf(root);
    expect(svg.getAttribute("aria-label")).toBe("heatmap of attention weights, 3 queries by 4 keys; largest 0.62 at query 'it', key 'animal'");
    expect(svg.getAttribute("aria-description")).toContain("'the' at 'street' (0.60)");
  });

  test("heatmap(m) counts masked cells in its label and survives an all-masked matrix", () => {
    expect(svgOf(heatmap([[0, -Infinity], [1, 2]])).getAttribute("aria-label")).toContain("1 masked (−∞)");
    expect(svgOf(heatmap([[-Infinity]])).getAttribute("aria-label")).toContain("no finite values");
  });

  test("heatmap(m) writes white on dark cells and black on light ones", () => {
    const root = heatmap([[0, 1]]);
    const fills = Array.from(root.querySelectorAll('g[aria-label="text"] text'), (t) => t.getAttribute("fill"));
    expect(fills).toEqual(["black", "white"]);
  });

  test("heatmap(m) uses a symmetric diverging scale for signed values", () => {
    const root = heatmap([[-1, 3]]);
    expect(root.scale("color")?.domain).toEqual([-3, 3]);
    const red = rgb(String(root.scale("color")?.apply(-3)));
    expect(red.r).toBeGreaterThan(red.b); // rdbu: red below zero, blue above
    expect(heatmap([[0.2, 0.3]]).scale("color")?.domain).toEqual([0, 1]);
    expect(heatmap([[2, 5]], { color: { scheme: "viridis", domain: [0, 10] } }).scale("color")?.domain).toEqual([0, 10]);
  });

  test("heatmap(m) accepts a row-major matrix and hides values past 12x12 unless asked", () => {
    const flat = { rows: 2, cols: 3, data: Float64Array.from([1, 2, 3, 4, 5, 6]) };
    expect(texts(heatmap(flat), 'g[aria-label="text"]')).toEqual(["1.00", "2.00", "3.00", "4.00", "5.00", "6.00"]);
    const big = Array.from({ length: 13 }, () => Array.from({ length: 13 }, () => 0.5));
    expect(heatmap(big).querySelector('g[aria-label="text"]')).toBeNull();
    expect(heatmap(big, { showValues: true }).querySelector('g[aria-label="text"]')).not.toBeNull();
    expect(texts(heatmap([[0.123]], { format: ".1%" }), 'g[aria-label="text"]')).toEqual(["12.3%"]);
  });

  test("heatmap(m) renders into a given document and wraps a titled chart in a figure", () => {
    const root = heatmap([[1]], { title: "Weights", document });
    expect(root.tagName.toLowerCase()).toBe("figure");
    expect(root.querySelector("h2")?.textContent).toBe("Weights");
    expect(svgOf(root).getAttribute("aria-label")).toMatch(/^heatmap of weights/);
  });

  test("heatmap(m) names the value under the pointer in each cell's title", () => {
    const root = heatmap([[0.25]], { rowLabels: ["it"], colLabels: ["animal"], tip: false });
    expect(root.querySelector('g[aria-label="cell"] title')?.textContent).toBe("query 'it', key 'animal': 0.25");
  });

  test("heatmap(m) rejects ragged rows and label lists of the wrong length", () => {
    expect(() => heatmap([[1, 2], [3]])).toThrow("heatmap: row 1 has 1 values, expected 2");
    expect(() => heatmap([[1, 2]], { colLabels: ["a"] })).toThrow("heatmap: colLabels has 1 labels, expected 2");
    expect(() => heatmap([])).toThrow("heatmap: matrix is empty");
  });
});

describe("heatmap as data", () => {
  const tokens = ["the", "cat", "sat"];
  const m = [[0.5, 0.3, 0.2], [0.1, 0.54, 0.36], [0.2, 0.2, 0.6]];
  const toggleOf = (root: Element) => root.querySelector<HTMLButtonElement>("button.chart-toggle")!;
  const cellAt = (root: Element, i: number, j: number) => root.querySelector<HTMLElement>(`td[data-row="${i}"][data-col="${j}"]`)!;
  const key = (el: Element, k: string, ctrlKey = false) => el.dispatchEvent(new KeyboardEvent("keydown", { key: k, ctrlKey, bubbles: true }));

  test("heatmap(m) states its point in a sentence under the chart, which the SVG names as its description", () => {
    const root = heatmap(m, { rowLabels: tokens, colLabels: tokens, name: "weights" });
    const summary = root.querySelector(".chart-summary");
    // Shown: the largest value; for screen readers also where each row peaks.
    expect(summary?.firstChild?.textContent).toBe("Largest: 0.60 at query 'sat', key 'sat'.");
    expect(summary?.querySelector(".visually-hidden")?.textContent).toBe(" Largest per query: 'the' at 'the' (0.50); 'cat' at 'cat' (0.54); 'sat' at 'sat' (0.60).");
    expect(svgOf(root).getAttribute("aria-describedby")).toBe(summary?.id);
    expect(svgOf(root).getAttribute("role")).toBe("img");
    expect(root.querySelectorAll('g[aria-label]:not([aria-hidden="true"])')).toHaveLength(0);
  });

  test("heatmap(m) has a 'Show as table' button that opens the values as a grid, one row per query", () => {
    const root = heatmap(m, { rowLabels: tokens, colLabels: tokens, title: "Weights (table test)" });
    const button = toggleOf(root);
    expect(button.textContent).toBe("Show as table");
    expect(button.getAttribute("aria-expanded")).toBe("false");
    const box = root.querySelector<HTMLElement>(`#${button.getAttribute("aria-controls")}`)!;
    expect(box.hidden).toBe(true);
    button.click();
    expect(box.hidden).toBe(false);
    expect(button.textContent).toBe("Hide table");
    expect(button.getAttribute("aria-expanded")).toBe("true");
    const grid = box.querySelector("table[role=grid]")!;
    expect(Array.from(grid.querySelectorAll("thead th"), (th) => th.textContent)).toEqual(["query \\ key", ...tokens]);
    expect(Array.from(grid.querySelectorAll("tbody th[scope=row]"), (th) => th.textContent)).toEqual(tokens);
    expect(cellAt(grid, 1, 1).getAttribute("aria-label")).toBe("query 'cat', key 'cat': 0.54");
    expect(cellAt(grid, 1, 1).textContent).toBe("0.54");
    expect(grid.querySelectorAll("td[tabindex='0']")).toHaveLength(1);
    button.click();
    expect(box.hidden).toBe(true);
  });

  test("heatmap(m)'s grid moves one roving tab stop with arrows, Home / End and Ctrl+Home / End", () => {
    const root = heatmap(m, { rowLabels: tokens, colLabels: tokens, title: "Weights (keys test)" });
    document.body.append(root);
    toggleOf(root).click();
    const grid = root.querySelector("table")!;
    cellAt(grid, 0, 0).focus();
    const at = () => (document.activeElement as HTMLElement).getAttribute("aria-label");
    key(document.activeElement!, "ArrowRight");
    expect(at()).toBe("query 'the', key 'cat': 0.30");
    key(document.activeElement!, "ArrowDown");
    expect(at()).toBe("query 'cat', key 'cat': 0.54");
    key(document.activeElement!, "End");
    expect(at()).toBe("query 'cat', key 'sat': 0.36");
    key(document.activeElement!, "ArrowRight"); // stays at the edge
    expect(at()).toBe("query 'cat', key 'sat': 0.36");
    key(document.activeElement!, "Home", true);
    expect(at()).toBe("query 'the', key 'the': 0.50");
    key(document.activeElement!, "End", true);
    expect(at()).toBe("query 'sat', key 'sat': 0.60");
    expect(Array.from(grid.querySelectorAll("td[tabindex='0']"))).toEqual([document.activeElement]);
    root.remove();
  });

  test("heatmap(m) keeps its table open when redrawn (a slider moved), and names masked cells", () => {
    const first = heatmap([[1, -Infinity]], { title: "Redrawn scores" });
    toggleOf(first).click();
    const again = heatmap([[2, -Infinity]], { title: "Redrawn scores" });
    expect(toggleOf(again).getAttribute("aria-expanded")).toBe("true");
    expect(cellAt(again, 0, 1).getAttribute("aria-label")).toBe("query '0', key '1': −∞");
    toggleOf(again).click();
    expect(toggleOf(heatmap([[3, 4]], { title: "Redrawn scores" })).getAttribute("aria-expanded")).toBe("false");
  });
});
