import * as Plot from "@observablehq/plot";
import { themed, colorScale, fillOf, textColorOn, type ColorOptions } from "./color.ts";
import { argmax, count, formatValue, quote } from "./format.ts";
import { hatch } from "./hatch.ts";
import { withSummary } from "./figure.ts";
import { addTableToggle } from "./heatmap-table.ts";
import { checkLabels, indices, toRows } from "./matrix.ts";
import type { ChartOptions, Figure, MatrixInput } from "./types.ts";

/** Options of {@link heatmap}. */
export interface HeatmapOptions extends ChartOptions {
  /** One label per row (query tokens); repeats are fine. Defaults to 0, 1, …. */
  rowLabels?: readonly string[];
  /** One label per column (key tokens); repeats are fine. Defaults to 0, 1, …. */
  colLabels?: readonly string[];
  /** Name of the column axis (default "key"). */
  x?: string;
  /** Name of the row axis (default "query"). */
  y?: string;
  /** What the values are, for the accessible label, e.g. "attention weights"; defaults to the title. */
  name?: string;
  /** Colour scheme and domain; defaults to "blues" for non-negative data, symmetric "rdbu" for signed. */
  color?: ColorOptions;
  /** d3-format specifier for values (default ".2f"). */
  format?: string;
  /** Write each value in its cell (default: when the matrix is at most 12x12). */
  showValues?: boolean;
  /** Show the value under the pointer (default true). */
  tip?: boolean;
}

interface Cell {
  i: number;
  j: number;
  value: number;
  text: string;
}

const defaults = { x: "key", y: "query", format: ".2f", cell: 44, maxValues: 12 };
const CHAR = 6.2; // rough width of a 10px system-ui character, to size margins for labels

/**
 * A matrix as coloured cells with token labels on both axes, e.g. attention weights, in a figure with
 * a sentence stating where the values peak and a "Show as table" button that opens them as a grid.
 * @example heatmap(weights, { rowLabels: tokens, colLabels: tokens, name: "attention weights" })
 */
export function heatmap(m: MatrixInput, options: HeatmapOptions = {}): Figure {
  const rows = toRows(m, "heatmap");
  const [nr, nc] = [rows.length, rows[0].length];
  const rowLabels = checkLabels(options.rowLabels, nr, "heatmap", "rowLabels");
  const colLabels = checkLabels(options.colLabels, nc, "heatmap", "colLabels");
  const { x: xName = defaults.x, y: yName = defaults.y, format = defaults.format } = options;
  const showValues = options.showValues ?? (nr <= defaults.maxValues && nc <= defaults.maxValues);
  const cells: Cell[] = rows.flatMap((row, i) => row.map((value, j) => ({ i, j, value, text: formatValue(value, format) })));
  const finite = cells.filter((d) => Number.isFinite(d.value));
  const infinite = cells.filter((d) => !Number.isFinite(d.value) && !Number.isNaN(d.value));
  const nan = cells.filter((d) => Number.isNaN(d.value));
  const color = colorScale(finite.map((d) => d.value), options.color);
  const fill = fillOf(color);

  const longestCol = Math.max(...colLabels.map((s) => s.length));
  const rotate = longestCol * CHAR > defaults.cell - 6;
  const marginLeft = Math.ceil(Math.max(...rowLabels.map((s) => s.length)) * CHAR) + 36;
  const marginTop = rotate ? Math.ceil(longestCol * CHAR) + 30 : 36;
  const marginRight = 8;
  const width = options.width ?? Math.min(640, marginLeft + marginRight + nc * defaults.cell);
  const cellWidth = (width - marginLeft - marginRight) / nc;
  const cellHeight = Math.max(16, Math.min(defaults.cell, cellWidth));
  const xy = { x: "j", y: "i" } as const;
  const tipTitle = (d: Cell): string => `${yName} ${quote(rowLabels[d.i])}, ${xName} ${quote(colLabels[d.j])}: ${d.text}`;
  const pattern = hatch();

  const chart = themed(Plot.plot({
    document: options.document,
    title: options.title,
    width,
    height: marginTop + nr * cellHeight + 4,
    marginLeft,
    marginTop,
    marginRight,
    marginBottom: 4,
    ariaLabel: describe(rows, rowLabels, colLabels, xName, yName, options.name ?? options.title, format),
    ariaDescription: describeRows(rows, rowLabels, colLabels, yName, format),
    x: { type: "band", domain: indices(nc), axis: "top", label: xName, tickFormat: (j: number) => colLabels[j], tickRotate: rotate ? -90 : 0 },
    y: { type: "band", domain: indices(nr), label: yName, tickFormat: (i: number) => rowLabels[i] },
    color,
    marks: [
      pattern.mark,
      Plot.cell(finite, { ...xy, fill: "value", title: tipTitle, tip: options.tip ?? true }),
      Plot.cell(infinite, { ...xy, fill: pattern.url, stroke: "currentColor", strokeOpacity: 0.3, title: tipTitle }),
      Plot.cell(nan, { ...xy, fill: "none", stroke: "currentColor", strokeOpacity: 0.5, strokeDasharray: "2,2", title: tipTitle }),
      showValues
        ? Plot.text(cells, {
            ...xy,
            text: "text",
            fill: { value: (d: Cell) => (Number.isFinite(d.value) ? textColorOn(fill(d.value)) : "currentColor"), scale: null },
            fontSize: Math.max(8, Math.min(11, cellWidth / 4)),
            pointerEvents: "none",
          })
        : null,
    ],
  }));
  const name = options.title ?? options.name ?? `${yName} by ${xName} values`;
  // Shown: the largest value. For screen readers also: where each row peaks (sighted readers see it).
  const perRow = rows.length > 1 ? `${capitalize(describeRows(rows, rowLabels, colLabels, yName, format)).replace(/(?<!…)$/, ".")}` : undefined;
  const figure = withSummary(chart, summarize(rows, rowLabels, colLabels, xName, yName, format), width, perRow);
  addTableToggle(figure, { rows, rowLabels, colLabels, x: xName, y: yName, format, name, fill, textOn: textColorOn });
  return figure;
}

/** The visible sentence under the chart: the largest value and where it is, and how many are masked. */
function summarize(rows: number[][], rowLabels: string[], colLabels: string[], x: string, y: string, format: string): string {
  const flat = rows.flat();
  const k = argmax(flat);
  const masked = flat.filter((v) => v === -Infinity).length;
  const overall = k < 0
    ? "No finite values"
    : `Largest: ${formatValue(flat[k], format)} at ${y} ${quote(rowLabels[Math.floor(k / rows[0].length)])}, ${x} ${quote(colLabels[k % rows[0].length])}`;
  return `${overall}${masked ? `; ${masked} masked (−∞)` : ""}.`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** One sentence stating the chart's point: its shape and where the largest value is. */
function describe(rows: number[][], rowLabels: string[], colLabels: string[], x: string, y: string, name: string | undefined, format: string): string {
  const shape = `heatmap of ${name ? name.toLowerCase() : "values"}, ${count(rows.length, y)} by ${count(rows[0].length, x)}`;
  const flat = rows.flat();
  const k = argmax(flat);
  const masked = flat.filter((v) => v === -Infinity).length;
  const largest = k < 0 ? "no finite values" : `largest ${formatValue(flat[k], format)} at ${y} ${quote(rowLabels[Math.floor(k / rows[0].length)])}, ${x} ${quote(colLabels[k % rows[0].length])}`;
  return `${shape}; ${largest}${masked ? `; ${masked} masked (−∞)` : ""}`;
}

/** Where each row peaks, e.g. "largest per query: 'it' at 'animal' (0.62); …". */
function describeRows(rows: number[][], rowLabels: string[], colLabels: string[], y: string, format: string): string {
  const parts = rows.slice(0, 12).map((row, i) => {
    const j = argmax(row);
    return j < 0 ? `${quote(rowLabels[i])} none` : `${quote(rowLabels[i])} at ${quote(colLabels[j])} (${formatValue(row[j], format)})`;
  });
  return `largest per ${y}: ${parts.join("; ")}${rows.length > 12 ? "; …" : ""}`;
}
