// @vitest-environment happy-dom
import { describe, expect, test } from "vitest";
import { vectors } from "../../src/charts/index.ts";
import { summaryOf, svgOf } from "./helpers.ts";

const bars = (root: Element): Element[] => Array.from(root.querySelectorAll('g[aria-label="bar"] rect'));

describe("vectors", () => {
  test("vectors(m) draws one bar per component of each vector", () => {
    expect(bars(vectors([[1, -2, 3], [0.5, 0.5, -0.5]]))).toHaveLength(6);
  });

  test("vectors(m) colours negative components differently from positive ones", () => {
    const fills = bars(vectors([[1, -1]])).map((b) => b.getAttribute("fill"));
    expect(fills[0]).not.toBe(fills[1]);
  });

  test("vectors(m, {labels}) labels each vector in order, repeats included", () => {
    const root = vectors([[1], [2], [3]], { labels: ["k", "q", "k"] });
    const facetLabels = Array.from(root.querySelectorAll('g[aria-label="fy-axis tick label"] text'), (t) => t.textContent);
    expect(facetLabels).toEqual(["k", "q", "k"]);
  });

  test("vectors(m) describes each vector's values and largest component", () => {
    const root = vectors([[0.1, -0.9]], { labels: ["q"], componentLabels: ["x", "y"] });
    expect(svgOf(root).getAttribute("aria-label")).toBe("bars of 1 vector with 2 components each");
    expect(svgOf(root).getAttribute("aria-description")).toBe("'q': 0.10, −0.90, largest magnitude at y");
    expect(summaryOf(root)).toBe("Largest component (by size): 'q' at y (−0.90).");
  });

  test("vectors(m, {domain}) fixes the value axis", () => {
    expect(vectors([[0.2]], { domain: [-3, 3] }).scale("x")?.domain).toEqual([-3, 3]);
  });
});
