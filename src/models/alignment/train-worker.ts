// A module Worker that trains a small RNNsearch for the lesson's "Train it yourself": it trains in
// slices of ~200 ms and after each posts the loss and the probe sentence's current alignment. The page
// stops it with terminate(), so it needs no stop message.

import { greedyDecode } from "./decode.ts";
import { score } from "./evaluate.ts";
import { makeCorpus } from "./grammar.ts";
import type { TrainReply, TrainRequest } from "./protocol.ts";
import { Trainer } from "./train.ts";

const post = (reply: TrainReply): void => (self as unknown as Worker).postMessage(reply);
const SLICE_MS = 200;

self.addEventListener("message", (event: MessageEvent<TrainRequest>) => {
  void train(event.data).catch((e: unknown) => post({ type: "error", message: e instanceof Error ? e.message : String(e) }));
});

async function train(request: TrainRequest): Promise<void> {
  const trainer = new Trainer(request.config);
  const heldOut = makeCorpus(request.config.seed + 2000, request.evalCount, request.evalMinLen, request.evalMaxLen);
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  let bleu: number | null = null, bleuAt: number | null = null;
  for (let done = false; !done;) {
    let sum = 0, count = 0;
    const sliceEnd = performance.now() + SLICE_MS;
    while (performance.now() < sliceEnd && trainer.stepsDone < request.config.steps) {
      sum += trainer.step();
      count += 1;
    }
    done = seconds() >= request.seconds || trainer.stepsDone >= request.config.steps;
    if (done || bleuAt === null || seconds() - bleuAt >= request.evalEvery) {
      bleu = score(trainer.model, heldOut).bleu;
      bleuAt = seconds();
    }
    const decoded = greedyDecode(trainer.model, trainer.model.source.encode(request.probe));
    const alignment = decoded.alignment ?? { rows: 0, cols: 0, data: new Float64Array(0) };
    post({
      type: done ? "done" : "progress", step: trainer.stepsDone, seconds: seconds(), loss: count > 0 ? sum / count : NaN, bleu, bleuAt,
      output: decoded.ids.map((id) => trainer.model.target.words[id]),
      alignment: { rows: alignment.rows, cols: alignment.cols, data: Array.from(alignment.data) },
    });
    await new Promise((resolve) => setTimeout(resolve, 0)); // let the page's messages in
  }
}
