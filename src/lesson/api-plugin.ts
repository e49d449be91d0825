// `virtual:kernel-api`: the kernel's exports with their signatures and TSDoc (api-docs.ts), as JSON made
// when the site is built, for the code editor's completion and hover. Rebuilt when a kernel file changes.
import { resolve } from "node:path";
import type { Plugin } from "vite";
import { extractApi, type ApiEntry } from "./api-docs.ts";

export const VIRTUAL_KERNEL_API = "virtual:kernel-api";
const RESOLVED = `\0${VIRTUAL_KERNEL_API}`;
const ENTRY = "src/kernel/index.ts";

/** Serves `import api from "virtual:kernel-api"`: an ApiEntry[] of every export of src/kernel/index.ts. */
export function kernelApiPlugin(): Plugin {
  let root = process.cwd();
  let cached: ApiEntry[] | null = null;
  return {
    name: "attention-kernel-api",
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === VIRTUAL_KERNEL_API ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      cached ??= extractApi(ENTRY, root);
      for (const file of new Set(cached.map((e) => e.file))) this.addWatchFile(resolve(root, file));
      this.addWatchFile(resolve(root, ENTRY));
      return `export default ${JSON.stringify(cached)};`;
    },
    watchChange(id) {
      if (id.startsWith(resolve(root, "src/kernel"))) cached = null;
    },
    handleHotUpdate({ file, server }) {
      if (!file.startsWith(resolve(root, "src/kernel"))) return;
      cached = null;
      const module = server.moduleGraph.getModuleById(RESOLVED);
      if (module) server.moduleGraph.invalidateModule(module);
    },
  };
}
