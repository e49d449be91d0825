import { zeros, type Matrix } from "kernel";

/** The n × n permutation matrix P whose product P X has row order[i] of X at row i. */
export function permutationMatrix(order: number[]): Matrix {
  const n = order.length;
  const P = zeros(n, n); // (n, n)
  order.forEach((k, i) => {
    P.data[i * n + k] = 1; // row i picks row k = order[i] of X
  });
  return P;
}
