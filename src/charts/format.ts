import { format as d3format } from "d3";

/** Formats a cell value; masked scores (−Infinity) read "−∞" and NaN reads "NaN". */
export function formatValue(value: number, specifier = ".2f"): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === -Infinity) return "−∞";
  if (value === Infinity) return "+∞";
  return d3format(specifier)(value);
}

/** Quotes a token for prose: it → 'it'. */
export function quote(label: string): string {
  return `'${label}'`;
}

/** "1 query", "3 queries", "4 keys". */
export function count(n: number, noun: string): string {
  if (n === 1) return `${n} ${noun}`;
  const plural = /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : /(s|x|ch|sh)$/.test(noun) ? `${noun}es` : `${noun}s`;
  return `${n} ${plural}`;
}

/** Index of the largest finite value, or −1 when there is none. */
export function argmax(values: readonly number[]): number {
  let best = -1;
  for (let j = 0; j < values.length; j++) {
    if (Number.isFinite(values[j]) && (best < 0 || values[j] > values[best])) best = j;
  }
  return best;
}
