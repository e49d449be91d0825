// The training settings of the shipped models (`npm run train -- <model>`) and of the lesson's
// "Train it yourself". Seeds: weights use `seed`, the stream of training batches `seed + 1000` and the
// held-out set of the training curve `seed + 2000`; evaluate with any other seed.

import type { TrainConfig } from "./train.ts";

export const SHIPPED: Readonly<Record<"rnnsearch" | "rnnencdec", TrainConfig>> = {
  rnnsearch: {
    kind: "rnnsearch", seed: 1, batchSize: 32, minLen: 3, maxLen: 30, steps: 800, lr: 3e-3, lrEnd: 3e-4, clip: 5,
    sizes: { embedding: 32, hidden: 48, decoder: 48, attention: 48, output: 64 },
  },
  rnnencdec: {
    kind: "rnnencdec", seed: 1, batchSize: 32, minLen: 3, maxLen: 30, steps: 1600, lr: 5e-3, lrEnd: 1e-3, clip: 5,
    sizes: { embedding: 32, hidden: 64, decoder: 64, attention: 0, output: 64 },
  },
};

/** A small RNNsearch on short sentences, trained in the reader's browser. */
export const IN_BROWSER: TrainConfig = {
  kind: "rnnsearch", seed: 7, batchSize: 16, minLen: 3, maxLen: 10, steps: 5000, lr: 5e-3, lrEnd: 1e-3, clip: 5,
  sizes: { embedding: 24, hidden: 32, decoder: 32, attention: 32, output: 48 },
};

/** Seeds a training run with seed `s` draws from; an evaluation should use none of them. */
export function seedsUsedInTraining(config: TrainConfig): number[] {
  return [config.seed, config.seed + 1000, config.seed + 2000];
}
