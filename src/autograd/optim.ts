// Optimizers update parameters in place from their gradients, then the gradients are zeroed for the
// next batch. Gradient clipping rescales all gradients together when their joint norm is too large,
// which keeps one unlucky batch from throwing a recurrent net far off course.

import type { Tensor } from "./tensor.ts";

/** Sets every parameter's gradient to zero (before the next backward pass). */
export function zeroGrad(params: readonly Tensor[]): void {
  for (const p of params) p.grad?.fill(0);
}

/** The L2 norm of all gradients together; if it exceeds maxNorm, scales them all down to maxNorm. Returns the norm before clipping. */
export function clipGradNorm(params: readonly Tensor[], maxNorm: number): number {
  let sq = 0;
  for (const p of params) if (p.grad) for (let t = 0; t < p.grad.length; t++) sq += p.grad[t] * p.grad[t];
  const norm = Math.sqrt(sq);
  if (norm > maxNorm) {
    const f = maxNorm / norm;
    for (const p of params) if (p.grad) for (let t = 0; t < p.grad.length; t++) p.grad[t] *= f;
  }
  return norm;
}

/** What every optimizer offers: one update from the current gradients, and zeroing them. */
export interface Optimizer {
  readonly params: readonly Tensor[];
  step(): void;
  zeroGrad(): void;
}

/** Stochastic gradient descent with optional momentum: v ← μ v + g, p ← p − lr · v. */
export class SGD implements Optimizer {
  readonly params: readonly Tensor[];
  lr: number;
  readonly momentum: number;
  private readonly velocity: Float64Array[];

  constructor(params: readonly Tensor[], options: { lr: number; momentum?: number }) {
    this.params = params;
    this.lr = options.lr;
    this.momentum = options.momentum ?? 0;
    this.velocity = params.map((p) => new Float64Array(p.data.length));
  }

  step(): void {
    this.params.forEach((p, k) => {
      if (!p.grad) return;
      const v = this.velocity[k], g = p.grad, x = p.data;
      for (let t = 0; t < x.length; t++) {
        v[t] = this.momentum * v[t] + g[t];
        x[t] -= this.lr * v[t];
      }
    });
  }

  zeroGrad(): void {
    zeroGrad(this.params);
  }
}

/**
 * Adam (Kingma and Ba 2015): a step along the gradient's running mean m, divided by the root of its running
 * mean square v, both corrected for starting at zero.
 */
export class Adam implements Optimizer {
  readonly params: readonly Tensor[];
  lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  private t = 0;
  private readonly m: Float64Array[];
  private readonly v: Float64Array[];

  constructor(params: readonly Tensor[], options: { lr?: number; beta1?: number; beta2?: number; eps?: number } = {}) {
    this.params = params;
    this.lr = options.lr ?? 1e-3;
    this.beta1 = options.beta1 ?? 0.9;
    this.beta2 = options.beta2 ?? 0.999;
    this.eps = options.eps ?? 1e-8;
    this.m = params.map((p) => new Float64Array(p.data.length));
    this.v = params.map((p) => new Float64Array(p.data.length));
  }

  step(): void {
    this.t += 1;
    const { beta1: b1, beta2: b2, eps } = this;
    const c1 = 1 - b1 ** this.t, c2 = 1 - b2 ** this.t; // bias corrections
    const stepSize = this.lr / c1;
    this.params.forEach((p, k) => {
      if (!p.grad) return;
      const m = this.m[k], v = this.v[k], g = p.grad, x = p.data;
      for (let i = 0; i < x.length; i++) {
        m[i] = b1 * m[i] + (1 - b1) * g[i];
        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
        x[i] -= stepSize * m[i] / (Math.sqrt(v[i] / c2) + eps);
      }
    });
  }

  zeroGrad(): void {
    zeroGrad(this.params);
  }
}
