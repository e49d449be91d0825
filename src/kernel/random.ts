// Seeded randomness, so that every lesson, test and exercise sees the same "random" numbers on every run.

import { checkSize, describe } from "./errors.ts";
import { type Matrix, zeros } from "./matrix.ts";

/**
 * A deterministic generator of uniform numbers in [0, 1) (mulberry32): the same seed always gives the
 * same sequence. Seeds are integers, taken modulo 2³².
 * @example const next = rng(42); next(); // 0.6011037519201636, on every machine
 */
export function rng(seed: number): () => number {
  if (typeof seed !== "number" || !Number.isInteger(seed)) {
    throw new TypeError(`rng: seed must be an integer, got ${describe(seed)}`);
  }
  let state = seed >>> 0; // 32-bit unsigned; the state stays an integer, so it never loses precision
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    // Mix the bits of the counter so that neighbouring states give unrelated outputs.
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296; // 32 random bits -> [0, 1)
  };
}

/** A rows x cols matrix of standard normal numbers (mean 0, variance 1), from a seed or a generator. */
export function randn(rows: number, cols: number, seedOrRng: number | (() => number)): Matrix {
  checkSize("randn", "rows", rows);
  checkSize("randn", "cols", cols);
  if (typeof seedOrRng !== "function" && !Number.isInteger(seedOrRng)) {
    throw new TypeError(`randn: seedOrRng must be an integer seed or a generator like rng(1), got ${describe(seedOrRng)}`);
  }
  const next = typeof seedOrRng === "function" ? seedOrRng : rng(seedOrRng);
  const out = zeros(rows, cols);
  const n = out.data.length;
  for (let t = 0; t < n; t += 2) {
    // Box-Muller: two uniforms give two independent normals, a random radius and a random angle.
    // 1 - u lies in (0, 1], so the log never sees 0.
    const radius = Math.sqrt(-2 * Math.log(1 - next()));
    const angle = 2 * Math.PI * next();
    out.data[t] = radius * Math.cos(angle);
    if (t + 1 < n) out.data[t + 1] = radius * Math.sin(angle);
  }
  return out;
}
