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
    const family = (m as { family?: unknown }).family;
    if (family !== undefined && !isFamily(family)) {
      return `checks: mistake “${k.id}” has a family that needs fn, sorted values and examples`;
    }
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
  if (s.forbid !== undefined && !(Array.isArray(s.forbid) && s.forbid.every((f) => typeof f === "string" && f !== ""))) {
    return "checks: forbid must be a list of kernel function names";
  }
  if (s.axes !== undefined) {
    const a = s.axes as { rows?: unknown; cols?: unknown } | null;
    if (typeof a?.rows !== "string" || typeof a.cols !== "string") return "checks: axes must be { rows: string, cols: string }";
  }
  return null;
}

function isFamily(x: unknown): boolean {
  const f = x as { fn?: unknown; values?: unknown; examples?: unknown } | null;
  const numbers = (v: unknown): v is number[] => Array.isArray(v) && v.length > 0 && v.every((n) => typeof n === "number" && Number.isFinite(n));
  if (!f || !isFunction(f.fn) || !numbers(f.values) || !numbers(f.examples)) return false;
  const up = f.values.every((v, i, a) => i === 0 || v > a[i - 1]);
  const down = f.values.every((v, i, a) => i === 0 || v < a[i - 1]);
  return up || down;
}
