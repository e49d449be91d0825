// TensorFlow.js, the library we compare against, with its cpu (plain JavaScript) and wasm (XNNPACK,
// SIMD when the engine has it) backends. The wasm binaries are read from node_modules by file path;
// nothing is fetched from the network (fetch is blocked while the backend starts, to be sure).
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { build } from "vite";

const require = createRequire(import.meta.url);

export { tf };
export type Backend = "cpu" | "wasm";
export const BACKENDS: readonly Backend[] = ["cpu", "wasm"];

/** What the wasm backend runs with, for the report: "SIMD, 1 thread". */
export interface TfInfo {
  readonly version: string;
  readonly wasm: string;
}

/** Registers and starts both backends; returns what the wasm one found (SIMD, threads). */
export async function setUpTfjs(): Promise<TfInfo> {
  // PROD skips tfjs's debug checks and its "install tfjs-node" banner; both would be unfair to tfjs.
  tf.env().set("PROD", true);
  await registerGradients();
  const dist = join(dirname(require.resolve("@tensorflow/tfjs-backend-wasm/package.json")), "dist");
  setWasmPaths({
    "tfjs-backend-wasm.wasm": join(dist, "tfjs-backend-wasm.wasm"),
    "tfjs-backend-wasm-simd.wasm": join(dist, "tfjs-backend-wasm-simd.wasm"),
    "tfjs-backend-wasm-threaded-simd.wasm": join(dist, "tfjs-backend-wasm-threaded-simd.wasm"),
  });
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input: Parameters<typeof fetch>[0]) => {
    throw new Error(`bench: tfjs tried to fetch ${String(input)}; the wasm files must come from node_modules`);
  };
  try {
    for (const backend of BACKENDS) {
      if (!(await tf.setBackend(backend))) throw new Error(`bench: tfjs backend ${backend} failed to start`);
    }
  } finally {
    globalThis.fetch = realFetch;
  }
  await tf.setBackend("wasm");
  const simd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");
  const threads = await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT");
  return { version: tf.version_core, wasm: `${simd ? "SIMD" : "no SIMD"}, ${threads ? "threads" : "1 thread"}` };
}

/** Makes `backend` the one tfjs runs on; tensors made afterwards live there. */
export async function use(backend: Backend): Promise<void> {
  if (tf.getBackend() !== backend) await tf.setBackend(backend);
}

/** A float32 tensor of a row-major Float64Array. */
export function tensor(data: Float64Array, rows: number, cols: number): tf.Tensor2D {
  return tf.tensor2d(Float32Array.from(data), [rows, cols]);
}

/**
 * tf.grads needs tfjs's gradient functions, which tfjs-core ships only as ES modules with bundler-style
 * imports (`./gradients/Abs_grad`) that Node can't load: Vite bundles them into a temporary file. They
 * register into tfjs's global registry, which every copy of tfjs-core shares with the one imported above.
 */
async function registerGradients(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), "attention-bench-tfjs-"));
  try {
    await build({
      configFile: false,
      logLevel: "warn",
      publicDir: false,
      build: {
        lib: { entry: require.resolve("@tensorflow/tfjs-core/dist/register_all_gradients.js"), formats: ["es"], fileName: "gradients" },
        outDir,
        emptyOutDir: true,
        minify: false,
        sourcemap: false,
      },
    });
    await import(pathToFileURL(join(outDir, "gradients.js")).href);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
