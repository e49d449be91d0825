// The rows of the Node table: matmul, softmax and attention at each size, ours (the public, fast kernel),
// the plain reference kernel, and tfjs on its cpu and wasm backends, all on the same seeded inputs.
import { attention, matmul, randn, softmax, type Matrix } from "../../src/kernel/index.ts";
import { attention as attentionPlain } from "../../src/kernel/attention.ts";
import { matmul as matmulPlain } from "../../src/kernel/matmul.ts";
import { softmax as softmaxPlain } from "../../src/kernel/softmax.ts";
import { simd } from "../../src/kernel/wasm/matmul-simd.ts";
import type { Contender } from "./measure.ts";
import { BACKENDS, tensor, tf, use } from "./tfjs.ts";

/** n×d: attention has n queries and n keys of d numbers; matmul is (n, d) @ (d, n); softmax is n×n. */
export const SIZES: readonly (readonly [number, number])[] = [[16, 16], [64, 64], [256, 64], [1024, 64]];

export interface Case {
  readonly op: string;
  /** e.g. "256×64"; `shape` says what that means for the op. */
  readonly size: string;
  readonly shape: string;
  /** Floating-point operations per call, or null where counting them means little (softmax). */
  readonly flops: number | null;
  /** Ours first: the ratios are taken against it. */
  readonly contenders: Contender[];
  /** Largest difference between our result and each tfjs backend's, relative to max(1, |x|). */
  readonly check: () => Promise<number>;
}

export async function cases(): Promise<Case[]> {
  const out: Case[] = [];
  for (const [n, d] of SIZES) {
    const size = `${n}×${d}`;
    const Q = randn(n, d, 1), K = randn(n, d, 2), V = randn(n, d, 3), B = randn(d, n, 4);
    const S = attention(Q, K, V).scores; // softmax runs on real attention scores
    const tQ = await perBackend(Q), tK = await perBackend(K), tV = await perBackend(V), tB = await perBackend(B), tS = await perBackend(S);
    const scale = 1 / Math.sqrt(d);
    const tfAttention = (q: tf.Tensor2D, k: tf.Tensor2D, v: tf.Tensor2D): tf.Tensor2D =>
      tf.matMul(tf.softmax(tf.mul(tf.matMul(q, k, false, true), scale)), v);

    out.push({
      op: "matmul", size, shape: `(${n}, ${d}) @ (${d}, ${n})`, flops: 2 * n * n * d,
      contenders: [
        ...ours(() => matmul(Q, B)),
        { name: "ours, plain", run: () => matmulPlain(Q, B) },
        ...BACKENDS.map((b) => tfContender(b, () => tf.matMul(tQ[b], tB[b]))),
      ],
      check: () => worstAgainstTf(matmul(Q, B), (b) => tf.matMul(tQ[b], tB[b])),
    });
    out.push({
      op: "softmax", size, shape: `${n}×${n} scores`, flops: null,
      contenders: [
        { name: "ours", run: () => softmax(S) },
        { name: "ours, plain", run: () => softmaxPlain(S) },
        ...BACKENDS.map((b) => tfContender(b, () => tf.softmax(tS[b]))),
      ],
      check: () => worstAgainstTf(softmax(S), (b) => tf.softmax(tS[b])),
    });
    out.push({
      op: "attention", size, shape: `${n} queries, ${n} keys, d ${d}`, flops: 4 * n * n * d,
      contenders: [
        ...ours(() => attention(Q, K, V)),
        { name: "ours, plain", run: () => attentionPlain(Q, K, V) },
        ...BACKENDS.map((b) => tfContender(b, () => tfAttention(tQ[b], tK[b], tV[b]))),
      ],
      check: () => worstAgainstTf(attention(Q, K, V).output, (b) => tfAttention(tQ[b], tK[b], tV[b])),
    });
  }
  return out;
}

/** Ours as the public kernel runs it (WebAssembly SIMD tiles for large products), and in JavaScript only. */
export function ours(op: () => unknown): Contender[] {
  return [
    { name: "ours", before: () => void (simd.enabled = true), run: op },
    { name: "ours, JS only", before: () => void (simd.enabled = false), run: op },
  ];
}

/** A tfjs contender: switches to its backend before each batch, and frees every tensor a call makes. */
export function tfContender(backend: "cpu" | "wasm", op: () => unknown): Contender {
  return { name: `tfjs-${backend}`, before: () => use(backend), run: () => tf.tidy(() => void op()) };
}

/** The matrix as a float32 tensor on each backend, so no call ever moves data between backends. */
export async function perBackend(m: Matrix): Promise<Record<"cpu" | "wasm", tf.Tensor2D>> {
  await use("cpu");
  const cpu = tensor(m.data, m.rows, m.cols);
  await use("wasm");
  const wasm = tensor(m.data, m.rows, m.cols);
  return { cpu, wasm };
}

export async function worstAgainstTf(ours: Matrix, theirs: (backend: "cpu" | "wasm") => tf.Tensor): Promise<number> {
  let worst = 0;
  for (const backend of BACKENDS) {
    await use(backend);
    const result = tf.tidy(() => theirs(backend));
    const values = result.dataSync();
    result.dispose();
    if (values.length !== ours.data.length) return Infinity;
    values.forEach((y, t) => {
      const x = ours.data[t];
      worst = Math.max(worst, Math.abs(x - y) / Math.max(1, Math.abs(x)));
    });
  }
  return worst;
}
