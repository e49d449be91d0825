// Every course chart is a <figure class="chart">: Plot's SVG (with its title, if any), then one visible
// sentence that states the chart's point, which is also the SVG's accessible description.
import type { Figure } from "./types.ts";

let nextId = 0;

/** A fresh id for an element inside a chart, e.g. "chart-summary-3". */
export function chartId(kind: string): string {
  return `chart-${kind}-${++nextId}`;
}

/**
 * Puts `chart` in a `<figure class="chart">` (Plot's own figure when it made one) and adds
 * `summary` below it as a `<p class="chart-summary">` that the SVG names as its description;
 * `more`, if given, is part of that description but shown only to screen readers.
 * `scale()` and `legend()` stay callable on the result, as on Plot's.
 */
export function withSummary(chart: Figure, summary: string, width: number, more?: string): Figure {
  const doc = chart.ownerDocument;
  const figure = chart.tagName.toLowerCase() === "figure" ? chart : wrap(chart, doc);
  figure.classList.add("chart");
  // As wide as the chart: the sentence (and a heatmap's table) wrap or scroll under it, also in flex rows.
  (figure as HTMLElement).style.maxWidth = `min(${Math.ceil(width)}px, 100%)`;
  const p = doc.createElement("p");
  p.className = "chart-summary";
  p.id = chartId("summary");
  p.textContent = summary;
  if (more) {
    const hidden = doc.createElement("span");
    hidden.className = "visually-hidden";
    hidden.textContent = ` ${more}`;
    p.append(hidden);
  }
  figure.append(p);
  const svg = figure.querySelector("svg[aria-label]");
  svg?.setAttribute("aria-describedby", p.id);
  const title = figure.querySelector(":scope > h2, :scope > h3");
  if (title) {
    title.id ||= chartId("title");
    figure.setAttribute("aria-labelledby", title.id);
  }
  return figure;
}

/** A `<figure>` around a bare Plot SVG that forwards Plot's `scale` and `legend`. */
function wrap(svg: Figure, doc: Document): Figure {
  const figure = doc.createElement("figure") as unknown as Figure;
  figure.append(svg);
  figure.scale = svg.scale.bind(svg);
  figure.legend = svg.legend.bind(svg);
  return figure;
}
