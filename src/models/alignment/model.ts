// A model ready to use: its config, weights and the two vocabularies.

import { type Tensor, constant } from "../../autograd/index.ts";
import type { Batch } from "./batch.ts";
import { type ModelConfig, type ModelKind, type Params, initParams } from "./config.ts";
import { SOURCE_WORDS, TARGET_WORDS } from "./lexicon.ts";
import { encdecLoss } from "./rnnencdec.ts";
import { searchLoss } from "./rnnsearch.ts";
import { Vocabulary } from "./vocab.ts";

export interface Model {
  readonly config: ModelConfig;
  readonly params: Params;
  readonly source: Vocabulary;
  readonly target: Vocabulary;
}

/** The sizes of a model, apart from the vocabularies. */
export type Sizes = Omit<ModelConfig, "kind" | "srcVocab" | "tgtVocab">;

/** A freshly initialised model of the toy languages. */
export function createModel(kind: ModelKind, sizes: Sizes, seed: number): Model {
  const source = new Vocabulary(SOURCE_WORDS), target = new Vocabulary(TARGET_WORDS);
  const config: ModelConfig = { kind, srcVocab: source.size, tgtVocab: target.size, ...sizes };
  return { config, params: initParams(config, seed), source, target };
}

/** The training loss of a batch, for either model. */
export function batchLoss(model: Model, batch: Batch): Tensor {
  return model.config.kind === "rnnsearch" ? searchLoss(model.params, batch) : encdecLoss(model.params, batch);
}

/** The same weights as constants, so that inference builds no graph. */
export function frozen(params: Params): Params {
  return Object.fromEntries(Object.entries(params).map(([k, t]) => [k, constant(t)]));
}
