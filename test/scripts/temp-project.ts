// A throwaway copy of the project for tests that add, break or fix lessons: never in /work's own
// lessons/, where other people's tests run at the same time. node_modules is linked, not copied.
import { cpSync, existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FILES = ["src", "index.html", "public", "vite.config.ts", "tsconfig.json", "package.json", "scripts/new-lesson.ts", "scripts/new-lesson", "scripts/check-lessons.ts"];

export interface TempProject {
  root: string;
  /** The real node_modules, for Vite's `server.fs.allow` (the copy links to it). */
  nodeModules: string;
  remove(): void;
}

/** Copies the app and the given lessons (default: the finished lesson 02) into a new temporary folder. */
export function tempProject(lessons: readonly string[] = ["02-queries-keys-values"]): TempProject {
  const root = mkdtempSync(join(tmpdir(), "attention-project-"));
  for (const file of FILES) if (existsSync(join(ROOT, file))) cpSync(join(ROOT, file), join(root, file), { recursive: true });
  for (const lesson of lessons) cpSync(join(ROOT, "lessons", lesson), join(root, "lessons", lesson), { recursive: true });
  const nodeModules = realpathSync(join(ROOT, "node_modules"));
  symlinkSync(nodeModules, join(root, "node_modules"), "dir");
  return { root, nodeModules, remove: () => rmSync(root, { recursive: true, force: true }) };
}
