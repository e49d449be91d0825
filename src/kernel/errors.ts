// Errors thrown by the kernel. Messages are lowercase, have no final period, and name the op, the
// argument and the shapes, so the first line of a stack trace says what to fix:
//   attention: K must have as many columns as Q: Q is 3x4, K is 5x2
// A ShapeError is about sizes (a shape, a size, an index); anything else wrong with an argument
// (not a matrix, not a number, not a function) is a TypeError.

/** A matrix has the wrong shape for the op, or a size or an index is not a valid count. */
export class ShapeError extends Error {
  override name = "ShapeError";
}

/** Describes a value for an error message: `3`, `"3"`, `undefined`, `an array`, `an object`. */
export function describe(x: unknown): string {
  if (typeof x === "number") return String(x);
  if (typeof x === "string") return JSON.stringify(x);
  if (x === null || x === undefined || typeof x === "boolean") return String(x);
  if (Array.isArray(x)) return "an array";
  if (typeof x === "function") return "a function";
  return `a ${typeof x}`.replace(/^a object$/, "an object");
}

/** Throws unless n is a positive integer (a number of rows, columns, positions, ...). */
export function checkSize(op: string, name: string, n: unknown): asserts n is number {
  if (typeof n !== "number") throw new TypeError(`${op}: ${name} must be a number, got ${describe(n)}`);
  if (!Number.isInteger(n) || n < 1) {
    throw new ShapeError(`${op}: ${name} must be a positive integer, got ${describe(n)}`);
  }
}

/**
 * Throws unless opts is an options object whose keys are all in `known`, so that a typo such as
 * `{ scal: 2 }`, or a mask passed where the options go, is reported instead of silently ignored.
 */
export function checkOptions(op: string, opts: unknown, known: readonly string[]): void {
  const like = `an object like { ${known.join(", ")} }`;
  if (typeof opts !== "object" || opts === null) throw new TypeError(`${op}: opts must be ${like}, got ${describe(opts)}`);
  if ("rows" in opts && "data" in opts) throw new TypeError(`${op}: opts must be ${like}, got a matrix (pass a mask as { mask })`);
  for (const key of Object.keys(opts)) {
    if (!known.includes(key)) throw new TypeError(`${op}: unknown option ${JSON.stringify(key)}, expected one of ${known.join(", ")}`);
  }
}

/** Throws unless x is a finite number. */
export function checkNumber(op: string, name: string, x: unknown): asserts x is number {
  if (typeof x !== "number" || !Number.isFinite(x)) {
    throw new TypeError(`${op}: ${name} must be a finite number, got ${describe(x)}`);
  }
}
