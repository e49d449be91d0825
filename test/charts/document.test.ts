// No DOM environment here: every chart must render into the document it is given.
import { Window } from "happy-dom";
import { describe, expect, test } from "vitest";
import { attentionGraph, heatmap, histogram, lineChart, vectors } from "../../src/charts/index.ts";

describe("charts render headless into a given document", () => {
  const window = new Window();
  const document = window.document as unknown as Document;
  const charts = {
    heatmap: () => heatmap([[0.5, -Infinity]], { document, title: "w" }),
    vectors: () => vectors([[1, -1]], { document }),
    attentionGraph: () => attentionGraph([[0.5, 0.5], [1, 0]], { document }),
    lineChart: () => lineChart([{ name: "a", points: [[1, 2], [3, 4]] }, { name: "b", points: [[1, 1]] }], { document }),
    histogram: () => histogram([1, 2, 2, 3], { document }),
  };

  for (const [name, chart] of Object.entries(charts)) {
    test(`${name}(…, {document}) builds its elements in that document, with a themable tip background`, () => {
      expect(globalThis.document).toBeUndefined();
      const root = chart();
      expect(root.ownerDocument).toBe(document);
      const svg = root.tagName.toLowerCase() === "svg" ? root : root.querySelector("svg[aria-label]");
      expect(svg?.getAttribute("aria-label")).toBeTruthy();
      expect(svg?.getAttribute("style")).toContain("--plot-background: var(--chart-background, white)");
    });
  }
});
