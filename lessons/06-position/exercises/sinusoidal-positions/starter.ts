import { zeros, type Matrix } from "kernel";

/** Sinusoidal position encodings: row t is the code of position t, n × d. */
export function positionEncodings(n: number, d: number): Matrix {
  const PE = zeros(n, d); // entry (t, j) is PE.data[t * d + j]
  for (let t = 0; t < n; t++) {
    for (let j = 0; j < d; j++) {
      // pair i = floor(j / 2), angle t / 10000^(2i/d):
      // the sine in even columns, the cosine in odd ones
    }
  }
  return PE;
}
