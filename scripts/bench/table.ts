// Plain-text tables and units for the bench report.

/** Columns padded to their widest cell; columns listed in `right` are right-aligned (numbers). */
export function table(header: readonly string[], rows: readonly (readonly string[])[], right: readonly number[] = []): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, c) => (right.includes(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "─".repeat(w))), ...rows.map(line)].join("\n");
}

/** Seconds as "3.9 µs", "412 µs", "27.1 ms", "1.20 s": three significant digits, at most. */
export function time(seconds: number): string {
  if (!Number.isFinite(seconds)) return "—";
  const [value, unit] = seconds < 1e-3 ? [seconds * 1e6, "µs"] : seconds < 1 ? [seconds * 1e3, "ms"] : [seconds, "s"];
  return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ${unit}`;
}

export const ms = (x: number): string => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(1) : x.toFixed(0)} ms` : "—");

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

/** ✓ or ✗, then the target and what was measured. */
export const verdict = (ok: boolean, target: string, measured: string): string => `${ok ? "✓" : "✗"} ${target}: ${measured}`;
