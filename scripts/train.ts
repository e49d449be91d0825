// npm run train -- <rnnsearch|rnnencdec> [--steps N] [--seed S] [--out path]
// Trains a model of src/models/alignment in Node from a seed and writes public/models/<model>.json: the config,
// the vocabularies, the weights (base64 float32), the training curve and the seed. The run is
// deterministic: the same command writes the same file (the wall time is printed, not stored).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { makeCorpus } from "../src/models/alignment/grammar.ts";
import { score } from "../src/models/alignment/evaluate.ts";
import { SHIPPED, seedsUsedInTraining } from "../src/models/alignment/presets.ts";
import { type CurvePoint, serializeModel } from "../src/models/alignment/serialize.ts";
import { Trainer, type TrainConfig } from "../src/models/alignment/train.ts";

const CURVE_EVERY = 50; // steps per point of the loss curve
const BLEU_EVERY = 250; // steps per held-out BLEU measurement

function parseArgs(argv: string[]): { config: TrainConfig; out: string } {
  const name = argv[0];
  if (name !== "rnnsearch" && name !== "rnnencdec") {
    console.error("usage: npm run train -- <rnnsearch|rnnencdec> [--steps N] [--seed S] [--out path]");
    process.exit(2);
  }
  let config: TrainConfig = SHIPPED[name];
  let out = `public/models/${name}.json`;
  for (let i = 1; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === "--out") out = value;
    else if (flag === "--steps" && Number.isInteger(Number(value))) config = { ...config, steps: Number(value) };
    else if (flag === "--seed" && Number.isInteger(Number(value))) config = { ...config, seed: Number(value) };
    else {
      console.error(`train: unknown or invalid option ${flag} ${value ?? ""}`);
      process.exit(2);
    }
  }
  return { config, out };
}

const clock = (ms: number): string => `${Math.floor(ms / 60000)}m${String(Math.floor(ms / 1000) % 60).padStart(2, "0")}s`;

function progressBar(step: number, total: number, loss: number, elapsed: number): string {
  const width = 30, done = Math.round((width * step) / total);
  const eta = step > 0 ? (elapsed / step) * (total - step) : 0;
  return `[${"#".repeat(done)}${".".repeat(width - done)}] ${String(Math.round((100 * step) / total)).padStart(3)}% ` +
    `step ${step}/${total}  loss ${loss.toFixed(3)}  ${clock(elapsed)} elapsed, ~${clock(eta)} left`;
}

function main(): void {
  const { config, out } = parseArgs(process.argv.slice(2));
  console.log(`training ${config.kind}: ${JSON.stringify(config.sizes)}, ${config.steps} steps of ${config.batchSize} sentences ` +
    `(lengths ${config.minLen}-${config.maxLen}), seed ${config.seed} (also uses ${seedsUsedInTraining(config).slice(1).join(", ")})`);
  const trainer = new Trainer(config);
  const heldOut = makeCorpus(config.seed + 2000, 100, config.minLen, config.maxLen);
  const curve: CurvePoint[] = [];
  const started = performance.now();
  const tty = process.stderr.isTTY;
  let sum = 0, count = 0, smooth = NaN;
  for (let step = 1; step <= config.steps; step++) {
    const loss = trainer.step();
    sum += loss;
    count += 1;
    smooth = Number.isNaN(smooth) ? loss : 0.95 * smooth + 0.05 * loss;
    if (step % CURVE_EVERY === 0 || step === config.steps) {
      const point: CurvePoint = { step, loss: Number((sum / count).toFixed(5)) };
      sum = count = 0;
      if (step % BLEU_EVERY === 0 || step === config.steps) {
        const bleu = Number(score(trainer.model, heldOut).bleu.toFixed(2));
        curve.push({ ...point, bleu });
        if (!tty) console.log(`  held-out BLEU after ${step} steps: ${bleu}`);
      } else {
        curve.push(point);
      }
    }
    if (tty && (step % 5 === 0 || step === config.steps)) process.stderr.write(`\r${progressBar(step, config.steps, smooth, performance.now() - started)}`);
    else if (!tty && step % Math.max(1, Math.round(config.steps / 20)) === 0) console.log(progressBar(step, config.steps, smooth, performance.now() - started));
  }
  if (tty) process.stderr.write("\n");
  const seconds = (performance.now() - started) / 1000;
  const { kind, sizes, seed, ...training } = config;
  void kind; void sizes;
  const file = serializeModel(trainer.model, { seed, training, curve });
  const text = JSON.stringify(file);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text + "\n");
  const last = curve[curve.length - 1];
  console.log(`wrote ${out} (${(text.length / 1024).toFixed(0)} KB) after ${clock(seconds * 1000)} (${seconds.toFixed(0)} s); ` +
    `final loss ${last.loss}, held-out BLEU ${last.bleu}`);
}

main();
