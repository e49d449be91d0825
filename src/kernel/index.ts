// The attention kernel: the public names. Lessons, exercises, charts and the autograd import from here.

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
export { matmul } from "./matmul.ts";
export { softmax, softmaxBackward, entropy } from "./softmax.ts";
export { causalMask, paddingMask } from "./masks.ts";
export { type AttentionOptions, type AttentionResult, attention } from "./attention.ts";
export { type AdditiveParams, additiveAttention } from "./additive.ts";
export { type MultiHeadParams, type MultiHeadResult, multiHeadAttention } from "./multihead.ts";
export { sinusoidalPositions } from "./positions.ts";
