// Fitting a one-parameter mistake to the learner's result: which fill constant (−20? −1e9?) makes the
// flawed computation give exactly what the learner's code gave? A learner may pick any constant, so the
// engine can't list them all; it searches a grid and refines between the best point's neighbours.
import { isMatrix, type Matrix } from "kernel";
import { isClose } from "./compare.ts";
import type { MistakeFamily } from "./types.ts";

/** Golden-section steps between two neighbouring grid values: ample for doubles. */
const REFINE_STEPS = 80;

/** How far `m` is from `target`: the largest |m − target| / (1 + |target|), Infinity when the shapes differ. */
function distance(m: unknown, target: Matrix): number {
  if (!isMatrix(m) || m.rows !== target.rows || m.cols !== target.cols) return Infinity;
  let worst = 0;
  for (let t = 0; t < m.data.length; t++) {
    const a = m.data[t], b = target.data[t];
    if (a === b || (Number.isNaN(a) && Number.isNaN(b))) continue;
    const d = Math.abs(a - b) / (1 + Math.abs(b));
    if (!(d <= worst)) worst = Number.isNaN(d) ? Infinity : d;
  }
  return worst;
}

/**
 * The member of `family` closest to `target` on one case's arguments, or null when none is within
 * `tol` (the member may throw: then it is skipped). Members are compared as the engine compares results.
 */
export function fitFamily(family: MistakeFamily<unknown[]>, args: () => unknown[], target: Matrix, tol: number): Matrix | null {
  const at = (value: number): { value: number; out: Matrix | null; d: number } => {
    try {
      const out = family.fn(value, ...args());
      return { value, out: isMatrix(out) ? out : null, d: distance(out, target) };
    } catch {
      return { value, out: null, d: Infinity };
    }
  };
  const grid = family.values.map(at);
  let best = 0;
  for (let k = 1; k < grid.length; k++) if (grid[k].d < grid[best].d) best = k;
  let found = grid[best];
  if (!within(found, target, tol)) {
    // The result is monotone in the value between neighbours (one more or less weight on the hidden keys),
    // so the distance has one minimum there: golden-section search finds it.
    let lo = grid[Math.max(0, best - 1)].value, hi = grid[Math.min(grid.length - 1, best + 1)].value;
    const phi = (Math.sqrt(5) - 1) / 2;
    for (let step = 0; step < REFINE_STEPS && !within(found, target, tol); step++) {
      const a = at(hi - phi * (hi - lo)), b = at(lo + phi * (hi - lo));
      if (a.d < found.d) found = a;
      if (b.d < found.d) found = b;
      if (a.d <= b.d) hi = b.value; else lo = a.value;
    }
  }
  return within(found, target, tol) ? found.out : null;
}

function within(p: { out: Matrix | null }, target: Matrix, tol: number): boolean {
  if (!p.out) return false;
  for (let t = 0; t < target.data.length; t++) {
    const a = p.out.data[t], b = target.data[t];
    if (!(Number.isNaN(a) && Number.isNaN(b)) && !isClose(a, b, tol)) return false;
  }
  return true;
}

/** −10^e for e from `from` to `to` in steps of 1/`perDecade`: a grid of negative constants, nearest 0 first. */
export function negativeLogGrid(from: number, to: number, perDecade = 16): number[] {
  const out: number[] = [];
  for (let k = Math.round(from * perDecade); k <= Math.round(to * perDecade); k++) out.push(-(10 ** (k / perDecade)));
  return out;
}
