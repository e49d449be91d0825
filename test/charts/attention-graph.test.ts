// @vitest-environment happy-dom
import { describe, expect, test } from "vitest";
import { attentionGraph } from "../../src/charts/index.ts";
import { selfAttention, sentence, summaryOf, svgOf } from "./helpers.ts";

const edges = (root: Element): Element[] => Array.from(root.querySelectorAll('g[aria-label="arrow"] path'));
const labels = (root: Element): string[] => Array.from(root.querySelectorAll('g[aria-label="text"] text'), (t) => t.textContent ?? "");

describe("attentionGraph", () => {
  test("attentionGraph(w) draws one edge per weight above the threshold", () => {
    const { weights } = selfAttention();
    for (const threshold of [0, 0.05, 0.1, 0.3]) {
      const expected = weights.flat().filter((w) => w > threshold).length;
      expect(edges(attentionGraph(weights, { labels: sentence, threshold }))).toHaveLength(expected);
    }
    const w = [[0.7, 0.3], [0.04, 0.96]];
    expect(edges(attentionGraph(w))).toHaveLength(3); // default threshold 0.05 drops 0.04
  });

  test("attentionGraph(w) draws stronger weights wider", () => {
    const root = attentionGraph([[0.9, 0.1]], { labels: ["a"], keyLabels: ["x", "y"] });
    const widths = edges(root).map((p) => Number(p.getAttribute("stroke-width")));
    expect(widths[0]).toBeGreaterThan(widths[1]);
    expect(Array.from(root.querySelectorAll('g[aria-label="arrow"] title'), (t) => t.textContent)).toEqual(["'x' → 'a': 0.90", "'y' → 'a': 0.10"]);
  });

  test("attentionGraph(w) labels every key and query node, repeats included", () => {
    const root = attentionGraph(selfAttention().weights, { labels: sentence });
    expect(labels(root)).toEqual([...sentence, ...sentence]);
    expect(root.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(12);
  });

  test("attentionGraph(w) names the strongest edge of each query in its description", () => {
    const root = attentionGraph([[0.2, 0.8], [0.6, 0.4]], { labels: ["it", "was"] });
    expect(svgOf(root).getAttribute("aria-description")).toBe("strongest edge per query: 'it' attends most to 'was' (0.80); 'was' attends most to 'it' (0.60)");
    expect(svgOf(root).getAttribute("aria-label")).toBe("attention graph, 2 keys (top) to 2 queries (bottom), 4 edges above 0.05");
    expect(summaryOf(root)).toBe("Strongest edge per query: 'it' attends most to 'was' (0.80); 'was' attends most to 'it' (0.60).");
  });

  test("attentionGraph(w) takes separate key labels for cross-attention and asks for them", () => {
    const w = [[0.5, 0.25, 0.25]];
    expect(labels(attentionGraph(w, { labels: ["le"], keyLabels: ["the", "cat", "sat"] }))).toEqual(["the", "cat", "sat", "le"]);
    expect(() => attentionGraph(w, { labels: ["le"] })).toThrow("attentionGraph: weights are 1x3, so keys need their own keyLabels");
  });
});
