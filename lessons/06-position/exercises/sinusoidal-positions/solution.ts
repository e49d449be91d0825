import { zeros, type Matrix } from "kernel";

/** Sinusoidal position encodings: row t is the code of position t, n × d. */
export function positionEncodings(n: number, d: number): Matrix {
  const PE = zeros(n, d); // (n, d)
  for (let t = 0; t < n; t++) {
    for (let j = 0; j < d; j++) {
      const i = Math.floor(j / 2); // columns 2i and 2i + 1 share a frequency
      const angle = t / Math.pow(10000, (2 * i) / d);
      PE.data[t * d + j] = j % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return PE;
}
