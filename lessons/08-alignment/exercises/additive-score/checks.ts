import { map, matmul, randn, softmax, transpose, zeros, type Matrix } from "kernel";
import { defineChecks } from "../../../../src/exercises/checks.ts";

/** The score with one step changed: `inner` maps the pre-activation, `outer` the weighted sum. */
function scores(S: Matrix, H: Matrix, W: Matrix, U: Matrix, v: Matrix, inner: (x: number) => number, outer: (x: number) => number): Matrix {
  const SW = matmul(S, W), HU = matmul(H, U); // (m, da), (T, da)
  const da = W.cols, out = zeros(S.rows, H.rows);
  for (let i = 0; i < S.rows; i++) {
    for (let j = 0; j < H.rows; j++) {
      let e = 0;
      for (let a = 0; a < da; a++) e += inner(SW.data[i * da + a] + HU.data[j * da + a]) * v.data[a];
      out.data[i * H.rows + j] = outer(e);
    }
  }
  return out;
}

const right = (S: Matrix, H: Matrix, W: Matrix, U: Matrix, v: Matrix): Matrix => scores(S, H, W, U, v, Math.tanh, (e) => e);

export default defineChecks({
  entry: "additiveScores",
  forbid: ["additiveAttention"],
  axes: { rows: "decoder state", cols: "encoder state" },
  // m ≠ T, ds ≠ dh ≠ da, and entries large enough that tanh bends: every mistake below shows.
  cases: [
    { name: "2 decoder states, 4 encoder states, ds = 3, dh = 5, da = 2", args: (r) => [randn(2, 3, r), randn(4, 5, r), randn(3, 2, r), randn(5, 2, r), randn(2, 1, r)] },
    { name: "3 decoder states, 5 encoder states, ds = 4, dh = 2, da = 3", args: (r) => [randn(3, 4, r), randn(5, 2, r), randn(4, 3, r), randn(2, 3, r), randn(3, 1, r)] },
    { name: "1 decoder state, 3 encoder states, ds = 2, dh = 6, da = 4", args: (r) => [randn(1, 2, r), randn(3, 6, r), randn(2, 4, r), randn(6, 4, r), randn(4, 1, r)] },
  ],
  mistakes: [
    {
      id: "forgot-tanh",
      message: "It looks like you left out the tanh: your scores are (s_i W + h_j U) · v. The nonlinearity is what makes the score more than a sum of a decoder part and an encoder part; apply Math.tanh to each entry before multiplying by v.",
      fn: (S, H, W, U, v) => scores(S, H, W, U, v, (x) => x, (e) => e),
    },
    {
      id: "tanh-after-v",
      message: "It looks like you applied tanh after the dot product with v, to the whole score. The tanh belongs inside: take tanh of each of the da entries of s_i W + h_j U, then the dot product with v.",
      fn: (S, H, W, U, v) => scores(S, H, W, U, v, (x) => x, Math.tanh),
    },
    {
      id: "multiplied-projections",
      message: "It looks like you multiplied the projections, (s_i W) · (h_j U), as dot-product attention would. Additive attention adds them: tanh(s_i W + h_j U), then the dot product with v.",
      fn: (S, H, W, U) => matmul(matmul(S, W), transpose(matmul(H, U))),
    },
    {
      id: "applied-softmax",
      message: "It looks like you applied softmax to the scores. This exercise asks for the raw scores e_ij; the softmax that turns them into weights comes next.",
      fn: (S, H, W, U, v) => softmax(right(S, H, W, U, v)),
    },
    {
      id: "negated",
      message: "Your scores have the opposite sign. Check that you add s_i W and h_j U (not subtract) and that nothing multiplies the result by -1.",
      fn: (S, H, W, U, v) => map(right(S, H, W, U, v), (x) => -x),
    },
  ],
});
