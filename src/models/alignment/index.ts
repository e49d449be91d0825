// Trained toy models: the toy parallel corpus, BLEU, RNNencdec and RNNsearch on the autograd,
// greedy decoding, (de)serialisation, training and evaluation. `lesson.ts` is what lesson cells see.

export { type Pair, sampleSentence, samplePair, makeCorpus, translateByRule } from "./grammar.ts";
export { SOURCE_WORDS, TARGET_WORDS } from "./lexicon.ts";
export { Vocabulary, PAD, BOS, EOS, UNK } from "./vocab.ts";
export { corpusBleu, exactMatch } from "./bleu.ts";
export { type Batch, makeBatch } from "./batch.ts";
export { type ModelConfig, type ModelKind, type Params, paramShapes, initParams } from "./config.ts";
export { type Model, type Sizes, createModel, batchLoss, frozen } from "./model.ts";
export { searchLoss, searchForward, encodeSearch } from "./rnnsearch.ts";
export { encdecLoss, encodeEncdec } from "./rnnencdec.ts";
export { type Decoded, greedyDecode, translateWords } from "./decode.ts";
export { type ModelFile, type CurvePoint, FORMAT, ModelFileError, serializeModel, deserializeModel } from "./serialize.ts";
export { type TrainConfig, Trainer } from "./train.ts";
export { SHIPPED, IN_BROWSER, seedsUsedInTraining } from "./presets.ts";
export { type Bucket, type Score, BUCKETS, testSet, score, translateAll } from "./evaluate.ts";
export { MAX_WORDS, EXAMPLES, readSentence } from "./sentence.ts";
