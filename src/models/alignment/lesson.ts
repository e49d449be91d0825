// What the lesson "Alignment in translation" uses, exposed to its cells as the builtin `models`:
// loading the shipped weights, translating a typed sentence, BLEU by length in a Worker, and the
// "Train it yourself" view that trains a small RNNsearch in another Worker.

import { type Matrix, fromFlat } from "../../kernel/index.ts";
import { greedyDecode } from "./decode.ts";
import { BUCKETS, type Bucket, score, testSet } from "./evaluate.ts";
import { translateByRule } from "./grammar.ts";
import type { Model } from "./model.ts";
import { IN_BROWSER } from "./presets.ts";
import type { BleuReply, BleuRequest, BleuRow, TrainReply, TrainRequest } from "./protocol.ts";
import { type ModelFile, deserializeModel } from "./serialize.ts";
import { EXAMPLES, MAX_WORDS, readSentence } from "./sentence.ts";

export { EXAMPLES as examples, MAX_WORDS as maxWords, readSentence, BUCKETS as buckets };

export interface Shipped {
  readonly search: (Model & { file: ModelFile }) | null;
  readonly encdec: (Model & { file: ModelFile }) | null;
  /** A sentence for the reader when a file is missing or corrupt, else null. */
  readonly error: string | null;
}

async function fetchModel(name: string): Promise<Model & { file: ModelFile }> {
  const path = `models/${name}.json`;
  let response: Response;
  try {
    response = await fetch(new URL(path, document.baseURI)); // public/ files sit at the site root, under any sub-path
  } catch (e) {
    throw new Error(`Could not download the trained model ${path} (${(e as Error).message}). Check your connection and reload the page.`);
  }
  if (!response.ok) {
    throw new Error(`The trained model ${path} is missing (HTTP ${response.status}). Run \`npm run train -- ${name}\` to make it, then reload.`);
  }
  const text = await response.text();
  try {
    return deserializeModel(text);
  } catch (e) {
    throw new Error(`The file ${path} is not a valid trained model: ${(e as Error).message}. Retrain it with \`npm run train -- ${name}\`.`);
  }
}

let shipped: Promise<Shipped> | null = null;

/** Both shipped models, fetched once per page; never rejects: a problem comes back as `error`. */
export function loadShipped(): Promise<Shipped> {
  shipped ??= Promise.all([fetchModel("rnnsearch"), fetchModel("rnnencdec")]).then(
    ([search, encdec]): Shipped => ({ search, encdec, error: null }),
    (e: unknown): Shipped => {
      shipped = null; // try again next time
      return { search: null, encdec: null, error: e instanceof Error ? e.message : String(e) };
    },
  );
  return shipped;
}

export interface Translation {
  /** The source words as the model read them, then `</s>`; unknown words as `<unk>`. */
  readonly source: string[];
  /** The output words, then `</s>` if the model ended the sentence. */
  readonly output: string[];
  /** RNNsearch: output words x source words, each row the attention weights of one output word. */
  readonly alignment: Matrix | null;
}

/** Translates words greedily; words the model doesn't know are read as `<unk>`. */
export function translate(model: Model, words: readonly string[]): Translation {
  const ids = model.source.encode(words);
  const decoded = greedyDecode(model, ids);
  return {
    source: [...ids.map((id) => model.source.words[id]), "</s>"],
    output: decoded.ids.map((id) => model.target.words[id]),
    alignment: decoded.alignment,
  };
}

/** The reference translation by the grammar's rules. */
export function reference(words: readonly string[]): string[] {
  return translateByRule(words);
}

/** BLEU by source length for both models on a fresh test set, computed in a Worker (inline where there is none). */
export async function bleuByLength(models: Shipped, options: { seed?: number; perBucket?: number; buckets?: readonly Bucket[] } = {}): Promise<BleuRow[]> {
  const { search, encdec } = models;
  if (!search || !encdec) throw new Error(models.error ?? "the models are not loaded");
  const request: BleuRequest = { search: search.file, encdec: encdec.file, seed: options.seed ?? 2025, perBucket: options.perBucket ?? 30, buckets: options.buckets ?? BUCKETS };
  if (typeof Worker !== "function") {
    const sets = testSet(request.seed, request.buckets, request.perBucket);
    return request.buckets.map((b, k) => ({ ...b, n: sets[k].length, encdec: score(encdec, sets[k]), search: score(search, sets[k]) }));
  }
  const worker = new Worker(new URL("./bleu-worker.ts", import.meta.url), { type: "module", name: "bleu-by-length" });
  return new Promise<BleuRow[]>((resolve, reject) => {
    const rows: BleuRow[] = [];
    worker.addEventListener("message", (event: MessageEvent<BleuReply>) => {
      const reply = event.data;
      if (reply.type === "row") rows.push(reply.row);
      else {
        worker.terminate();
        if (reply.type === "done") resolve(rows);
        else reject(new Error(reply.message));
      }
    });
    worker.addEventListener("error", (event) => {
      worker.terminate();
      reject(new Error(`the BLEU worker failed: ${event.message}`));
    });
    worker.postMessage(request);
  });
}

export { trainingView, type TrainingState } from "./training-view.ts";
export type { BleuRow, TrainReply, TrainRequest };
export const inBrowserConfig = IN_BROWSER;
export const toMatrix = (a: { rows: number; cols: number; data: ArrayLike<number> }): Matrix => fromFlat(a.rows, a.cols, a.data);
