// Messages between the lesson page and its two Workers (BLEU by length, and training).

import type { Bucket, Score } from "./evaluate.ts";
import type { ModelFile } from "./serialize.ts";
import type { TrainConfig } from "./train.ts";

export interface BleuRequest {
  readonly search: ModelFile;
  readonly encdec: ModelFile;
  readonly seed: number;
  readonly perBucket: number;
  readonly buckets: readonly Bucket[];
}

export interface BleuRow extends Bucket {
  readonly n: number;
  readonly encdec: Score;
  readonly search: Score;
}

export type BleuReply = { readonly type: "row"; readonly row: BleuRow } | { readonly type: "done" } | { readonly type: "error"; readonly message: string };

export interface TrainRequest {
  readonly config: TrainConfig;
  /** Stop on its own after this many seconds. */
  readonly seconds: number;
  /** The sentence whose alignment is drawn as training goes. */
  readonly probe: readonly string[];
  /** Held-out sentences for BLEU: source lengths and how many. */
  readonly evalMinLen: number;
  readonly evalMaxLen: number;
  readonly evalCount: number;
  /** Seconds between BLEU measurements. */
  readonly evalEvery: number;
}

export interface TrainProgress {
  readonly type: "progress" | "done";
  readonly step: number;
  readonly seconds: number;
  /** Mean loss per word over the last reported steps. */
  readonly loss: number;
  /** BLEU (0–100) on the held-out short sentences, when it was last measured, and when. */
  readonly bleu: number | null;
  readonly bleuAt: number | null;
  /** The probe sentence's translation and alignment (output words x source words + `</s>`). */
  readonly output: string[];
  readonly alignment: { readonly rows: number; readonly cols: number; readonly data: number[] };
}

export type TrainReply = TrainProgress | { readonly type: "error"; readonly message: string };
