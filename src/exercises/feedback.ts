// Shows a verdict: the message in the status line and, when the learner's matrix differs from the
// reference, both drawn as heatmaps side by side (yours next to the expected one).
import { el, type Frame } from "./frame.ts";
import type { Axes, MatrixPreview, Verdict } from "./types.ts";

type Heatmap = (
  m: { rows: number; cols: number; data: ArrayLike<number> },
  options: { title?: string; name?: string; document?: Document; x?: string; y?: string },
) => Element;

/** Axis names when the checks don't say what the rows and columns are: a result is not always attention weights. */
export const DEFAULT_AXES: Axes = { rows: "row", cols: "column" };

/** Writes the verdict's message and draws the matrices it carries; returns when the figures are drawn. */
export async function showVerdict(frame: Frame, verdict: Verdict): Promise<void> {
  const tone = verdict.status === "pass" ? "ok" : verdict.status === "exercise-error" ? "info" : "bad";
  frame.say(verdict.message, tone);
  frame.figures.replaceChildren();
  if (verdict.status !== "fail" || !verdict.expected || !verdict.actual) return;
  const { expected, actual } = verdict;
  const caption = verdict.caseName ? `For the case “${verdict.caseName}”` : "";
  await drawPair(frame, expected, actual, caption, verdict.axes ?? DEFAULT_AXES);
}

async function drawPair(frame: Frame, expected: MatrixPreview, actual: MatrixPreview, caption: string, axes: Axes): Promise<void> {
  const { doc } = frame;
  const figure = el(doc, "figure", "exercise__compare");
  const panels = el(doc, "div", "exercise__compare-panels");
  let heatmap: Heatmap | null = null;
  try {
    heatmap = (await import("../charts/index.ts")).heatmap as unknown as Heatmap;
  } catch {
    heatmap = null; // charts unavailable: fall back to tables
  }
  for (const [title, m] of [["Expected", expected], ["Yours", actual]] as const) {
    const panel = el(doc, "div", "exercise__compare-panel");
    panel.append(el(doc, "p", "exercise__compare-title", `${title} (${m.rows}×${m.cols}${cut(m)})`));
    panel.append(draw(doc, heatmap, m, title, axes));
    panels.append(panel);
  }
  figure.append(panels);
  if (caption) figure.append(el(doc, "figcaption", "exercise__compare-caption", caption));
  frame.figures.replaceChildren(figure);
}

function cut(m: MatrixPreview): string {
  return m.shownRows < m.rows || m.shownCols < m.cols ? `, top-left ${m.shownRows}×${m.shownCols} shown` : "";
}

function draw(doc: Document, heatmap: Heatmap | null, m: MatrixPreview, title: string, axes: Axes): Element {
  const shown = { rows: m.shownRows, cols: m.shownCols, data: m.data };
  if (heatmap) {
    try {
      return heatmap(shown, { name: `${title.toLowerCase()} values`, document: doc, x: axes.cols, y: axes.rows });
    } catch {
      // a chart that fails must not hide the verdict: draw the table instead
    }
  }
  return table(doc, shown);
}

/** The values as a plain table, the fallback when charts can't be drawn. */
function table(doc: Document, m: { rows: number; cols: number; data: number[] }): HTMLTableElement {
  const t = el(doc, "table", "exercise__matrix");
  for (let i = 0; i < m.rows; i++) {
    const tr = el(doc, "tr");
    for (let j = 0; j < m.cols; j++) {
      const x = m.data[i * m.cols + j];
      tr.append(el(doc, "td", undefined, Number.isFinite(x) ? x.toFixed(2) : String(x)));
    }
    t.append(tr);
  }
  return t;
}
