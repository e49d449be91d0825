import * as Plot from "@observablehq/plot";
import { themed, colorScale, NEGATIVE, POSITIVE, type ColorOptions } from "./color.ts";
import { formatValue, quote } from "./format.ts";
import { withSummary } from "./figure.ts";
import { checkLabels, toRows } from "./matrix.ts";
import type { ChartOptions, Figure, MatrixInput } from "./types.ts";

/** Options of {@link matchedRows}. */
export interface MatchedRowsOptions extends ChartOptions {
  /** One label per row of the left table (its tokens). */
  leftLabels?: readonly string[];
  /** One label per row of the right table. */
  rightLabels?: readonly string[];
  /** Heading over the left table, e.g. the sentence. */
  leftTitle?: string;
  /** Heading over the right table. */
  rightTitle?: string;
  /** Two rows match when every pair of entries is within this (default 1e-9). */
  tolerance?: number;
  color?: ColorOptions;
  /** d3-format specifier for values in the tips (default ".3f"). */
  format?: string;
}

interface Entry {
  side: "left" | "right";
  i: number;
  j: number;
  value: number;
}

const defaults = { width: 480, row: 24, tolerance: 1e-9, format: ".3f" };
const CHAR = 6.2; // rough width of a 10px system-ui character

/**
 * For each row of `right`, the index of a row of `left` with the same values (within `tol`), or -1.
 * Each left row is used once, so two equal rows on the right need two equal rows on the left.
 */
export function matchRows(left: number[][], right: number[][], tol: number): number[] {
  const used = new Set<number>();
  const close = (a: number[], b: number[]): boolean =>
    a.length === b.length && a.every((x, k) => Math.abs(x - b[k]) <= tol * Math.max(1, Math.abs(x), Math.abs(b[k])));
  return right.map((row) => {
    const i = left.findIndex((candidate, k) => !used.has(k) && close(candidate, row));
    if (i >= 0) used.add(i);
    return i;
  });
}

/**
 * Two tables of the same width side by side, each row joined by a line to the row of the other table
 * that holds the same values; rows with no partner get a dashed red outline. Shows whether one table is
 * the other with its rows reordered, e.g. attention outputs before and after permuting the tokens.
 * @example matchedRows(outA, outB, { leftLabels: ["dog", "bites", "man"], rightLabels: ["man", "bites", "dog"] })
 */
export function matchedRows(left: MatrixInput, right: MatrixInput, options: MatchedRowsOptions = {}): Figure {
  const a = toRows(left, "matchedRows");
  const b = toRows(right, "matchedRows");
  if (a[0].length !== b[0].length) {
    throw new Error(`matchedRows: both tables need the same number of columns: left has ${a[0].length}, right has ${b[0].length}`);
  }
  const leftLabels = checkLabels(options.leftLabels, a.length, "matchedRows", "leftLabels");
  const rightLabels = checkLabels(options.rightLabels, b.length, "matchedRows", "rightLabels");
  const { tolerance = defaults.tolerance, format = defaults.format } = options;
  const partner = matchRows(a, b, tolerance); // right row -> left row
  const pairs = partner.flatMap((i, j) => (i >= 0 ? [{ i, j }] : []));
  const leftMatched = new Set(pairs.map((p) => p.i));

  const d = a[0].length;
  const width = options.width ?? defaults.width;
  const marginLeft = Math.ceil(Math.max(...leftLabels.map((s) => s.length)) * CHAR) + 12;
  const marginRight = Math.ceil(Math.max(...rightLabels.map((s) => s.length)) * CHAR) + 12;
  const inner = width - marginLeft - marginRight; // px between the outer labels
  const gap = Math.max(36, Math.min(96, inner * 0.2)); // px for the joining lines
  const cell = (inner - gap) / (2 * d);
  const block = cell * d;
  const x0 = { left: 0, right: block + gap };
  const rows = Math.max(a.length, b.length);
  const marginTop = 30;

  const entries: Entry[] = [
    ...a.flatMap((row, i) => row.map((value, j): Entry => ({ side: "left", i, j, value }))),
    ...b.flatMap((row, i) => row.map((value, j): Entry => ({ side: "right", i, j, value }))),
  ];
  const label = (e: Entry): string => (e.side === "left" ? leftLabels[e.i] : rightLabels[e.i]);
  const outlines = [
    ...a.map((_, i) => ({ side: "left" as const, i, matched: leftMatched.has(i) })),
    ...b.map((_, j) => ({ side: "right" as const, i: j, matched: partner[j] >= 0 })),
  ];
  const unmatched = outlines.filter((o) => !o.matched);
  const title = (text: string | undefined, side: "left" | "right") =>
    text === undefined ? null : Plot.text([text], { x: x0[side] + block / 2, y: -0.15, text: (t: string) => t, lineAnchor: "bottom", fontSize: 12, fontWeight: 600 });

  const chart = themed(Plot.plot({
    document: options.document,
    title: options.title,
    width,
    height: marginTop + rows * defaults.row + 6,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom: 6,
    ariaLabel: `two tables side by side, ${a.length} and ${b.length} rows of ${d} values; ${pairs.length} of ${b.length} rows on the right match a row on the left`,
    x: { domain: [0, inner], range: [marginLeft, width - marginRight], axis: null },
    y: { domain: [0, rows], range: [marginTop, marginTop + rows * defaults.row], axis: null },
    color: colorScale(entries.map((e) => e.value), options.color),
    marks: [
      Plot.rect(entries, {
        x1: (e: Entry) => x0[e.side] + e.j * cell,
        x2: (e: Entry) => x0[e.side] + (e.j + 1) * cell,
        y1: "i",
        y2: (e: Entry) => e.i + 1,
        fill: "value",
        inset: 0.5,
        title: (e: Entry) => `${quote(label(e))}[${e.j}] = ${formatValue(e.value, format)}`,
        tip: true,
      }),
      Plot.link(pairs, {
        x1: block + 3,
        y1: (p: { i: number }) => p.i + 0.5,
        x2: block + gap - 3,
        y2: (p: { j: number }) => p.j + 0.5,
        curve: "bump-x",
        stroke: POSITIVE,
        strokeWidth: 2,
      }),
      Plot.rect(unmatched, {
        x1: (o: { side: "left" | "right" }) => x0[o.side],
        x2: (o: { side: "left" | "right" }) => x0[o.side] + block,
        y1: "i",
        y2: (o: { i: number }) => o.i + 1,
        fill: "none",
        stroke: NEGATIVE,
        strokeWidth: 2,
        strokeDasharray: "4,3",
      }),
      Plot.text(leftLabels, { x: -6, y: (_: string, i: number) => i + 0.5, text: (s: string) => s, textAnchor: "end", fontSize: 12 }),
      Plot.text(rightLabels, { x: inner + 6, y: (_: string, i: number) => i + 0.5, text: (s: string) => s, textAnchor: "start", fontSize: 12 }),
      title(options.leftTitle, "left"),
      title(options.rightTitle, "right"),
    ],
  }));
  return withSummary(chart, summarize(partner, leftLabels, rightLabels), width);
}

/** "2 of 3 rows on the right match a row on the left: 'man' matches 'man'; 'bites' has no match; …" */
function summarize(partner: number[], leftLabels: string[], rightLabels: string[]): string {
  const matched = partner.filter((i) => i >= 0).length;
  const parts = partner.map((i, j) => (i >= 0 ? `${quote(rightLabels[j])} matches ${quote(leftLabels[i])}` : `${quote(rightLabels[j])} has no match`));
  return `${matched} of ${partner.length} rows on the right match a row on the left: ${parts.join("; ")}.`;
}
