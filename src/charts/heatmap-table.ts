// A heatmap as data: a "Show as table" button under the chart opens its values as an ARIA grid.
// One cell is in the tab order at a time (roving tabindex); arrow keys, Home / End, Ctrl+Home / End
// and Page Up / Down move between cells, and each cell is named like the chart's tip:
// "query 'cat', key 'on': 0.54".
import { chartId } from "./figure.ts";
import { formatValue, quote } from "./format.ts";
import type { Figure } from "./types.ts";

export interface HeatmapTableSpec {
  rows: number[][];
  rowLabels: string[];
  colLabels: string[];
  /** Axis names: x names the columns ("key"), y the rows ("query"). */
  x: string;
  y: string;
  format: string;
  /** What the table holds, for its caption, e.g. "Weights A = softmax(S)". */
  name: string;
  /** The cell colour the chart gives a finite value. */
  fill(value: number): string;
  textOn(fill: string): string;
}

/** Tables left open, by chart name: a chart redrawn by a slider keeps its table open. */
const openTables = new Set<string>();
const PAGE = 5;

/** Adds the toggle and (on demand) the grid to a heatmap's figure. */
export function addTableToggle(figure: Figure, spec: HeatmapTableSpec): void {
  const doc = figure.ownerDocument;
  const tools = doc.createElement("div");
  tools.className = "chart-tools";
  const button = doc.createElement("button");
  button.type = "button";
  button.className = "chart-toggle";
  const box = doc.createElement("div");
  box.className = "chart-table";
  box.id = chartId("table");
  button.setAttribute("aria-controls", box.id);
  const title = figure.getAttribute("aria-labelledby");
  if (title) button.setAttribute("aria-describedby", title);
  tools.append(button);
  // The button and the chart's sentence share one line under the chart.
  const summary = figure.querySelector(":scope > .chart-summary");
  if (summary) {
    summary.replaceWith(tools);
    tools.append(summary);
  }
  figure.append(tools, box);

  const show = (open: boolean): void => {
    if (open && !box.firstChild) {
      // The hint wraps at the chart's width; only the grid itself scrolls sideways when it is wider.
      const hint = doc.createElement("p");
      hint.className = "chart-table__hint";
      hint.textContent = `One row per ${spec.y}, one column per ${spec.x}. Arrow keys move between cells.`;
      const scroller = doc.createElement("div");
      scroller.className = "chart-table__scroll";
      scroller.append(gridOf(doc, spec));
      box.append(hint, scroller);
    }
    box.hidden = !open;
    button.textContent = open ? "Hide table" : "Show as table";
    button.setAttribute("aria-expanded", String(open));
    if (open) openTables.add(spec.name);
    else openTables.delete(spec.name);
  };
  show(openTables.has(spec.name));
  button.addEventListener("click", () => show(box.hidden));
}

/** The grid itself: column headers are the keys, row headers the queries. */
export function gridOf(doc: Document, spec: HeatmapTableSpec): HTMLTableElement {
  const { rows, rowLabels, colLabels, x, y, format } = spec;
  const table = doc.createElement("table");
  table.className = "heatmap-table";
  table.setAttribute("role", "grid");
  const caption = doc.createElement("caption");
  caption.className = "visually-hidden";
  caption.textContent = `${spec.name}: one row per ${y}, one column per ${x}`;
  table.append(caption);

  const head = doc.createElement("thead");
  const headRow = doc.createElement("tr");
  const corner = doc.createElement("th");
  corner.scope = "col";
  corner.textContent = `${y} \\ ${x}`;
  headRow.append(corner);
  for (const label of colLabels) {
    const th = doc.createElement("th");
    th.scope = "col";
    th.textContent = label;
    headRow.append(th);
  }
  head.append(headRow);

  const body = doc.createElement("tbody");
  rows.forEach((row, i) => {
    const tr = doc.createElement("tr");
    const th = doc.createElement("th");
    th.scope = "row";
    th.textContent = rowLabels[i];
    tr.append(th);
    row.forEach((value, j) => {
      const td = doc.createElement("td");
      const text = formatValue(value, format);
      td.setAttribute("role", "gridcell");
      td.tabIndex = i === 0 && j === 0 ? 0 : -1;
      td.dataset.row = String(i);
      td.dataset.col = String(j);
      td.textContent = text;
      td.setAttribute("aria-label", `${y} ${quote(rowLabels[i])}, ${x} ${quote(colLabels[j])}: ${text}`);
      if (Number.isFinite(value)) {
        const fill = spec.fill(value);
        td.style.background = fill;
        td.style.color = spec.textOn(fill);
      } else td.className = "heatmap-table__special";
      tr.append(td);
    });
    body.append(tr);
  });
  table.append(head, body);
  table.addEventListener("keydown", (event) => move(table, event, rows.length, rows[0].length));
  // A click (or a screen reader's own cursor) moves the roving tab stop to the cell it lands on.
  table.addEventListener("focusin", (event) => {
    const cell = (event.target as Element).closest?.<HTMLElement>("td[role=gridcell]");
    if (cell) rove(table, cell);
  });
  return table;
}

function rove(table: HTMLTableElement, cell: HTMLElement): void {
  for (const other of Array.from(table.querySelectorAll<HTMLElement>("td[tabindex='0']"))) if (other !== cell) other.tabIndex = -1;
  cell.tabIndex = 0;
}

function move(table: HTMLTableElement, event: KeyboardEvent, nr: number, nc: number): void {
  const cell = (event.target as Element).closest?.<HTMLElement>("td[role=gridcell]");
  if (!cell) return;
  let i = Number(cell.dataset.row), j = Number(cell.dataset.col);
  const ctrl = event.ctrlKey || event.metaKey;
  switch (event.key) {
    case "ArrowRight": j++; break;
    case "ArrowLeft": j--; break;
    case "ArrowDown": i++; break;
    case "ArrowUp": i--; break;
    case "Home": j = 0; if (ctrl) i = 0; break;
    case "End": j = nc - 1; if (ctrl) i = nr - 1; break;
    case "PageDown": i += PAGE; break;
    case "PageUp": i -= PAGE; break;
    default: return;
  }
  event.preventDefault();
  i = Math.max(0, Math.min(nr - 1, i));
  j = Math.max(0, Math.min(nc - 1, j));
  const next = table.querySelector<HTMLElement>(`td[data-row="${i}"][data-col="${j}"]`);
  if (!next) return;
  rove(table, next);
  next.focus();
}
