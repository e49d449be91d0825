// Everything a lesson cell can name without defining it: the kernel, the course charts, Plot, Inputs,
// d3, html/svg/tex and a few generators. Keep in step with names.ts (a test checks they agree).
import * as Plot from "@observablehq/plot";
import * as Inputs from "@observablehq/inputs";
import * as d3 from "d3";
import { html, svg } from "htl";
import * as kernel from "../kernel/index.ts";
import * as charts from "../charts/index.ts";
import { Generators, now, width } from "./generators.ts";

type Katex = typeof import("katex").default;

/** `tex\`…\`` renders inline math; `tex.block\`…\`` renders display math. */
function texTag(katex: Katex, displayMode: boolean) {
  return (strings: TemplateStringsArray, ...values: unknown[]): HTMLElement => {
    const source = String.raw(strings, ...values);
    const span = document.createElement(displayMode ? "div" : "span");
    katex.render(source, span, { displayMode, throwOnError: true });
    return span;
  };
}
/** The `tex` builtin; KaTeX's code loads only when a cell uses it (prose math is rendered at build time). */
export async function loadTex() {
  const katex = (await import("katex")).default;
  return Object.assign(texTag(katex, false), { block: texTag(katex, true) });
}

/** Values cells see by name; `measureWidth` gives the lesson column's width for `width`. */
export function builtinValues(measureWidth: () => number = () => 640): Record<string, unknown> {
  return {
    ...kernel,
    ...charts,
    // The translation models (and their autograd) load only in the lesson that names `models`.
    models: () => import("../models/alignment/lesson.ts"),
    Plot,
    Inputs,
    d3,
    html,
    svg,
    // KaTeX loads only when a cell names `tex` (prose math is rendered at build time).
    tex: loadTex,
    Generators,
    // Generators are defined lazily so each runtime gets its own.
    width: () => width(measureWidth),
    now: () => now(),
  };
}

/** Names whose builtin is a definition to call (a generator or a lazy import) rather than a value. */
export const LAZY_BUILTINS = new Set(["width", "now", "tex", "models"]);

/**
 * The runtime calls a builtin's definition to get its value, so every plain value (a kernel
 * function, a library namespace) is wrapped in a function that returns it.
 */
export function runtimeBuiltins(measureWidth?: () => number): Record<string, () => unknown> {
  const values = builtinValues(measureWidth);
  const wrapped: Record<string, () => unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    wrapped[name] = LAZY_BUILTINS.has(name) ? (value as () => unknown) : () => value;
  }
  return wrapped;
}
