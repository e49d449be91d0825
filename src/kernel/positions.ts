// Attention by itself ignores order: permute the keys and values together and the output doesn't change.
// Adding a position code to each input row gives the model a sense of where each token is.

import { checkSize } from "./errors.ts";
import { type Matrix, zeros } from "./matrix.ts";

/**
 * The sinusoidal position codes of "Attention Is All You Need", n x d:
 * `PE[p][2i] = sin(p / 10000^(2i/d))`, `PE[p][2i+1] = cos(p / 10000^(2i/d))`. An odd d ends with a sine.
 * @example sinusoidalPositions(2, 2) // [[0, 1], [sin 1, cos 1]]
 */
export function sinusoidalPositions(n: number, d: number): Matrix {
  checkSize("sinusoidalPositions", "n", n);
  checkSize("sinusoidalPositions", "d", d);
  const pe = zeros(n, d); // (n, d): one row per position
  for (let p = 0; p < n; p++) {
    for (let j = 0; j < d; j++) {
      const i = Math.floor(j / 2); // columns 2i and 2i+1 share a frequency
      // Each pair turns at its own speed, from a wavelength of 2π (i = 0) to nearly 10000·2π, so nearby
      // positions differ in the fast columns and distant ones in the slow columns.
      const angle = p / Math.pow(10000, (2 * i) / d);
      pe.data[p * d + j] = j % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return pe;
}
