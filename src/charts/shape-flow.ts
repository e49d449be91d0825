import { schemeTableau10 } from "d3";
import { chartId } from "./figure.ts";
import type { ChartOptions } from "./types.ts";

/** One matrix of a computation, drawn as a grid of its rows and columns. */
export interface ShapeStep {
  /** What the matrix is, e.g. "Q = X_dec W_Q". */
  label: string;
  rows: number;
  cols: number;
  /** What each row stands for, e.g. "decoder token"; sets the fill colour and names it in the legend. */
  rowsFrom?: string;
  /** What each column stands for (weights: "encoder token"); drawn as a bar over the grid. */
  colsFrom?: string;
}

/** Options of {@link shapeFlow}. */
export interface ShapeFlowOptions extends ChartOptions {
  /** Largest cell size in pixels (default 9); big matrices get smaller cells so each fits in `maxSide`. */
  unit?: number;
  /** Largest drawn side of a matrix in pixels (default 96). */
  maxSide?: number;
}

const defaults = { unit: 9, maxSide: 96 };
const NEUTRAL = "#9a9a9a";
// Orange for the first sequence named (the queries' side), blue for the second, then green, purple.
const PALETTE = [schemeTableau10[1], schemeTableau10[0], schemeTableau10[4], schemeTableau10[6]];
const SVG = "http://www.w3.org/2000/svg";

/**
 * A computation as its matrices' shapes: stages left to right (wrapping on a narrow page), each stage a
 * column of matrices drawn as rows x cols grids and coloured by the sequence their rows come from,
 * then one sentence listing the same shapes in words.
 * @example shapeFlow([[{ label: "X", rows: 3, cols: 8, rowsFrom: "decoder" }], [{ label: "Q = X W_Q", rows: 3, cols: 4, rowsFrom: "decoder" }]])
 */
export function shapeFlow(stages: readonly (readonly ShapeStep[])[], options: ShapeFlowOptions = {}): HTMLElement {
  if (stages.length === 0 || stages.some((stage) => stage.length === 0)) {
    throw new Error("shapeFlow: expected a non-empty list of non-empty stages");
  }
  for (const step of stages.flat()) {
    if (!(Number.isInteger(step.rows) && step.rows > 0 && Number.isInteger(step.cols) && step.cols > 0)) {
      throw new Error(`shapeFlow: ${step.label} needs whole positive rows and cols, got ${step.rows}x${step.cols}`);
    }
  }
  const doc = options.document ?? window.document;
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, style: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
    const e = doc.createElement(tag);
    e.setAttribute("style", style);
    e.append(...children);
    return e;
  };
  const groups = [...new Set(stages.flat().flatMap((s) => [s.rowsFrom, s.colsFrom]).filter((g): g is string => g !== undefined))];
  const colorOf = (g: string | undefined): string => (g === undefined ? NEUTRAL : PALETTE[groups.indexOf(g) % PALETTE.length]);

  const figure = el("figure", `max-width: min(100%, ${options.width ?? 720}px); font: 12px system-ui, sans-serif;`);
  figure.className = "chart";
  if (options.title) {
    const title = el("h2", "", options.title);
    title.id = chartId("title");
    figure.setAttribute("aria-labelledby", title.id);
    figure.append(title);
  }
  if (groups.length) {
    const legend = el("div", "display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; margin: 0 0 0.5rem;");
    for (const g of groups) {
      legend.append(el("span", "display: inline-flex; align-items: center; gap: 0.3rem;",
        el("span", `display: inline-block; width: 10px; height: 10px; background: ${colorOf(g)};`), `one row per ${g}`));
    }
    figure.append(legend);
  }
  const flow = el("div", "display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem 0.3rem;");
  stages.forEach((stage, k) => {
    const column = el("div", "display: flex; flex-direction: column; gap: 0.6rem; align-items: center;",
      ...stage.map((step) => matrixBlock(doc, el, step, colorOf, options)));
    // Each arrow travels with the stage it points at: when the row wraps, the new line starts "→ stage",
    // never ends with an arrow pointing at nothing.
    flow.append(k === 0 ? column : el("div", "display: flex; align-items: center; gap: 0.25rem;",
      el("span", "font-size: 18px; opacity: 0.6;", "→"), column));
  });
  figure.append(flow);
  // The grids are drawings (hidden from screen readers); this sentence says the same in words.
  const summary = el("p", "", `Shapes, stage by stage: ${stages.map((stage) => stage.map(describeStep).join(", ")).join("; then ")}.`);
  summary.className = "chart-summary";
  figure.append(summary);
  return figure;
}

/** "A 3×5 (rows: decoder token, columns: encoder token)" */
function describeStep(s: ShapeStep): string {
  const of = s.rowsFrom ? ` (rows: ${s.rowsFrom}${s.colsFrom ? `, columns: ${s.colsFrom}` : ""})` : "";
  return `${s.label} ${s.rows}×${s.cols}${of}`;
}

type Make = <K extends keyof HTMLElementTagNameMap>(tag: K, style: string, ...children: (Node | string)[]) => HTMLElementTagNameMap[K];

/** One matrix: its grid, its label and its shape. */
function matrixBlock(doc: Document, el: Make, step: ShapeStep, colorOf: (g: string | undefined) => string, options: ShapeFlowOptions): HTMLElement {
  const maxSide = options.maxSide ?? defaults.maxSide;
  const unit = Math.min(options.unit ?? defaults.unit, maxSide / step.rows, maxSide / step.cols);
  const bar = step.colsFrom === undefined ? 0 : 4;
  const [w, h] = [step.cols * unit, step.rows * unit + bar];
  const svg = doc.createElementNS(SVG, "svg");
  svg.setAttribute("width", String(w + 1));
  svg.setAttribute("height", String(h + 1));
  svg.setAttribute("viewBox", `-0.5 -0.5 ${w + 1} ${h + 1}`);
  svg.setAttribute("aria-hidden", "true");
  const rect = (x: number, y: number, width: number, height: number, attrs: Record<string, string>): void => {
    const r = doc.createElementNS(SVG, "rect");
    for (const [k, v] of Object.entries({ x: String(x), y: String(y), width: String(width), height: String(height), ...attrs })) r.setAttribute(k, v);
    svg.append(r);
  };
  if (bar) rect(0, 0, w, bar - 1, { fill: colorOf(step.colsFrom) });
  rect(0, bar, w, step.rows * unit, { fill: colorOf(step.rowsFrom), "fill-opacity": "0.35", stroke: colorOf(step.rowsFrom) });
  const path = doc.createElementNS(SVG, "path"); // the grid lines between cells
  const lines: string[] = [];
  for (let i = 1; i < step.rows; i++) lines.push(`M0,${bar + i * unit}H${w}`);
  for (let j = 1; j < step.cols; j++) lines.push(`M${j * unit},${bar}V${h}`);
  path.setAttribute("d", lines.join(""));
  path.setAttribute("stroke", colorOf(step.rowsFrom));
  path.setAttribute("stroke-opacity", "0.6");
  path.setAttribute("stroke-width", "0.5");
  svg.append(path);
  return el("div", "display: flex; flex-direction: column; align-items: center; gap: 2px; text-align: center;",
    // A long label wraps at its spaces to about the grid's width, so a row of stages fits a lesson column.
    svg, el("span", `max-width: ${Math.max(w + 1, 92)}px;`, step.label), el("span", "opacity: 0.7; font-variant-numeric: tabular-nums;", `${step.rows}×${step.cols}`));
}
