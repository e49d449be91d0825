// @vitest-environment happy-dom
import { Window } from "happy-dom";
import { describe, expect, test } from "vitest";
import { matchedRows } from "../../src/charts/index.ts";
import { matchRows } from "../../src/charts/matched-rows.ts";
import { expectSnapshot, randn, rng } from "./helpers.ts";

// Three outputs of "dog bites man" and the same rows in the order of "man bites dog".
const outA = randn(3, 4, rng(21));
const outB = [outA[2], outA[1], outA[0]];
const left = ["dog", "bites", "man"];
const right = ["man", "bites", "dog"];

const links = (root: Element): Element[] => Array.from(root.querySelectorAll('g[aria-label="link"] path'));
const dashed = (root: Element): Element[] => Array.from(root.querySelectorAll('g[aria-label="rect"][stroke-dasharray] rect'));
const svgOf = (root: Element): Element => root.querySelector("svg[aria-label]")!;
const summary = (root: Element): string => root.querySelector(".chart-summary")?.textContent ?? "";
const texts = (root: Element): string[] => Array.from(root.querySelectorAll('g[aria-label="text"] text'), (t) => t.textContent ?? "");

describe("matchedRows", () => {
  test("matchedRows(a, b) joins each row of b to the row of a with the same values", () => {
    const root = matchedRows(outA, outB, { leftLabels: left, rightLabels: right });
    expect(links(root)).toHaveLength(3);
    expect(dashed(root)).toHaveLength(0);
    expect(svgOf(root).getAttribute("aria-label")).toBe("two tables side by side, 3 and 3 rows of 4 values; 3 of 3 rows on the right match a row on the left");
    expect(summary(root)).toBe("3 of 3 rows on the right match a row on the left: 'man' matches 'man'; 'bites' matches 'bites'; 'dog' matches 'dog'.");
    expect(svgOf(root).getAttribute("aria-describedby")).toBe(root.querySelector(".chart-summary")!.id);
  });

  test("matchedRows(a, b) frames every row that has no partner in a dashed outline", () => {
    const changed = outB.map((row, i) => (i === 1 ? row.map((x) => x + 0.01) : row));
    const root = matchedRows(outA, changed, { leftLabels: left, rightLabels: right });
    expect(links(root)).toHaveLength(2);
    expect(dashed(root)).toHaveLength(2); // "bites" on both sides
    expect(summary(root)).toContain("'bites' has no match");
  });

  test("matchedRows(a, b, {leftTitle, rightTitle}) labels the rows and heads both tables", () => {
    const root = matchedRows(outA, outB, { leftLabels: left, rightLabels: right, leftTitle: "dog bites man", rightTitle: "man bites dog" });
    expect(texts(root)).toEqual([...left, ...right, "dog bites man", "man bites dog"]);
    expect(root.querySelectorAll('g[aria-label="rect"]:not([stroke-dasharray]) rect')).toHaveLength(24);
  });

  test("matchedRows(a, b) throws when the tables have different widths", () => {
    expect(() => matchedRows([[1, 2]], [[1, 2, 3]])).toThrow("matchedRows: both tables need the same number of columns: left has 2, right has 3");
  });

  test("matchRows(a, b, tol) uses each left row once, so repeated rows pair up one to one", () => {
    expect(matchRows([[1], [1], [2]], [[2], [1], [1], [1]], 1e-9)).toEqual([2, 0, 1, -1]);
    expect(matchRows([[1, 2]], [[1, 2 + 1e-12]], 1e-9)).toEqual([0]);
    expect(matchRows([[1, 2]], [[1, 2 + 1e-6]], 1e-9)).toEqual([-1]);
  });

  test("matchedRows(…, {document}) renders headless into the given document", () => {
    const document = new Window().document as unknown as Document;
    const root = matchedRows(outA, outB, { document });
    expect(root.ownerDocument).toBe(document);
    expect(svgOf(root).getAttribute("style")).toContain("--plot-background: var(--chart-background, white)");
  });

  test("matchedRowsPermuted() matches its snapshot", () => {
    expectSnapshot("matchedRowsPermuted", matchedRows(outA, outB, { leftLabels: left, rightLabels: right, leftTitle: "dog bites man", rightTitle: "man bites dog" }));
  });
});
