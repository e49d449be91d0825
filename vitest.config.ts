import { defineConfig, mergeConfig } from "vitest/config";
import viteConfig from "./vite.config.ts";

// One runner for every layer. "unit" covers src/ and the lessons headless; "e2e" drives a real
// Chromium against `vite preview` (see test/e2e/setup.ts for how the browser is found).
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: "unit",
            include: ["test/**/*.test.ts"],
            exclude: ["test/e2e/**", "node_modules/**"],
            environment: "node",
            setupFiles: ["test/setup/happy-dom.ts"],
          },
        },
        {
          extends: true,
          test: {
            name: "e2e",
            include: ["test/e2e/**/*.test.ts"],
            globalSetup: ["test/e2e/setup.ts"],
            environment: "node",
            fileParallelism: false,
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  }),
);
