// Validation of a checks module's default export, shared by the engine, the worker and check-lessons.
import type { CheckSpec } from "./types.ts";

const isFunction = (x: unknown): boolean => typeof x === "function";

/** What is wrong with a checks spec, in one lowercase line, or null when it is well formed. */
export function checkSpecShape(spec: unknown): string | null {
  if (typeof spec !== "object" || spec === null) return "the checks module must default-export defineChecks({...})";
  const s = spec as Partial<Record<keyof CheckSpec, unknown>>;
  if (typeof s.entry !== "string" || !/^[A-Za-z_$][\w$]*$/.test(s.entry)) return "checks: entry must name a function";
  if (!Array.isArray(s.cases) || s.cases.length === 0) return "checks: cases must be a non-empty array";
  for (const [i, c] of s.cases.entries()) {
    const k = c as { name?: unknown; args?: unknown; seed?: unknown };
    if (typeof k?.name !== "string" || !k.name) return `checks: case ${i} needs a name`;
    if (!isFunction(k.args)) return `checks: case “${k.name}” needs args: (random) => [...]`;
    if (k.seed !== undefined && !Number.isInteger(k.seed)) return `checks: case “${k.name}” has a seed that is not an integer`;
  }
  const mistakes = s.mistakes ?? [];
  if (!Array.isArray(mistakes)) return "checks: mistakes must be an array";
  const ids = new Set<string>();
  for (const [i, m] of mistakes.entries()) {
    const k = m as { id?: unknown; message?: unknown; fn?: unknown };
    if (typeof k?.id !== "string" || !k.id) return `checks: mistake ${i} needs an id`;
    if (ids.has(k.id)) return `checks: mistake id “${k.id}” appears twice`;
    ids.add(k.id);
    if (typeof k.message !== "string" || !k.message) return `checks: mistake “${k.id}” needs a message`;
    if (!isFunction(k.fn)) return `checks: mistake “${k.id}” needs fn`;
  }
  const properties = s.properties ?? [];
  if (!Array.isArray(properties)) return "checks: properties must be an array";
  for (const [i, p] of properties.entries()) {
    const k = p as { message?: unknown; holds?: unknown };
    if (typeof k?.message !== "string" || !isFunction(k.holds)) return `checks: property ${i} needs a message and holds`;
  }
  if (s.tolerance !== undefined && !(typeof s.tolerance === "number" && s.tolerance >= 0)) {
    return "checks: tolerance must be a number >= 0";
  }
  return null;
}
