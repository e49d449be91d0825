// @vitest-environment happy-dom
import { Window } from "happy-dom";
import { describe, expect, test } from "vitest";
import { shapeFlow, type ShapeStep } from "../../src/charts/index.ts";
import { expectSnapshot } from "./helpers.ts";

// Cross-attention of 3 decoder tokens over 5 encoder tokens, d = 8, d_k = 4, d_v = 2.
const cross: ShapeStep[][] = [
  [{ label: "X_dec", rows: 3, cols: 8, rowsFrom: "decoder token" }, { label: "X_enc", rows: 5, cols: 8, rowsFrom: "encoder token" }],
  [{ label: "Q", rows: 3, cols: 4, rowsFrom: "decoder token" }, { label: "K", rows: 5, cols: 4, rowsFrom: "encoder token" }, { label: "V", rows: 5, cols: 2, rowsFrom: "encoder token" }],
  [{ label: "A", rows: 3, cols: 5, rowsFrom: "decoder token", colsFrom: "encoder token" }],
  [{ label: "output", rows: 3, cols: 2, rowsFrom: "decoder token" }],
];

const blocks = (root: Element): Element[] => Array.from(root.querySelectorAll("svg"));

describe("shapeFlow", () => {
  test("shapeFlow(stages) draws each matrix as a grid with its label and shape", () => {
    const root = shapeFlow(cross);
    expect(blocks(root)).toHaveLength(7);
    const captions = blocks(root).map((svg) => Array.from(svg.parentElement!.querySelectorAll("span"), (s) => s.textContent));
    expect(blocks(root).every((svg) => svg.getAttribute("aria-hidden") === "true")).toBe(true);
    expect(captions[0]).toEqual(["X_dec", "3×8"]);
    expect(captions[5]).toEqual(["A", "3×5"]);
    // 9 px cells: Q is 4 columns wide and 3 rows high, with grid lines between the cells.
    const q = blocks(root)[2];
    expect([q.getAttribute("width"), q.getAttribute("height")]).toEqual(["37", "28"]);
    expect(q.querySelector("path")?.getAttribute("d")).toBe("M0,9H36M0,18H36M9,0V27M18,0V27M27,0V27");
  });

  test("shapeFlow(stages) colours rows by their sequence and draws the columns' sequence as a bar", () => {
    const root = shapeFlow(cross);
    const fills = blocks(root).map((svg) => Array.from(svg.querySelectorAll("rect"), (r) => r.getAttribute("fill")));
    expect(fills[0]).toEqual(["#f28e2c"]); // decoder: orange
    expect(fills[1]).toEqual(["#4e79a7"]); // encoder: blue
    expect(fills[5]).toEqual(["#4e79a7", "#f28e2c"]); // weights: encoder bar over decoder rows
    expect(root.textContent).toContain("one row per decoder token");
    expect(root.textContent).toContain("one row per encoder token");
  });

  test("shapeFlow(stages) wraps its stages, so it fits a phone, and each arrow wraps with the stage it points at", () => {
    const root = shapeFlow(cross, { width: 350 });
    const arrows = Array.from(root.querySelectorAll<HTMLElement>("span[style*='font-size: 18px']"));
    expect(arrows).toHaveLength(3); // arrows between 4 stages
    const flow = arrows[0].parentElement!.parentElement as HTMLElement;
    expect(flow.style.flexWrap).toBe("wrap");
    expect(root.style.maxWidth).toBe("min(100%, 350px)");
    // An arrow and its stage are one item of the wrapping row: a line can end with a stage, never with an arrow.
    for (const arrow of arrows) {
      expect(arrow.parentElement!.parentElement).toBe(flow);
      expect(arrow.nextElementSibling?.querySelector("svg")).not.toBeNull();
    }
    expect(flow.lastElementChild?.textContent).toContain("output");
    expect(flow.lastElementChild?.firstElementChild?.textContent).toBe("→");
  });

  test("shapeFlow(stages) shrinks the cells of a big matrix to fit maxSide", () => {
    const root = shapeFlow([[{ label: "PE", rows: 64, cols: 32 }]], { maxSide: 64 });
    expect(blocks(root)[0].getAttribute("height")).toBe("65");
    expect(blocks(root)[0].getAttribute("width")).toBe("33");
  });

  test("shapeFlow(stages) says every matrix and its shape in a sentence under the drawing", () => {
    const root = shapeFlow(cross, { title: "Shapes" });
    expect(root.classList.contains("chart")).toBe(true);
    expect(root.querySelector(".chart-summary")?.textContent).toBe("Shapes, stage by stage: X_dec 3×8 (rows: decoder token), " +
      "X_enc 5×8 (rows: encoder token); then Q 3×4 (rows: decoder token), K 5×4 (rows: encoder token), V 5×2 (rows: encoder token); " +
      "then A 3×5 (rows: decoder token, columns: encoder token); then output 3×2 (rows: decoder token).");
    expect(root.getAttribute("aria-labelledby")).toBe(root.querySelector("h2")!.id);
  });

  test("shapeFlow(stages) throws on empty stages and on shapes that aren't whole positive numbers", () => {
    expect(() => shapeFlow([])).toThrow("shapeFlow: expected a non-empty list of non-empty stages");
    expect(() => shapeFlow([[{ label: "Q", rows: 3, cols: 1.5 }]])).toThrow("shapeFlow: Q needs whole positive rows and cols, got 3x1.5");
  });

  test("shapeFlow(…, {document}) builds its elements in that document", () => {
    const document = new Window().document as unknown as Document;
    expect(shapeFlow(cross, { document }).ownerDocument).toBe(document);
  });

  test("shapeFlowCross() matches its snapshot", () => {
    expectSnapshot("shapeFlowCross", shapeFlow(cross, { title: "Cross-attention, shapes" }));
  });
});
