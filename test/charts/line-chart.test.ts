// @vitest-environment happy-dom
import { describe, expect, test } from "vitest";
import { histogram, lineChart } from "../../src/charts/index.ts";
import { randn, rng, summaryOf, svgOf } from "./helpers.ts";

describe("lineChart", () => {
  test("lineChart(records, {xType: 'log'}) uses a log x axis with the given labels", () => {
    const root = lineChart([{ dk: 1, v: 1 }, { dk: 10, v: 10 }, { dk: 100, v: 100 }], { x: "dk", y: "v", xLabel: "d_k", yLabel: "variance", xType: "log" });
    expect(root.scale("x")?.type).toBe("log");
    expect(root.scale("y")?.type).toBe("linear");
    expect(svgOf(root).getAttribute("aria-label")).toBe("line chart of variance against d_k (log scale)");
    expect(summaryOf(root)).toBe("variance against d_k: from 1 at 1 to 100 at 100.");
    expect(root.querySelectorAll('g[aria-label="line"] path')).toHaveLength(1);
    expect(root.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(3);
  });

  test("lineChart(series) draws one line per series with a legend", () => {
    const root = lineChart([
      { name: "raw", points: [[1, 1], [2, 4]] },
      { name: "scaled", points: [[1, 1], [2, 2]] },
    ]);
    expect(root.tagName.toLowerCase()).toBe("figure");
    expect(svgOf(root).querySelectorAll('g[aria-label="line"] path')).toHaveLength(2);
    expect(root.textContent).toContain("scaled");
  });

  test("lineChart(records, {z}) splits records into series by z", () => {
    const rows = [1, 2, 3].flatMap((x) => [{ x, y: x, kind: "a" }, { x, y: 2 * x, kind: "b" }]);
    expect(svgOf(lineChart(rows, { z: "kind" })).querySelectorAll('g[aria-label="line"] path')).toHaveLength(2);
  });
});

describe("histogram", () => {
  test("histogram(values) bins every finite value", () => {
    const values = randn(1, 500, rng(2))[0];
    const root = histogram([...values, NaN, Infinity], { bins: 20, label: "q·k" });
    expect(svgOf(root).getAttribute("aria-label")).toBe("histogram of 500 values of q·k");
    expect(summaryOf(root)).toMatch(/^500 values of q·k: mean −?0\.\d+, standard deviation 0\.9\d+|1\.0\d*, from −\d/);
    expect(root.querySelectorAll('g[aria-label="rect"] rect').length).toBeGreaterThan(5);
    const titles = root.querySelector('g[aria-label="x-axis label"]')?.textContent;
    expect(titles).toContain("q·k");
  });

  test("histogram(values, {domain, maxCount}) keeps the axes still", () => {
    const root = histogram([0, 1, 2], { domain: [-10, 10], maxCount: 50 });
    expect(root.scale("x")?.domain).toEqual([-10, 10]);
    expect(root.scale("y")?.domain).toEqual([0, 50]);
  });
});
