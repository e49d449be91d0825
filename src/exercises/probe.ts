// Why did it fail? When an answer fails for no known mistake, the learner's function runs once more on
// watched matrices: each Matrix (its arguments and whatever the kernel returns to it) is a Proxy that notes
// `m[i]` (a Matrix indexed like an array) and `m.data[k]` with k outside 0 … length − 1 (a loop that ran
// past the end of a row). Kernel functions get the real matrices back, so only the learner's own reads
// are watched. What the probe finds becomes the message: it says what the code did, on which line.
import { isMatrix, type Matrix } from "kernel";
import { learnerKernel, type Crossing } from "./learner-kernel.ts";

/** One suspicious access by the learner's code. */
export type Finding =
  | { kind: "matrix-index"; matrix: string; key: string; write: boolean; line: number | null }
  | { kind: "out-of-range"; matrix: string; index: number; rows: number; cols: number; write: boolean; line: number | null }
  /** `m.data[i][j]`: found in the source, since indexing a number gives undefined without a trace. */
  | { kind: "data-twice"; matrix: string; line: number };

/** Finds where in the learner's code (your-code.js) an access happened, from a stack captured there. */
export type Locate = (stack: string) => number | null;

const INDEX = /^-?(\d+(\.\d+)?|Infinity)$|^NaN$/;

/** A Proxy of `m` (named `name` in messages) that records suspicious accesses into `found`. */
function watch(m: Matrix, name: string, found: Finding[], locate: Locate, targets: WeakMap<object, object>): Matrix {
  const where = (): number | null => locate(new Error().stack ?? "");
  const data = new Proxy(m.data, {
    get(t, key) {
      if (typeof key === "string" && INDEX.test(key)) {
        const k = Number(key);
        if (!(Number.isInteger(k) && k >= 0 && k < t.length)) found.push({ kind: "out-of-range", matrix: name, index: k, rows: m.rows, cols: m.cols, write: false, line: where() });
        return t[k];
      }
      const value: unknown = Reflect.get(t, key, t);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
    set(t, key, value) {
      if (typeof key === "string" && INDEX.test(key)) {
        const k = Number(key);
        if (!(Number.isInteger(k) && k >= 0 && k < t.length)) found.push({ kind: "out-of-range", matrix: name, index: k, rows: m.rows, cols: m.cols, write: true, line: where() });
      }
      return Reflect.set(t, key, value, t);
    },
  });
  targets.set(data, m.data);
  const proxy = new Proxy(m, {
    get(t, key) {
      if (typeof key === "string" && INDEX.test(key)) found.push({ kind: "matrix-index", matrix: name, key, write: false, line: where() });
      return key === "data" ? data : Reflect.get(t, key, t);
    },
    set(t, key, value) {
      if (typeof key === "string" && INDEX.test(key)) found.push({ kind: "matrix-index", matrix: name, key, write: true, line: where() });
      return Reflect.set(t, key, value, t);
    },
  });
  targets.set(proxy, m);
  return proxy;
}

/** Proxies for every Matrix in `value` (a Matrix, or arrays and plain objects holding some), two levels deep. */
function watchAll(value: unknown, name: string, wrap: (m: Matrix, name: string) => Matrix, depth = 2): unknown {
  if (isMatrix(value)) return wrap(value, name);
  if (depth === 0 || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((v, i) => watchAll(v, `${name}[${i}]`, wrap, depth - 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, watchAll(v, `${name}.${k}`, wrap, depth - 1)]));
}

/** The real objects behind any proxies in `value`, so kernel functions never see a proxy. */
function unwrapAll(value: unknown, targets: WeakMap<object, object>, depth = 2): unknown {
  if (typeof value !== "object" || value === null) return value;
  const real = targets.get(value);
  if (real) return real;
  if (depth === 0) return value;
  if (Array.isArray(value)) return value.map((v) => unwrapAll(v, targets, depth - 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapAll(v, targets, depth - 1)]));
}

/** A watched kernel for learner code and a way to watch the entry's arguments; `found` fills as it runs. */
export function probingKernel(forbid: readonly string[], locate: Locate): {
  module: Record<string, unknown>;
  watchArgs(args: unknown[], names: readonly (string | null)[]): unknown[];
  found: Finding[];
} {
  const found: Finding[] = [];
  const targets = new WeakMap<object, object>();
  const wrap = (m: Matrix, name: string): Matrix => watch(m, name, found, locate, targets);
  const crossing: Crossing = {
    inward: (v) => unwrapAll(v, targets),
    outward: (v, madeBy) => watchAll(v, `the matrix ${madeBy}(…) returned`, wrap),
  };
  const { module } = learnerKernel(forbid, crossing);
  return {
    module,
    found,
    watchArgs: (args, names) => args.map((a, i) => watchAll(a, names[i] ?? `argument ${i + 1}`, wrap)),
  };
}

/** The first `m.data[…][…]` in the learner's source (data is flat, so its entries are numbers), or null. */
export function dataIndexedTwice(code: string): Finding | null {
  const lines = code.split("\n");
  for (let k = 0; k < lines.length; k++) {
    const m = /([A-Za-z_$][\w$]*)\.data\s*\[[^[\]]*(?:\[[^[\]]*\][^[\]]*)*\]\s*\[/.exec(lines[k].replace(/\/\/.*$/, ""));
    if (m) return { kind: "data-twice", matrix: m[1], line: k + 1 };
  }
  return null;
}
