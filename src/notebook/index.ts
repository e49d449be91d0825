export { mountLesson, type MountedLesson, type MountOptions, type CellError } from "./mount.ts";
export { builtinValues, runtimeBuiltins, loadTex } from "./builtins.ts";
export { BUILTIN_NAMES, LIBRARY_NAMES, GLOBAL_NAMES } from "./names.ts";
export { Generators } from "./generators.ts";
export { formatNumber, formatValue, renderValue, matrixTable } from "./display.ts";
