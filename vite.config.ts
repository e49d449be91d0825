import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { kernelApiPlugin } from "./src/lesson/api-plugin.ts";
import { lessonPlugin } from "./src/lesson/plugin.ts";
import { precompressPlugin } from "./src/lesson/precompress.ts";
import { preloadPlugin } from "./src/lesson/preload.ts";

// base "./": the built site works under any sub-path (routes are hash routes).
export default defineConfig({
  base: "./",
  plugins: [lessonPlugin(), kernelApiPlugin(), preloadPlugin(), precompressPlugin()],
  // Exercise code imports the kernel as "kernel", the name a learner sees in the editor.
  resolve: { alias: { kernel: fileURLToPath(new URL("./src/kernel/index.ts", import.meta.url)) } },
  build: { target: "es2022", sourcemap: true, chunkSizeWarningLimit: 1500 },
  worker: { format: "es" },
  // The checking worker's dependencies, bundled up front: found late, they would reload the page in dev
  // at the first Check (and lose it).
  optimizeDeps: { include: ["sucrase", "acorn"] },
  server: { port: 5173 },
  preview: { port: 4173 },
});
