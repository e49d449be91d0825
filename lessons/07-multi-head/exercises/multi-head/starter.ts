import { attention, concatCols, matmul, zeros, type Matrix } from "kernel";

/** Multi-head self-attention: h heads side by side, mixed by Wo. */
export function multiHead(X: Matrix, Wq: Matrix[], Wk: Matrix[], Wv: Matrix[], Wo: Matrix): Matrix {
  // 1. for each head k: attention(X Wq[k], X Wk[k], X Wv[k]).output      (n, d_k)
  // 2. lay the heads' outputs side by side                              (n, h·d_k)
  // 3. project with Wo                                                  (n, d_model)
  return zeros(X.rows, Wo.cols);
}
