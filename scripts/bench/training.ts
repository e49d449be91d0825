// One training step of a self-attention layer, forward and backward: ours by hand with the kernel
// (attention, then the chain rule back through it, softmaxBackward included), against tfjs's tf.grads.
//
//   Q = X Wq, K = X Wk, V = X Wv;  O = attention(Q, K, V, causal mask);  L = ½ Σ (O − Y)²
//   returns ∂L/∂Wq, ∂L/∂Wk, ∂L/∂Wv
import { attention, causalMask, matmul, randn, scale, softmaxBackward, sub, transpose, type Matrix } from "../../src/kernel/index.ts";
import { attention as attentionPlain } from "../../src/kernel/attention.ts";
import { matmul as matmulPlain } from "../../src/kernel/matmul.ts";
import type { Case } from "./ops.ts";
import { ours, perBackend, tfContender } from "./ops.ts";
import { BACKENDS, tf, use } from "./tfjs.ts";

interface Layer {
  readonly X: Matrix; // (n, d) inputs
  readonly Y: Matrix; // (n, d) targets
  readonly Wq: Matrix; // (d, d)
  readonly Wk: Matrix;
  readonly Wv: Matrix;
  readonly mask: Matrix; // (n, n) causal
}

type Grads = [dWq: Matrix, dWk: Matrix, dWv: Matrix];

/** The step, written with the public (fast) kernel, or with the plain reference ops for the baseline. */
function step(layer: Layer, ops: { matmul: typeof matmul; attention: typeof attention }): Grads {
  const { X, Y, Wq, Wk, Wv, mask } = layer;
  const { matmul: mm, attention: attend } = ops;
  const s = 1 / Math.sqrt(Wq.cols);
  const Q = mm(X, Wq), K = mm(X, Wk), V = mm(X, Wv); // (n, d) @ (d, d) -> (n, d)
  const { weights: A, output: O } = attend(Q, K, V, { mask, scale: s }); // A (n, n), O (n, d)
  const dO = sub(O, Y); // ∂L/∂O, (n, d)
  const dA = mm(dO, transpose(V)); // O = A V, so ∂L/∂A = dO Vᵀ: (n, d) @ (d, n) -> (n, n)
  const dV = mm(transpose(A), dO); // and ∂L/∂V = Aᵀ dO: (n, n) @ (n, d) -> (n, d)
  const dS = scale(softmaxBackward(A, dA), s); // back through softmax and the scale; 0 where masked
  const dQ = mm(dS, K); // S = s · Q Kᵀ: (n, n) @ (n, d) -> (n, d)
  const dK = mm(transpose(dS), Q); // (n, n) @ (n, d) -> (n, d)
  const Xt = transpose(X); // (d, n)
  return [mm(Xt, dQ), mm(Xt, dK), mm(Xt, dV)]; // each (d, n) @ (n, d) -> (d, d)
}

export async function trainingCase(n = 32, d = 32): Promise<Case> {
  const layer: Layer = { X: randn(n, d, 11), Y: randn(n, d, 12), Wq: randn(d, d, 13), Wk: randn(d, d, 14), Wv: randn(d, d, 15), mask: causalMask(n) };
  const t = { X: await perBackend(layer.X), Y: await perBackend(layer.Y), Wq: await perBackend(layer.Wq), Wk: await perBackend(layer.Wk), Wv: await perBackend(layer.Wv) };
  // tfjs's usual mask: add a large negative number to the hidden scores (-Infinity would give NaN gradients).
  const bias = await perBackend({ rows: n, cols: n, data: layer.mask.data.map((m) => (m === 1 ? 0 : -1e9)) });
  const s = 1 / Math.sqrt(d);
  const tfGrads = (b: "cpu" | "wasm"): tf.Tensor[] => {
    const loss = (wq: tf.Tensor, wk: tf.Tensor, wv: tf.Tensor): tf.Tensor => {
      const q = tf.matMul(t.X[b], wq), k = tf.matMul(t.X[b], wk), v = tf.matMul(t.X[b], wv);
      const weights = tf.softmax(tf.add(tf.mul(tf.matMul(q, k, false, true), s), bias[b]));
      return tf.mul(tf.sum(tf.square(tf.sub(tf.matMul(weights, v), t.Y[b]))), 0.5);
    };
    return tf.grads(loss)([t.Wq[b], t.Wk[b], t.Wv[b]]);
  };
  return {
    op: "training step",
    size: `${n}×${d}`,
    shape: `self-attention layer, n ${n}, d ${d}, causal; forward + ∂L/∂(Wq, Wk, Wv)`,
    flops: 12 * n * d * d + 12 * n * n * d, // 6 products of (n, d)·(d, d) and 6 of n²d, 2 flops per multiply-add
    contenders: [
      ...ours(() => step(layer, { matmul, attention })),
      { name: "ours, plain", run: () => step(layer, { matmul: matmulPlain, attention: attentionPlain }) },
      ...BACKENDS.map((b) => tfContender(b, () => tfGrads(b))),
    ],
    check: async () => {
      const ours = step(layer, { matmul, attention });
      let worst = 0;
      for (const b of BACKENDS) {
        await use(b);
        const theirs = tf.tidy(() => tfGrads(b));
        theirs.forEach((g, k) => {
          const values = g.dataSync();
          const size = Math.max(...ours[k].data.map(Math.abs)); // gradients are compared relative to their largest entry
          values.forEach((y, i) => (worst = Math.max(worst, Math.abs(ours[k].data[i] - y) / size)));
          g.dispose();
        });
      }
      return worst;
    },
  };
}
