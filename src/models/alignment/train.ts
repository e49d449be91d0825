// The training loop, shared by `npm run train` (Node) and the lesson's "Train it yourself" (a Worker):
// seeded batches drawn fresh from the grammar, teacher forcing, Adam with gradient clipping.

import { rng } from "../../kernel/index.ts";
import { Adam, backward, clipGradNorm } from "../../autograd/index.ts";
import { makeBatch } from "./batch.ts";
import type { ModelKind } from "./config.ts";
import { type Pair, samplePair } from "./grammar.ts";
import { type Model, type Sizes, batchLoss, createModel } from "./model.ts";

export interface TrainConfig {
  readonly kind: ModelKind;
  readonly sizes: Sizes;
  readonly seed: number;
  readonly batchSize: number;
  /** Source lengths of training sentences, inclusive. */
  readonly minLen: number;
  readonly maxLen: number;
  /** Adam's learning rate at the start; it decays linearly to `lrEnd` over `steps`. */
  readonly lr: number;
  readonly lrEnd: number;
  readonly steps: number;
  /** Largest gradient norm; larger gradients are scaled down to it. */
  readonly clip: number;
}

/** One Adam step at a time on fresh batches: `trainer.step()` returns the batch's loss. */
export class Trainer {
  readonly model: Model;
  readonly config: TrainConfig;
  stepsDone = 0;
  private readonly optimizer: Adam;
  private readonly random: () => number;

  constructor(config: TrainConfig) {
    this.config = config;
    this.model = createModel(config.kind, config.sizes, config.seed);
    this.optimizer = new Adam(Object.values(this.model.params), { lr: config.lr });
    this.random = rng(config.seed + 1000); // the data stream; weights use `seed` itself
  }

  /** A batch of sentences with similar lengths (little padding): a length L, then lengths L … L + 2. */
  sampleBatch(): Pair[] {
    const { minLen, maxLen, batchSize } = this.config;
    const L = minLen + Math.floor(this.random() * (maxLen - minLen + 1));
    return Array.from({ length: batchSize }, () => samplePair(this.random, Math.min(maxLen, L + Math.floor(this.random() * 3))));
  }

  step(): number {
    const { lr, lrEnd, steps, clip } = this.config;
    this.optimizer.lr = lr + (lrEnd - lr) * Math.min(1, this.stepsDone / steps);
    const loss = batchLoss(this.model, makeBatch(this.sampleBatch(), this.model.source, this.model.target));
    this.optimizer.zeroGrad();
    backward(loss);
    clipGradNorm(this.optimizer.params, clip);
    this.optimizer.step();
    this.stepsDone += 1;
    return loss.data[0];
  }
}
