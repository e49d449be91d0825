import * as Plot from "@observablehq/plot";
import { themed, POSITIVE } from "./color.ts";
import { argmax, formatValue, quote } from "./format.ts";
import { checkLabels, toRows } from "./matrix.ts";
import { withSummary } from "./figure.ts";
import type { ChartOptions, Figure, MatrixInput } from "./types.ts";

/** Options of {@link attentionGraph}. */
export interface AttentionGraphOptions extends ChartOptions {
  /** Query tokens, one per row of the weights; also the key tokens unless keyLabels is given. */
  labels?: readonly string[];
  /** Key tokens, one per column, for cross-attention where keys differ from queries. */
  keyLabels?: readonly string[];
  /** Draw an edge only where the weight is above this (default 0.05). */
  threshold?: number;
  /** d3-format specifier for weights (default ".2f"). */
  format?: string;
}

interface Edge {
  i: number;
  j: number;
  w: number;
}

const defaults = { threshold: 0.05, format: ".2f", spacing: 64, height: 160 };

/**
 * Attention weights as a bipartite graph: keys along the top, queries along the bottom, and an
 * arrow from key j to query i whose width and opacity grow with weights[i][j].
 * @example attentionGraph(weights, { labels: ["the", "cat", "sat"] })
 */
export function attentionGraph(weights: MatrixInput, options: AttentionGraphOptions = {}): Figure {
  const rows = toRows(weights, "attentionGraph");
  const [nq, nk] = [rows.length, rows[0].length];
  const queries = checkLabels(options.labels, nq, "attentionGraph", "labels");
  if (options.keyLabels === undefined && options.labels !== undefined && nq !== nk) {
    throw new Error(`attentionGraph: weights are ${nq}x${nk}, so keys need their own keyLabels`);
  }
  const keys = checkLabels(options.keyLabels ?? (nq === nk ? options.labels : undefined), nk, "attentionGraph", "keyLabels");
  const { threshold = defaults.threshold, format = defaults.format } = options;
  const edges: Edge[] = rows.flatMap((row, i) => row.map((w, j) => ({ i, j, w }))).filter((e) => e.w > threshold);
  const n = Math.max(nq, nk);
  const width = options.width ?? Math.min(640, 40 + n * defaults.spacing);
  // Centre the shorter row of tokens under the longer one.
  const xq = (i: number): number => i + (n - nq) / 2;
  const xk = (j: number): number => j + (n - nk) / 2;
  const strength = (w: number): number => Math.max(0, Math.min(1, w));
  const nodes = [
    ...keys.map((label, j) => ({ x: xk(j), y: 1, label, role: "key" })),
    ...queries.map((label, i) => ({ x: xq(i), y: 0, label, role: "query" })),
  ];

  const chart = themed(Plot.plot({
    document: options.document,
    title: options.title,
    width,
    height: defaults.height,
    marginTop: 30,
    marginBottom: 30,
    marginLeft: 20,
    marginRight: 20,
    ariaLabel: `attention graph, ${nk} keys (top) to ${nq} queries (bottom), ${edges.length} edges above ${threshold}`,
    ariaDescription: describe(rows, queries, keys, format),
    x: { domain: [-0.5, n - 0.5], axis: null },
    y: { domain: [0, 1], axis: null },
    marks: [
      Plot.arrow(edges, {
        x1: (e: Edge) => xk(e.j),
        y1: 1,
        x2: (e: Edge) => xq(e.i),
        y2: 0,
        stroke: POSITIVE,
        strokeWidth: (e: Edge) => 0.5 + 5 * strength(e.w),
        strokeOpacity: (e: Edge) => 0.2 + 0.8 * strength(e.w),
        headLength: 4,
        inset: 9,
        title: (e: Edge) => `${quote(keys[e.j])} → ${quote(queries[e.i])}: ${formatValue(e.w, format)}`,
      }),
      Plot.dot(nodes, { x: "x", y: "y", r: 4, fill: "currentColor" }),
      Plot.text(nodes.filter((p) => p.role === "key"), { x: "x", y: "y", text: "label", dy: -10, lineAnchor: "bottom", fontSize: 12 }),
      Plot.text(nodes.filter((p) => p.role === "query"), { x: "x", y: "y", text: "label", dy: 10, lineAnchor: "top", fontSize: 12 }),
    ],
  }));
  const summary = describe(rows, queries, keys, format);
  return withSummary(chart, `${summary.charAt(0).toUpperCase()}${summary.slice(1)}.`, width);
}

/** Names the strongest key for each query: "'it' ← 'animal' (0.62); …". */
function describe(rows: number[][], queries: string[], keys: string[], format: string): string {
  const parts = rows.map((row, i) => {
    const j = argmax(row);
    return j < 0 ? `${quote(queries[i])} attends to nothing` : `${quote(queries[i])} attends most to ${quote(keys[j])} (${formatValue(row[j], format)})`;
  });
  return `strongest edge per query: ${parts.join("; ")}`;
}
