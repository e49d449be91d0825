// Reverse-mode automatic differentiation over kernel matrices: a Tensor is a Matrix that remembers the
// op that made it; `backward(loss)` fills every parameter's `grad`; an optimizer updates the parameters.
//
//   const W = param(randn(3, 2, 1));
//   const loss = crossEntropy(matmul(constant(X), W), targets);
//   backward(loss); adam.step(); adam.zeroGrad();

export { Tensor, param, constant, backward, gradOf } from "./tensor.ts";
export { matmul, add, sub, mul, scale, sum, mean } from "./linear.ts";
export { tanh, sigmoid } from "./activations.ts";
export { softmaxRows, logSoftmax, nll, crossEntropy } from "./softmax.ts";
export { concatCols, sliceRows, gatherRows, stackSteps, maskFill } from "./shape.ts";
export { additiveScores, attendRows } from "./attention.ts";
export { gruCell } from "./gru.ts";
export { type Optimizer, SGD, Adam, clipGradNorm, zeroGrad } from "./optim.ts";
