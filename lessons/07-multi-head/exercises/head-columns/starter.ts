import { sliceCols, type Matrix } from "kernel";

/** Head `head`'s block of columns of a full d_model × d_model projection W, with `heads` heads. */
export function headColumns(W: Matrix, heads: number, head: number): Matrix {
  // d_k = W.cols / heads; head k owns columns k·d_k up to (k + 1)·d_k
  return W;
}
