// @vitest-environment happy-dom
import { describe, expect, test } from "vitest";
import * as Inputs from "@observablehq/inputs";
import * as Plot from "@observablehq/plot";
import { labelControls, prepareOutput } from "../../src/notebook/a11y.ts";

describe("notebook a11y", () => {
  test("labelControls(form) names Inputs.range's slider by the form's label and leaves named controls alone", () => {
    const form = Inputs.range([1, 16], { label: "Key size dₖ", step: 1, value: 4 }) as HTMLElement;
    document.body.append(form);
    labelControls(form);
    const slider = form.querySelector<HTMLInputElement>("input[type=range]")!;
    const number = form.querySelector<HTMLInputElement>("input[type=number]")!;
    expect(slider.getAttribute("aria-label")).toBe("Key size dₖ");
    expect(number.hasAttribute("aria-label")).toBe(false); // it has its <label for>
    form.remove();
  });

  test("prepareOutput(node) makes a lesson's own Plot chart one image for screen readers", () => {
    const chart = Plot.plot({ marks: [Plot.barY([1, 2, 3])], ariaLabel: "three bars" });
    prepareOutput(chart);
    expect(chart.getAttribute("role")).toBe("img");
    expect(chart.querySelectorAll('g[aria-label]:not([aria-hidden="true"])')).toHaveLength(0);
    const unlabelled = Plot.plot({ marks: [Plot.barY([1])] });
    prepareOutput(unlabelled);
    expect(unlabelled.hasAttribute("role")).toBe(false);
  });

  test("prepareOutput(node) moves Plot's stylesheet out of each chart into one shared copy in <head>", () => {
    const charts = [1, 2, 3].map((n) => Plot.plot({ marks: [Plot.barY([1, n])] }));
    const rules = charts[0].querySelector("style")!.textContent!;
    expect(rules).toMatch(/^:where\(\.plot-/);
    for (const chart of charts) {
      document.body.append(chart);
      prepareOutput(chart);
      expect(chart.querySelector("style")).toBeNull();
    }
    const shared = Array.from(document.head.querySelectorAll("style")).filter((s) => s.textContent === rules);
    expect(shared).toHaveLength(1);
    // A stylesheet that isn't Plot's stays where it is.
    const own = Plot.plot({ marks: [Plot.barY([1])] });
    own.querySelector("style")!.textContent = ".mine { fill: red }";
    prepareOutput(own);
    expect(own.querySelector("style")?.textContent).toBe(".mine { fill: red }");
    charts.forEach((c) => c.remove());
  });
});
