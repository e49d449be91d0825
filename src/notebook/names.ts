// Names every lesson cell sees without defining them. The lesson compiler reads this list at build
// time to warn about unknown names; test/notebook/builtins.test.ts checks it matches the runtime's builtins.
import * as kernel from "../kernel/index.ts";
import * as charts from "../charts/index.ts";

/** Library and runtime builtins, beside every kernel and course-chart export. */
export const LIBRARY_NAMES = [
  "Plot", "Inputs", "d3", "html", "svg", "tex", "Generators", "invalidation", "visibility", "width", "now", "models",
] as const;

/** Globals of the browser that cells may use freely. */
export const GLOBAL_NAMES = [
  "Math", "Number", "String", "Array", "Object", "JSON", "Date", "Infinity", "NaN", "undefined", "console",
  "Float64Array", "Float32Array", "Int32Array", "Uint8Array", "Map", "Set", "Promise", "Symbol", "Error",
  "isFinite", "isNaN", "parseFloat", "parseInt", "document", "window", "performance", "requestAnimationFrame",
  "setTimeout", "clearTimeout", "setInterval", "clearInterval", "Boolean", "RegExp", "BigInt", "structuredClone",
  "Intl", "globalThis", "this", "arguments",
] as const;

export const BUILTIN_NAMES: readonly string[] = [
  ...LIBRARY_NAMES,
  ...Object.keys(kernel),
  ...Object.keys(charts),
];
