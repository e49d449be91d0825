import { sliceCols, type Matrix } from "kernel";

/** Head `head`'s block of columns of a full d_model × d_model projection W, with `heads` heads. */
export function headColumns(W: Matrix, heads: number, head: number): Matrix {
  const dk = W.cols / heads; // each head's share of the columns
  return sliceCols(W, head * dk, (head + 1) * dk); // (d_model, d_model) -> (d_model, d_k)
}
