import * as Plot from "@observablehq/plot";
import { themed, POSITIVE } from "./color.ts";
import { withSummary } from "./figure.ts";
import { formatValue } from "./format.ts";
import type { ChartOptions, Figure } from "./types.ts";

/** Options of {@link histogram}. */
export interface HistogramOptions extends ChartOptions {
  /** Roughly how many bins (default 30); Plot picks nice thresholds near it. */
  bins?: number;
  /** Label of the value axis, e.g. "q·k". */
  label?: string;
  /** Fixed [min, max] of the value axis, so the axes stay still while a slider moves. */
  domain?: [number, number];
  /** Upper end of the count axis, likewise. */
  maxCount?: number;
  height?: number;
}

const defaults = { bins: 30, width: 480, height: 220 };

/**
 * Counts of values in equal-width bins.
 * @example histogram(dots, { label: "q·k", bins: 40, domain: [-20, 20] })
 */
export function histogram(values: ArrayLike<number> | Iterable<number>, options: HistogramOptions = {}): Figure {
  const data = Array.from(values as Iterable<number>).filter(Number.isFinite);
  const bins = options.bins ?? defaults.bins;
  const mean = data.reduce((s, v) => s + v, 0) / (data.length || 1);
  const sd = Math.sqrt(data.reduce((s, v) => s + (v - mean) ** 2, 0) / (data.length || 1));
  const domain = options.domain;
  const width = options.width ?? defaults.width;
  const chart = themed(Plot.plot({
    document: options.document,
    title: options.title,
    width,
    height: options.height ?? defaults.height,
    ariaLabel: `histogram of ${data.length} values of ${options.label ?? "x"}`,
    ariaDescription: `mean ${mean.toFixed(2)}, standard deviation ${sd.toFixed(2)}`,
    x: { label: options.label ?? null, domain },
    y: { label: "count", grid: true, domain: options.maxCount === undefined ? undefined : [0, options.maxCount] },
    marks: [
      Plot.rectY(data, Plot.binX<Plot.RectYOptions>({ y: "count" }, { x: (v: number) => v, thresholds: bins, domain, fill: POSITIVE, tip: true, inset: 0.5 })),
      Plot.ruleY([0]),
    ],
  }));
  const f = (v: number): string => formatValue(v, ".3~g");
  const [lo, hi] = data.reduce(([a, b], v) => [Math.min(a, v), Math.max(b, v)], [Infinity, -Infinity]);
  const range = data.length ? `, from ${f(lo)} to ${f(hi)}` : "";
  const summary = `${data.length} values of ${options.label ?? "x"}: mean ${f(mean)}, standard deviation ${f(sd)}${range}.`;
  return withSummary(chart, summary, width);
}
