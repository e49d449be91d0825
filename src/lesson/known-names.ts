// The names every cell sees without defining them live in src/notebook/names.ts, which imports the
// kernel and the charts. The plugin loads it through Vite's module runner when it first needs it, so
// the Vite config itself never depends on the browser code (and still loads while that code is broken).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { runnerImport } from "vite";

export const NAMES_MODULE = "src/notebook/names.ts";

interface NamesModule {
  BUILTIN_NAMES?: readonly string[];
  GLOBAL_NAMES?: readonly string[];
}

/** The builtin and global names from `<root>/src/notebook/names.ts`, or an explanation of why not. */
export async function loadKnownNames(root: string): Promise<{ names: string[] } | { problem: string }> {
  const file = join(root, NAMES_MODULE);
  if (!existsSync(file)) return { problem: `${NAMES_MODULE} not found` };
  try {
    const { module } = await runnerImport<NamesModule>(file, { root, logLevel: "silent" });
    return { names: [...(module.BUILTIN_NAMES ?? []), ...(module.GLOBAL_NAMES ?? [])] };
  } catch (error) {
    return { problem: `${NAMES_MODULE} failed to load: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}` };
  }
}
