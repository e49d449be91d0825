// The one type of the autograd: a Matrix that remembers how it was made, so that the gradient of a
// scalar loss can flow back to every matrix it came from (reverse mode, as in micrograd, on matrices).
//
// Each op (in the files beside this one) computes its output and, right beside it, a `backward` that
// adds the op's contribution to its inputs' gradients. `backward(loss)` visits the graph from the loss
// back to the leaves in reverse topological order and calls them.

import { type Matrix, ShapeError, isMatrix, shape } from "../kernel/index.ts";

function checkMatrix(op: string, x: unknown): asserts x is Matrix {
  if (!isMatrix(x)) throw new TypeError(`${op}: m must be a matrix`);
}

/** A matrix in the autograd graph. It is a kernel `Matrix`, so every kernel function accepts it. */
export class Tensor implements Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
  /** ∂loss/∂this, the shape of `data`; allocated by the first op that sends a gradient here. */
  grad: Float64Array | null = null;
  /** True for parameters and for everything computed from one; constants get no gradient. */
  readonly requiresGrad: boolean;
  /** The tensors this one was computed from (empty for leaves and for constant results). */
  readonly parents: readonly Tensor[];
  /** Adds this op's share of the gradient (from `out.grad`) to its parents' `grad`; null for leaves. */
  readonly backwardFn: ((out: Tensor) => void) | null;
  /** The op that made this tensor, for debugging: "matmul", "tanh", "param", … */
  readonly op: string;

  constructor(rows: number, cols: number, data: Float64Array, op = "leaf", requiresGrad = false,
    parents: readonly Tensor[] = [], backwardFn: ((out: Tensor) => void) | null = null) {
    if (data.length !== rows * cols) throw new ShapeError(`tensor: data has ${data.length} values, expected ${rows * cols} (${rows}x${cols})`);
    this.rows = rows;
    this.cols = cols;
    this.data = data;
    this.op = op;
    this.requiresGrad = requiresGrad;
    this.parents = parents;
    this.backwardFn = backwardFn;
  }
}

/** A trainable leaf holding a copy of m: its gradient is kept and optimizers update its data in place. */
export function param(m: Matrix): Tensor {
  checkMatrix("param", m);
  return new Tensor(m.rows, m.cols, Float64Array.from(m.data), "param", true);
}

/** A leaf that needs no gradient (inputs, masks, frozen weights); shares m's data. */
export function constant(m: Matrix): Tensor {
  if (m instanceof Tensor && !m.requiresGrad) return m;
  checkMatrix("constant", m);
  return new Tensor(m.rows, m.cols, m.data, "constant", false);
}

/**
 * The result of an op: `backward` is kept only when some input needs a gradient, so a forward pass
 * over constants (inference) builds no graph and holds no memory.
 */
export function result(op: string, rows: number, cols: number, data: Float64Array,
  inputs: readonly Tensor[], backward: (out: Tensor) => void): Tensor {
  const requiresGrad = inputs.some((t) => t.requiresGrad);
  return requiresGrad ? new Tensor(rows, cols, data, op, true, inputs, backward) : new Tensor(rows, cols, data, op, false);
}

/** t.grad, allocated as zeros on first use. Ops call it in `backward` for inputs that need a gradient. */
export function gradOf(t: Tensor): Float64Array {
  if (t.grad === null) t.grad = new Float64Array(t.data.length);
  return t.grad;
}

/** Throws unless a and b have the same shape. */
export function checkSameShape(op: string, a: Matrix, b: Matrix): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new ShapeError(`${op}: a and b must have the same shape: a is ${shape(a)}, b is ${shape(b)}`);
  }
}

/**
 * Back-propagates from a 1x1 loss: afterwards every tensor that led to it and requires a gradient holds
 * ∂loss/∂tensor in `grad` (parameters accumulate across calls until their grads are zeroed).
 */
export function backward(loss: Tensor): void {
  if (loss.rows !== 1 || loss.cols !== 1) throw new ShapeError(`backward: loss must be 1x1, got ${shape(loss)}`);
  if (!loss.requiresGrad) throw new TypeError("backward: loss does not depend on any parameter");
  // Topological order by an iterative depth-first search (recurrent graphs are thousands of ops deep).
  const order: Tensor[] = [];
  const seen = new Set<Tensor>([loss]);
  const stack: [Tensor, number][] = [[loss, 0]];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const [node, next] = top;
    if (next < node.parents.length) {
      top[1] = next + 1;
      const parent = node.parents[next];
      if (parent.requiresGrad && !seen.has(parent)) {
        seen.add(parent);
        stack.push([parent, 0]);
      }
    } else {
      stack.pop();
      order.push(node); // every parent is already in `order`: children come later
    }
  }
  gradOf(loss)[0] += 1; // ∂loss/∂loss
  for (let k = order.length - 1; k >= 0; k--) order[k].backwardFn?.(order[k]);
}
