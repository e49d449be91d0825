import { zeros, type Matrix } from "kernel";

/** The n × n permutation matrix P whose product P X has row order[i] of X at row i. */
export function permutationMatrix(order: number[]): Matrix {
  const n = order.length;
  const P = zeros(n, n); // entry (i, j) is P.data[i * n + j]
  // Put a single 1 in each row.
  return P;
}
