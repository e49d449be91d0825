// How a cell's value appears on the page: nodes as themselves, matrices as small tables,
// numbers rounded for reading. A light stand-in for Observable's Inspector.
import { isMatrix, shape, type Matrix } from "../kernel/index.ts";

const MAX_ROWS = 12;
const MAX_COLS = 12;

/** A number as a reader wants to see it: up to 4 significant decimals, −∞ for masked scores. */
export function formatNumber(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "∞";
  if (x === -Infinity) return "−∞";
  if (Number.isInteger(x)) return String(x);
  const abs = Math.abs(x);
  const text = abs !== 0 && (abs < 1e-3 || abs >= 1e6) ? x.toExponential(2) : String(+x.toPrecision(4));
  return text.replace("-", "−");
}

/** Short text for any value (inline values, the name = value line). */
export function formatValue(value: unknown): string {
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") return value;
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (isMatrix(value)) return `${shape(value)} matrix`;
  if (Array.isArray(value)) {
    const items = value.slice(0, 8).map(formatValue);
    return `[${items.join(", ")}${value.length > 8 ? `, … (${value.length})` : ""}]`;
  }
  if (typeof value === "function") return `ƒ ${value.name || "(anonymous)"}()`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).slice(0, 6);
    const brief = (v: unknown) => (isMatrix(v) || typeof v !== "object" || v === null ? formatValue(v) : "…");
    return `{${entries.map(([k, v]) => `${k}: ${brief(v)}`).join(", ")}}`;
  }
  return String(value);
}

/** A matrix as a table, clipped to 12x12 with ellipses. */
export function matrixTable(m: Matrix, doc: Document = document): HTMLTableElement {
  const table = doc.createElement("table");
  table.className = "matrix";
  const caption = doc.createElement("caption");
  caption.textContent = `${shape(m)} matrix`;
  table.appendChild(caption);
  const body = doc.createElement("tbody");
  for (let i = 0; i < Math.min(m.rows, MAX_ROWS); i++) {
    const tr = doc.createElement("tr");
    for (let j = 0; j < Math.min(m.cols, MAX_COLS); j++) {
      const td = doc.createElement("td");
      td.textContent = formatNumber(m.data[i * m.cols + j]);
      tr.appendChild(td);
    }
    if (m.cols > MAX_COLS) tr.appendChild(Object.assign(doc.createElement("td"), { textContent: "…" }));
    body.appendChild(tr);
  }
  if (m.rows > MAX_ROWS) body.appendChild(Object.assign(doc.createElement("tr"), { textContent: "⋮" }));
  table.appendChild(body);
  return table;
}

/** The node that shows `value` in a cell named `name` (null for anonymous cells). */
export function renderValue(value: unknown, name: string | null, doc: Document = document): Node {
  if (value instanceof doc.defaultView!.Node) return value as Node;
  const out = doc.createElement("div");
  out.className = "cell-value";
  if (name) {
    const label = doc.createElement("span");
    label.className = "cell-name";
    label.textContent = `${name} = `;
    out.appendChild(label);
  }
  if (isMatrix(value)) out.appendChild(matrixTable(value, doc));
  else out.appendChild(doc.createTextNode(formatValue(value)));
  return out;
}
