// The Node part of npm run bench: our kernel against tfjs (cpu and wasm), side by side in one process.
import { availableParallelism, cpus, loadavg } from "node:os";
import { race, type Timing } from "./measure.ts";
import { cases, type Case } from "./ops.ts";
import { table, time, verdict } from "./table.ts";
import { setUpTfjs } from "./tfjs.ts";
import { simd } from "../../src/kernel/wasm/matmul-simd.ts";
import { trainingCase } from "./training.ts";

interface Row {
  readonly c: Case;
  readonly timings: Timing[];
  readonly agreement: number;
}

export async function benchNode(options: { quick?: boolean } = {}): Promise<void> {
  const tf = await setUpTfjs();
  const cpu = cpus()[0]?.model ?? "unknown cpu";
  console.log(`Node ${process.versions.node} (V8 ${process.versions.v8}), ${process.platform} ${process.arch}, ${cpu}, ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)} at start`);
  console.log(`tfjs-core ${tf.version} on cpu and wasm (${tf.wasm}), float32. Ours, float64: the public kernel ("ours": JavaScript tiles,`);
  console.log(`WebAssembly SIMD tiles for larger products), the same with SIMD off ("ours, JS only") and the plain reference ("ours, plain").`);
  console.log("Each row: median over interleaved rounds after warm-up, of the CPU time per call (time) and of the clock (wall);");
  console.log("GFLOP/s and ratio use the CPU time; ratio = that implementation's time / ours (above 1: ours is faster).\n");

  const all = [...(await cases()), await trainingCase()];
  const rows: Row[] = [];
  for (const c of all) {
    const big = (c.flops ?? 0) > 5e7;
    const timings = await race(c.contenders, options.quick ? { minRounds: 3, budget: 0.3 } : { minRounds: big ? 9 : 15, budget: big ? 6 : 2 });
    simd.enabled = true;
    rows.push({ c, timings, agreement: await c.check() });
    process.stderr.write(`  ${c.op} ${c.size} done\n`);
  }

  const body = rows.flatMap(({ c, timings }) =>
    timings.map((t, k) => [
      k === 0 ? c.op : "",
      k === 0 ? c.size : "",
      t.name,
      time(t.median),
      time(t.wall),
      c.flops === null ? "—" : (c.flops / t.median / 1e9).toFixed(2),
      (t.median / timings[0].median).toFixed(2),
      `${t.rounds}×${t.batch}`,
      k === 0 ? `${Math.round(100 * t.share)}%` : "",
    ]),
  );
  console.log(table(["op", "n×d", "implementation", "time", "wall", "GFLOP/s", "ratio", "rounds×calls", "cpu"], body, [3, 4, 5, 6, 7, 8]));
  console.log("\nShapes: " + rows.filter((r, k) => k < 3 || r.c.op === "training step").map((r) => `${r.c.op} ${r.c.size} = ${r.c.shape}`).join("; "));
  console.log("GFLOP/s counts 2 per multiply-add of the matrix products only (attention: 4·n²·d); softmax has no count.");
  console.log("cpu: CPU time of this process over wall time while the row ran. Well under 100%, other processes shared the");
  console.log("core: CPU times stay honest (preemption isn't counted) but caches are shared too, so a quiet rerun is faster.");
  const agreement = Math.max(...rows.map((r) => r.agreement));
  console.log(`Ours and tfjs agree on every row to ${agreement.toExponential(1)} (relative; tfjs is float32).\n`);

  console.log("Targets (reported, never asserted):");
  const find = (op: string, size: string, name: string): number =>
    rows.find((r) => r.c.op === op && r.c.size === size)?.timings.find((t) => t.name === name)?.median ?? NaN;
  const a16 = find("attention", "16×16", "ours");
  // The machine's speed drifts (shared hosts); tfjs-wasm in the same run says how fast it was this time.
  const a16wasm = find("attention", "16×16", "tfjs-wasm");
  console.log("  " + verdict(a16 <= 4e-6, "attention 16×16 ≤ 4 µs", `${time(a16)} (tfjs-wasm ${time(a16wasm)} in this run, ${(a16wasm / a16).toFixed(1)}× ours)`));
  for (const size of ["256×64", "1024×64"]) {
    const row = rows.find((r) => r.c.op === "attention" && r.c.size === size)!;
    const rate = row.c.flops! / row.timings[0].median / 1e9;
    console.log("  " + verdict(rate >= 5, `attention ${size} ≥ 5 GFLOP/s`, `${rate.toFixed(2)} GFLOP/s`));
  }
  for (const op of ["attention", "matmul", "softmax"]) {
    const ratios = rows.filter((r) => r.c.op === op).map((r) => [r.c.size, find(op, r.c.size, "tfjs-cpu") / r.timings[0].median] as const);
    const worst = Math.min(...ratios.map(([, x]) => x));
    console.log("  " + verdict(worst >= 6, `${op} ≥ 6× tfjs-cpu at every size`, ratios.map(([s, x]) => `${s} ${x.toFixed(1)}×`).join(", ")));
  }
  const ours = find("training step", "32×32", "ours"), wasm = find("training step", "32×32", "tfjs-wasm");
  console.log("  " + verdict(ours < wasm, "training step 32×32 faster than tfjs-wasm", `ours ${time(ours)}, tfjs-wasm ${time(wasm)} (${(wasm / ours).toFixed(2)}×)`));
  const simdBest = find("matmul", "1024×64", "ours"), tfWasm = find("matmul", "1024×64", "tfjs-wasm");
  const rate = (t: number): string => `${(rows.find((r) => r.c.op === "matmul" && r.c.size === "1024×64")!.c.flops! / t / 1e9).toFixed(1)} GFLOP/s`;
  console.log("  " + verdict(simdBest <= tfWasm, "stretch: WebAssembly SIMD matmul 1024×64 ≥ tfjs-wasm", `ours ${rate(simdBest)} (float64), tfjs-wasm ${rate(tfWasm)} (float32)`));
}
