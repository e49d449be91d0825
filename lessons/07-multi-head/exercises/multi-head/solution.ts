import { attention, concatCols, matmul, type Matrix } from "kernel";

/** Multi-head self-attention: h heads side by side, mixed by Wo. */
export function multiHead(X: Matrix, Wq: Matrix[], Wk: Matrix[], Wv: Matrix[], Wo: Matrix): Matrix {
  const outputs = Wq.map((_, k) => {
    const Q = matmul(X, Wq[k]); // (n, d_model) @ (d_model, d_k) -> (n, d_k)
    const K = matmul(X, Wk[k]); // (n, d_k)
    const V = matmul(X, Wv[k]); // (n, d_k)
    return attention(Q, K, V).output; // (n, d_k), scaled by 1/√d_k of this head
  });
  return matmul(concatCols(outputs), Wo); // (n, h·d_k) @ (h·d_k, d_model) -> (n, d_model)
}
