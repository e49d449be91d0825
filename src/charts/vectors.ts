import * as Plot from "@observablehq/plot";
import { themed, NEGATIVE, POSITIVE } from "./color.ts";
import { argmax, formatValue, quote } from "./format.ts";
import { checkLabels, indices, toRows } from "./matrix.ts";
import { withSummary } from "./figure.ts";
import type { ChartOptions, Figure, MatrixInput } from "./types.ts";

/** Options of {@link vectors}. */
export interface VectorsOptions extends ChartOptions {
  /** One label per vector (row), e.g. ["q", "k₁", "k₂"]; repeats are fine. Defaults to 0, 1, …. */
  labels?: readonly string[];
  /** One label per component (column); defaults to 0, 1, …. */
  componentLabels?: readonly string[];
  /** [min, max] of the value axis, to keep it still while values change; defaults to symmetric around 0. */
  domain?: [number, number];
  /** d3-format specifier for values in the tip and description (default ".2f"). */
  format?: string;
}

interface Component {
  i: number;
  c: number;
  value: number;
}

const defaults = { format: ".2f", bar: 14, gap: 10 };

/**
 * A few vectors (the rows of m) as groups of horizontal bars, one bar per component,
 * blue for positive and red for negative values.
 * @example vectors([[1, -0.5], [0.2, 0.8]], { labels: ["q", "k"] })
 */
export function vectors(m: MatrixInput, options: VectorsOptions = {}): Figure {
  const rows = toRows(m, "vectors");
  const [n, d] = [rows.length, rows[0].length];
  const labels = checkLabels(options.labels, n, "vectors", "labels");
  const components = checkLabels(options.componentLabels, d, "vectors", "componentLabels");
  const format = options.format ?? defaults.format;
  const data: Component[] = rows.flatMap((row, i) => row.map((value, c) => ({ i, c, value })));
  const extent = Math.max(1e-9, ...data.map((p) => Math.abs(p.value)).filter(Number.isFinite));
  const marginLeft = Math.ceil(Math.max(...labels.map((s) => s.length)) * 6.2) + 20;
  const marginRight = Math.ceil(Math.max(...components.map((s) => s.length)) * 6.2) + 12;
  const facetHeight = d * defaults.bar + defaults.gap;
  const width = options.width ?? 480;

  const chart = themed(Plot.plot({
    document: options.document,
    title: options.title,
    width,
    height: 40 + n * facetHeight,
    marginLeft,
    marginRight,
    marginTop: 6,
    marginBottom: 34,
    ariaLabel: `bars of ${n === 1 ? "1 vector" : `${n} vectors`} with ${d} components each`,
    ariaDescription: rows
      .map((row, i) => {
        const big = argmax(row.map(Math.abs));
        return `${quote(labels[i])}: ${row.map((v) => formatValue(v, format)).join(", ")}${big < 0 ? "" : `, largest magnitude at ${components[big]}`}`;
      })
      .join("; "),
    x: { domain: options.domain ?? [-extent, extent], grid: true, label: "value", nice: options.domain === undefined },
    y: { type: "band", domain: indices(d), axis: "right", tickFormat: (c: number) => components[c], label: null, paddingInner: 0.15 },
    fy: { domain: indices(n), axis: "left", tickFormat: (i: number) => labels[i], label: null, padding: defaults.gap / facetHeight },
    marks: [
      Plot.barX(data, {
        x: "value",
        y: "c",
        fy: "i",
        fill: (p: Component) => (p.value < 0 ? NEGATIVE : POSITIVE),
        title: (p: Component) => `${labels[p.i]}[${components[p.c]}] = ${formatValue(p.value, format)}`,
        tip: true,
      }),
      Plot.ruleX([0], { stroke: "currentColor" }),
    ],
  }));
  return withSummary(chart, summarize(rows, labels, components, format), width);
}

/** "Largest component of each vector: 'q' at 2 (−1.20); 'k' at 0 (0.85)." */
function summarize(rows: number[][], labels: string[], components: string[], format: string): string {
  const parts = rows.slice(0, 12).map((row, i) => {
    const c = argmax(row.map(Math.abs));
    return c < 0 ? `${quote(labels[i])} none` : `${quote(labels[i])} at ${components[c]} (${formatValue(row[c], format)})`;
  });
  const what = rows.length === 1 ? "Largest component (by size)" : "Largest component (by size) of each vector";
  return `${what}: ${parts.join("; ")}${rows.length > 12 ? "; …" : "."}`;
}
