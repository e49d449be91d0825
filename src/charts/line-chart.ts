import * as Plot from "@observablehq/plot";
import { themed } from "./color.ts";
import { withSummary } from "./figure.ts";
import { formatValue } from "./format.ts";
import type { ChartOptions, Figure } from "./types.ts";

/** A named series of [x, y] points. */
export interface Series {
  name: string;
  points: readonly (readonly [number, number])[];
}

/** A point as a record; its fields are picked by the x, y and z options. */
export type Datum = Readonly<Record<string, unknown>>;

/** Options of {@link lineChart}. */
export interface LineChartOptions extends ChartOptions {
  /** Field holding x, for records (default "x"). */
  x?: string;
  /** Field holding y, for records (default "y"). */
  y?: string;
  /** Field naming the series of each record, one line and colour per series. */
  z?: string;
  xLabel?: string;
  yLabel?: string;
  xType?: "linear" | "log";
  yType?: "linear" | "log";
  /** Mark each point with a dot (default: when there are at most 40 points). */
  dots?: boolean;
  height?: number;
}

interface Point {
  x: number;
  y: number;
  z: string | undefined;
}

const defaults = { width: 480, height: 280, maxDots: 40 };

/**
 * Lines through points, as records or as named series, on linear or log axes.
 * @example lineChart(rows, { x: "dk", y: "variance", xType: "log", yType: "log" })
 */
export function lineChart(data: readonly Datum[] | readonly Series[], options: LineChartOptions = {}): Figure {
  const points = toPoints(data, options);
  const series = new Set(points.map((p) => p.z));
  const many = series.size > 1;
  const xy = { x: "x", y: "y", z: "z", stroke: many ? "z" : "currentColor" } as const;
  const names = [...series].filter((s) => s !== undefined).join(", ");
  const width = options.width ?? defaults.width;
  const chart = themed(Plot.plot({
    document: options.document,
    title: options.title,
    width,
    height: options.height ?? defaults.height,
    marginLeft: 50,
    inset: 6, // keep end points off the frame edge
    ariaLabel: `line chart of ${options.yLabel ?? options.y ?? "y"} against ${options.xLabel ?? options.x ?? "x"}${options.xType === "log" ? " (log scale)" : ""}`,
    ariaDescription: `${points.length} points${many ? ` in ${series.size} series: ${names}` : ""}`,
    x: { type: options.xType ?? "linear", label: options.xLabel ?? options.x ?? null, grid: true },
    y: { type: options.yType ?? "linear", label: options.yLabel ?? options.y ?? null, grid: true },
    color: many ? { legend: true, type: "categorical", scheme: "tableau10" } : undefined,
    marks: [
      Plot.line(points, xy),
      (options.dots ?? points.length <= defaults.maxDots) ? Plot.dot(points, { ...xy, fill: xy.stroke, r: 2.5, stroke: null }) : null,
      Plot.tip(points, Plot.pointer({ x: "x", y: "y", z: "z" })),
    ],
  }));
  return withSummary(chart, summarize(points, series, options), width);
}

/** "variance against d_k: q·k from 2.1 at 2 to 250 at 256; q·k / √d_k from 1 at 2 to 0.98 at 256." */
function summarize(points: Point[], series: Set<string | undefined>, options: LineChartOptions): string {
  const f = (v: number): string => formatValue(v, ".3~g");
  const parts = [...series].map((z) => {
    const line = points.filter((p) => p.z === z && Number.isFinite(p.y)).sort((a, b) => a.x - b.x);
    if (line.length === 0) return `${z ?? "the line"} has no finite points`;
    const [first, last] = [line[0], line[line.length - 1]];
    const top = line.reduce((a, b) => (b.y > a.y ? b : a));
    const peak = top !== first && top !== last ? `, peaking at ${f(top.y)} at ${f(top.x)}` : "";
    return `${z === undefined ? "" : `${z} `}from ${f(first.y)} at ${f(first.x)} to ${f(last.y)} at ${f(last.x)}${peak}`;
  });
  return `${options.yLabel ?? options.y ?? "y"} against ${options.xLabel ?? options.x ?? "x"}: ${parts.join("; ")}.`;
}

function toPoints(data: readonly Datum[] | readonly Series[], options: LineChartOptions): Point[] {
  return data.flatMap((d): Point[] => {
    if (isSeries(d)) return d.points.map(([x, y]) => ({ x, y, z: d.name }));
    const z = options.z === undefined ? undefined : String(d[options.z]);
    return [{ x: Number(d[options.x ?? "x"]), y: Number(d[options.y ?? "y"]), z }];
  });
}

function isSeries(d: Datum | Series): d is Series {
  return typeof d.name === "string" && Array.isArray(d.points);
}
