// Node only (check-lessons and tests): runs learner code in a `vm` context with a time limit, so an
// endless loop in a starter is reported instead of hanging the run. The browser uses a Worker instead.
import vm from "node:vm";
import type { ModuleRunner } from "./transform.ts";

/** Globals shared with the context, so matrices and errors made by learner code pass instanceof checks. */
const SHARED = {
  Float64Array, Float32Array, Int32Array, Uint8Array, Array, Object, Number, String, Boolean, Math, JSON,
  Error, TypeError, RangeError, SyntaxError, Map, Set, Infinity, NaN, isFinite, isNaN, parseFloat, parseInt,
};

/** A ModuleRunner whose module body and every call into an exported function stop after `timeoutMs`. */
export function timedRunner(timeoutMs: number): ModuleRunner {
  return (js, { exports, require, module }) => {
    const context = vm.createContext({ ...SHARED, exports, require, module, console: { log() {}, warn() {}, error() {} } });
    // Two blank lines stand in for the header `new Function` adds, so reported lines match the browser's.
    vm.runInContext(`\n\n${js}`, context, { timeout: timeoutMs, filename: "your-code.js" });
    const out = (module as { exports: Record<string, unknown> }).exports;
    for (const [name, value] of Object.entries(out)) {
      if (typeof value !== "function") continue;
      out[name] = (...args: unknown[]) => {
        context.__call = () => (value as (...a: unknown[]) => unknown)(...args);
        return vm.runInContext("__call()", context, { timeout: timeoutMs });
      };
    }
  };
}
