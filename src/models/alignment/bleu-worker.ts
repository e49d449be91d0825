// A module Worker: BLEU by source length for both shipped models, one bucket at a time, so the page
// can draw as rows arrive and stays responsive.

import { score, testSet } from "./evaluate.ts";
import type { BleuReply, BleuRequest } from "./protocol.ts";
import { deserializeModel } from "./serialize.ts";

const post = (reply: BleuReply): void => (self as unknown as Worker).postMessage(reply);

self.addEventListener("message", (event: MessageEvent<BleuRequest>) => {
  try {
    const { search, encdec, seed, perBucket, buckets } = event.data;
    const models = { search: deserializeModel(search), encdec: deserializeModel(encdec) };
    const sets = testSet(seed, buckets, perBucket);
    buckets.forEach((bucket, k) => post({ type: "row", row: { ...bucket, n: sets[k].length, encdec: score(models.encdec, sets[k]), search: score(models.search, sets[k]) } }));
    post({ type: "done" });
  } catch (e) {
    post({ type: "error", message: e instanceof Error ? e.message : String(e) });
  }
});
