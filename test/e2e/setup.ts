// Global setup for the end-to-end tests: find Chromium, build the site, serve it with `vite preview`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, preview, type PreviewServer } from "vite";
import type { TestProject } from "vitest/node";
import { findChromium } from "./chromium.ts";
import { freePort } from "./ports.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    chromiumPath: string;
  }
}

let server: PreviewServer | undefined;
let outDir: string | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromiumPath = findChromium();
  outDir = mkdtempSync(join(tmpdir(), "attention-e2e-"));
  const started = performance.now();
  await build({ logLevel: "warn", build: { outDir, emptyOutDir: true } });
  console.log(`e2e: vite build took ${Math.round(performance.now() - started)} ms`);
  const port = await freePort();
  server = await preview({ logLevel: "warn", build: { outDir }, preview: { port, strictPort: true, host: "127.0.0.1" } });
  project.provide("baseURL", `http://127.0.0.1:${port}/`);
  project.provide("chromiumPath", chromiumPath);
  return async () => {
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  };
}
