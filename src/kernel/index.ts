// The attention kernel: the public names. Lessons, exercises, charts and the autograd import from here.
//
// matmul, softmax and attention are each written twice: plainly, to be read first (matmul.ts, softmax.ts,
// attention.ts, which the lessons link to), and arranged for speed beside them (matmul-fast.ts, …). The
// public names are the fast versions; the tests prove they give the plain versions' numbers.

export { ShapeError } from "./errors.ts";
export {
  type Matrix,
  matrix,
  toArray,
  zeros,
  fromFlat,
  eye,
  shape,
  isMatrix,
  transpose,
} from "./matrix.ts";
export {
  add,
  sub,
  scale,
  hadamard,
  map,
  row,
  col,
  concatCols,
  sliceCols,
  rowSums,
  mean,
  variance,
  allClose,
} from "./ops.ts";
export { rng, randn } from "./random.ts";
export { matmulFast as matmul } from "./matmul-fast.ts";
export { softmaxFast as softmax } from "./softmax-fast.ts";
export { softmaxBackward, entropy } from "./softmax.ts";
export { causalMask, paddingMask } from "./masks.ts";
export type { AttentionOptions, AttentionResult } from "./attention.ts";
export { attentionFast as attention } from "./attention-fast.ts";
export { type AdditiveParams, additiveAttention } from "./additive.ts";
export { type MultiHeadParams, type MultiHeadResult, multiHeadAttention } from "./multihead.ts";
export { sinusoidalPositions } from "./positions.ts";
