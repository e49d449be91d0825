// A trained model as JSON: config, vocabularies, training record and the weights as base64 float32
// (4 bytes a number instead of ~20 as decimal text, so a file stays well under 2 MB).

import { param } from "../../autograd/index.ts";
import { type ModelConfig, type Params, paramShapes } from "./config.ts";
import type { Model } from "./model.ts";
import { Vocabulary } from "./vocab.ts";

export const FORMAT = "attention-interactively/seq2seq@1";

/** One point of the training curve. */
export interface CurvePoint {
  readonly step: number;
  /** Mean training loss (cross-entropy per word) since the previous point. */
  readonly loss: number;
  /** BLEU on a small held-out set, when measured. */
  readonly bleu?: number;
}

export interface ModelFile {
  readonly format: string;
  readonly config: ModelConfig;
  readonly seed: number;
  readonly training: Readonly<Record<string, unknown>>;
  readonly vocabulary: { readonly source: readonly string[]; readonly target: readonly string[] };
  readonly curve: readonly CurvePoint[];
  readonly weights: Readonly<Record<string, { readonly shape: readonly [number, number]; readonly float32: string }>>;
}

function toBase64(values: Float64Array): string {
  const bytes = new Uint8Array(Float32Array.from(values).buffer);
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text: string, name: string): Float64Array {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new ModelFileError(`weight ${name} is not valid base64`);
  }
  if (binary.length % 4 !== 0) throw new ModelFileError(`weight ${name} has ${binary.length} bytes, not a whole number of float32s`);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return Float64Array.from(new Float32Array(bytes.buffer));
}

/** A model file is missing a part, or a part has the wrong shape. */
export class ModelFileError extends Error {
  override name = "ModelFileError";
}

/** The JSON object of a trained model. */
export function serializeModel(model: Model, record: { seed: number; training: Record<string, unknown>; curve: readonly CurvePoint[] }): ModelFile {
  const weights: Record<string, { shape: [number, number]; float32: string }> = {};
  for (const [name, t] of Object.entries(model.params)) weights[name] = { shape: [t.rows, t.cols], float32: toBase64(t.data) };
  return {
    format: FORMAT, config: model.config, seed: record.seed, training: record.training,
    vocabulary: { source: model.source.words, target: model.target.words }, curve: record.curve, weights,
  };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);
const isWords = (x: unknown): x is string[] => Array.isArray(x) && x.every((w) => typeof w === "string");

/** Reads and checks a model file's JSON (parsed or as text); throws a ModelFileError naming what is wrong. */
export function deserializeModel(json: unknown): Model & { file: ModelFile } {
  let file: unknown = json;
  if (typeof json === "string") {
    try {
      file = JSON.parse(json);
    } catch (e) {
      throw new ModelFileError(`not JSON: ${(e as Error).message}`);
    }
  }
  if (!isObject(file)) throw new ModelFileError("expected a JSON object");
  if (file.format !== FORMAT) throw new ModelFileError(`unknown format ${JSON.stringify(file.format)}, expected ${JSON.stringify(FORMAT)}`);
  const { config, vocabulary, weights } = file;
  if (!isObject(config) || (config.kind !== "rnnsearch" && config.kind !== "rnnencdec")) throw new ModelFileError("config.kind must be rnnsearch or rnnencdec");
  for (const key of ["srcVocab", "tgtVocab", "embedding", "hidden", "decoder", "attention", "output"]) {
    const least = key === "attention" && config.kind === "rnnencdec" ? 0 : 1;
    if (!Number.isInteger(config[key]) || (config[key] as number) < least) throw new ModelFileError(`config.${key} must be an integer of at least ${least}`);
  }
  const c = config as unknown as ModelConfig;
  if (!isObject(vocabulary) || !isWords(vocabulary.source) || !isWords(vocabulary.target)) throw new ModelFileError("vocabulary.source and vocabulary.target must be lists of words");
  const source = new Vocabulary(vocabulary.source), target = new Vocabulary(vocabulary.target);
  if (source.size !== c.srcVocab || target.size !== c.tgtVocab) throw new ModelFileError("the vocabularies' sizes differ from the config's");
  if (!isObject(weights)) throw new ModelFileError("weights must be an object");
  const params: Params = Object.fromEntries(Object.entries(paramShapes(c)).map(([name, [rows, cols]]) => {
    const w = weights[name];
    if (!isObject(w) || typeof w.float32 !== "string") throw new ModelFileError(`weight ${name} is missing`);
    const data = fromBase64(w.float32, name);
    if (data.length !== rows * cols) throw new ModelFileError(`weight ${name} has ${data.length} numbers, expected ${rows}x${cols}`);
    if (!data.every(Number.isFinite)) throw new ModelFileError(`weight ${name} holds a number that is not finite`);
    return [name, param({ rows, cols, data })];
  }));
  return { config: c, params, source, target, file: file as unknown as ModelFile };
}
