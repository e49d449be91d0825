// The matrix product again, arranged for speed. Read matmul.ts first: this file changes only the order in
// which the entries of the result are computed, never how one is computed. Each out[i][j] is still
// Σ_p a[i][p]·b[p][j] added up in the order p = 0, 1, 2, …, so the results equal matmul's bit for bit.

import { floats } from "./arena.ts";
import { type Matrix } from "./matrix.ts";
import { checkMatmul } from "./matmul.ts";
import { simdTilesInto } from "./wasm/matmul-simd.ts";

// From about this many multiply-adds (13³), copying into WebAssembly memory and back pays for itself.
const SIMD_FROM = 2048;

/** a·b, equal to matmul(a, b) bit for bit; 4x as fast in JavaScript, 12-20x with SIMD (npm run bench). */
export function matmulFast(a: Matrix, b: Matrix): Matrix {
  checkMatmul(a, b);
  const out = { rows: a.rows, cols: b.cols, data: floats(a.rows * b.cols) }; // (n, k) @ (k, m) -> (n, m), see arena.ts
  matmulInto(a, b, out);
  return out;
}

/** Writes a·b into out, which must be n x m and share no data with a or b. Unchecked: callers check. */
export function matmulInto(a: Matrix, b: Matrix, out: Matrix): void {
  const A = a.data, B = b.data, O = out.data;
  const n = a.rows, k = a.cols, m = b.cols;
  const n4 = n - (n % 4), m4 = m - (m % 4); // the part that splits into whole 4x4 tiles
  // Large products run these same tiles in WebAssembly SIMD (wasm/matmul-simd.ts), bit for bit alike,
  // two columns per instruction; the loop below then has no tile left to do.
  const simdDone = n4 * k * m4 >= SIMD_FROM && simdTilesInto(A, B, O, { n4, k, m4, m }, false, 1);
  for (let i = simdDone ? n4 : 0; i < n4; i += 4) {
    for (let j = 0; j < m4; j += 4) {
      // A 4x4 tile of out at once, its 16 running sums kept in registers: each number read from a or b
      // serves 4 multiply-adds, where the plain loop reads 2 numbers for each one. That is most of the
      // 4-5x speed-up; 2x4 tiles ran level on x64 (16 float registers), 4x4 suits arm64's 32.
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let p = 0, x = i * k, y = j; p < k; p++, x++, y += m) {
        const a0 = A[x], a1 = A[x + k], a2 = A[x + 2 * k], a3 = A[x + 3 * k]; // column p of rows i..i+3
        const b0 = B[y], b1 = B[y + 1], b2 = B[y + 2], b3 = B[y + 3]; // row p, columns j..j+3
        s00 += a0 * b0; s01 += a0 * b1; s02 += a0 * b2; s03 += a0 * b3;
        s10 += a1 * b0; s11 += a1 * b1; s12 += a1 * b2; s13 += a1 * b3;
        s20 += a2 * b0; s21 += a2 * b1; s22 += a2 * b2; s23 += a2 * b3;
        s30 += a3 * b0; s31 += a3 * b1; s32 += a3 * b2; s33 += a3 * b3;
      }
      const o = i * m + j;
      O[o] = s00; O[o + 1] = s01; O[o + 2] = s02; O[o + 3] = s03;
      O[o + m] = s10; O[o + m + 1] = s11; O[o + m + 2] = s12; O[o + m + 3] = s13;
      O[o + 2 * m] = s20; O[o + 2 * m + 1] = s21; O[o + 2 * m + 2] = s22; O[o + 2 * m + 3] = s23;
      O[o + 3 * m] = s30; O[o + 3 * m + 1] = s31; O[o + 3 * m + 2] = s32; O[o + 3 * m + 3] = s33;
    }
  }
  // What the tiles left over (up to 3 last rows and columns): one entry at a time, as in matmul.
  for (let i = 0; i < n; i++) {
    for (let j = i < n4 ? m4 : 0; j < m; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += A[i * k + p] * B[p * m + j];
      O[i * m + j] = sum;
    }
  }
}

/**
 * Writes scale · a·bᵀ into out for a (n x k) and b (m x k): the attention scores (Q Kᵀ)·scale, without
 * building Kᵀ. Equal bit for bit to scaling matmul(a, transpose(b)). out must be n x m, unshared; unchecked.
 */
export function matmulTransposedInto(a: Matrix, b: Matrix, out: Matrix, scale = 1): void {
  const A = a.data, B = b.data, O = out.data;
  const n = a.rows, k = a.cols, m = b.rows;
  const n4 = n - (n % 4), m4 = m - (m % 4);
  const simdDone = n4 * k * m4 >= SIMD_FROM && simdTilesInto(A, B, O, { n4, k, m4, m }, true, scale);
  for (let i = simdDone ? n4 : 0; i < n4; i += 4) {
    for (let j = 0; j < m4; j += 4) {
      // Row j of b is column j of bᵀ, so every read walks along a row: four rows of a against four of b.
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let p = 0, x = i * k, y = j * k; p < k; p++, x++, y++) {
        const a0 = A[x], a1 = A[x + k], a2 = A[x + 2 * k], a3 = A[x + 3 * k];
        const b0 = B[y], b1 = B[y + k], b2 = B[y + 2 * k], b3 = B[y + 3 * k];
        s00 += a0 * b0; s01 += a0 * b1; s02 += a0 * b2; s03 += a0 * b3;
        s10 += a1 * b0; s11 += a1 * b1; s12 += a1 * b2; s13 += a1 * b3;
        s20 += a2 * b0; s21 += a2 * b1; s22 += a2 * b2; s23 += a2 * b3;
        s30 += a3 * b0; s31 += a3 * b1; s32 += a3 * b2; s33 += a3 * b3;
      }
      // The scale is applied once per score as it is stored, not in a second pass over the matrix.
      const o = i * m + j;
      O[o] = s00 * scale; O[o + 1] = s01 * scale; O[o + 2] = s02 * scale; O[o + 3] = s03 * scale;
      O[o + m] = s10 * scale; O[o + m + 1] = s11 * scale; O[o + m + 2] = s12 * scale; O[o + m + 3] = s13 * scale;
      O[o + 2 * m] = s20 * scale; O[o + 2 * m + 1] = s21 * scale; O[o + 2 * m + 2] = s22 * scale; O[o + 2 * m + 3] = s23 * scale;
      O[o + 3 * m] = s30 * scale; O[o + 3 * m + 1] = s31 * scale; O[o + 3 * m + 2] = s32 * scale; O[o + 3 * m + 3] = s33 * scale;
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i < n4 ? m4 : 0; j < m; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) sum += A[i * k + p] * B[j * k + p];
      O[i * m + j] = sum * scale;
    }
  }
}

