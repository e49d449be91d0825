// npm run eval:alignment -- --seed N [--per-bucket K]
// Draws a fresh test set from the toy grammar with seed N (K sentences in each of four source-length
// buckets, 3-9 … 24-30), translates it greedily with both shipped models (public/models/*.json), prints a
// table, and as its last line one JSON object:
//   {"buckets":[{"minLen":3,"maxLen":9,"n":250,"encdec":{"bleu":…,"exact":…},"search":{"bleu":…,"exact":…}}, …]}
import { readFileSync } from "node:fs";
import { BUCKETS, score, testSet } from "../src/models/alignment/evaluate.ts";
import { type ModelFileError, deserializeModel } from "../src/models/alignment/serialize.ts";

function option(name: string, fallback: number | null): number {
  const args = process.argv.slice(2);
  const k = args.indexOf(`--${name}`);
  if (k < 0) {
    if (fallback === null) fail(`--${name} is required`);
    return fallback as number;
  }
  const value = Number(args[k + 1]);
  if (!Number.isInteger(value)) fail(`--${name} must be an integer, got ${args[k + 1] ?? "nothing"}`);
  return value;
}

function fail(message: string): never {
  console.error(`eval:alignment: ${message}\nusage: npm run eval:alignment -- --seed N [--per-bucket K]`);
  process.exit(2);
}

function load(name: string): ReturnType<typeof deserializeModel> {
  const path = `public/models/${name}.json`;
  try {
    return deserializeModel(readFileSync(path, "utf8"));
  } catch (e) {
    fail(`cannot load ${path}: ${(e as ModelFileError).message} (run npm run train -- ${name})`);
  }
}

const seed = option("seed", null);
const perBucket = option("per-bucket", 250);
const search = load("rnnsearch"), encdec = load("rnnencdec");
for (const m of [search, encdec]) {
  const used = [m.file.seed, m.file.seed + 1000, m.file.seed + 2000];
  if (used.includes(seed)) fail(`seed ${seed} was used to train ${m.config.kind} (it used ${used.join(", ")}); pick another`);
}

const started = performance.now();
const sets = testSet(seed, BUCKETS, perBucket);
const rows = BUCKETS.map((bucket, k) => ({ ...bucket, n: sets[k].length, encdec: score(encdec, sets[k]), search: score(search, sets[k]) }));
const f = (x: number): string => x.toFixed(1).padStart(6);
console.log(`BLEU by source length, ${perBucket} sentences per bucket, test seed ${seed} (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
console.log("  length     n │ RNNencdec BLEU  exact │ RNNsearch BLEU  exact");
console.log("───────────────┼───────────────────────┼──────────────────────");
for (const r of rows) {
  console.log(`  ${`${r.minLen}-${r.maxLen}`.padEnd(7)} ${String(r.n).padStart(4)} │ ${f(r.encdec.bleu)}        ${f(100 * r.encdec.exact)}% │ ${f(r.search.bleu)}        ${f(100 * r.search.exact)}%`);
}
const [first, last] = [rows[0], rows[rows.length - 1]];
console.log(`\nRNNencdec falls ${(first.encdec.bleu - last.encdec.bleu).toFixed(1)} BLEU from the shortest bucket to the longest; ` +
  `there it is ${(last.search.bleu - last.encdec.bleu).toFixed(1)} below RNNsearch.`);
const round = (s: { bleu: number; exact: number }) => ({ bleu: Number(s.bleu.toFixed(2)), exact: Number(s.exact.toFixed(4)) });
console.log(JSON.stringify({ buckets: rows.map((r) => ({ minLen: r.minLen, maxLen: r.maxLen, n: r.n, encdec: round(r.encdec), search: round(r.search) })) }));
