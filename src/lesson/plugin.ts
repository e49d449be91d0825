// The Vite plugin: `lessons/NN-slug/index.md` imports compile to CompiledLesson modules, and
// `virtual:lessons` lists the lessons and loads each one lazily. In dev, a broken lesson fails alone
// (overlay + rejected import that carries every problem) and any change in a lesson folder reloads
// the page (dev.ts), so a fixed lesson shows again by itself.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import type { Plugin } from "vite";
import { catalogModule, checkCatalog, findLessonFolders, readCatalog } from "./catalog.ts";
import { compileLesson, lintLesson, type CompileOptions } from "./compile.ts";
import { devLoop, PROBLEM_ENDPOINT } from "./dev.ts";
import { LessonError } from "./errors.ts";
import { loadKnownNames } from "./known-names.ts";
import { LESSON_FOLDER } from "./meta.ts";

export const VIRTUAL_LESSONS = "virtual:lessons";
const RESOLVED_VIRTUAL_LESSONS = "\0virtual:lessons";

export interface LessonPluginOptions {
  /** The folder of lesson folders, relative to the Vite root (default "lessons"). */
  lessonsDir?: string;
  /** Names cells may read without defining them (default: BUILTIN_NAMES and GLOBAL_NAMES of src/notebook/names.ts). */
  knownNames?: Iterable<string>;
}

/** `lessons/02-x/index.md:14:7` plus the line itself with a caret, for Vite's overlay and terminal. */
function rollupError(error: LessonError, root: string, more: readonly LessonError[] = []) {
  const file = resolve(root, error.path);
  const text = existsSync(file) ? readFileSync(file, "utf8").split(/\r?\n/)[error.line - 1] ?? "" : "";
  const gutter = `${error.line} | `;
  const frame = `${gutter}${text}\n${" ".repeat(gutter.length - 2)}| ${" ".repeat(Math.max(0, error.column - 1))}^`;
  const others = more.filter((e) => e.message !== error.message).map((e) => e.message);
  const message = others.length ? [error.message, `and ${others.length} more:`, ...others].join("\n") : error.message;
  // loc.column is 1-based like the message, so Vite's "File: path:line:column" line agrees with it.
  return { message, id: file, loc: { file, line: error.line, column: error.column }, frame };
}

/** Compiles lessons/NN-slug/index.md to a CompiledLesson module and serves `virtual:lessons`. */
export function lessonPlugin(options: LessonPluginOptions = {}): Plugin {
  const lessonsDir = (options.lessonsDir ?? "lessons").replace(/\/+$/, "");
  const isLessonPath = (path: string) => {
    if (!path.startsWith(`${lessonsDir}/`)) return false;
    const [folder, file, ...rest] = path.slice(lessonsDir.length + 1).split("/");
    return LESSON_FOLDER.test(folder) && file === "index.md" && rest.length === 0;
  };
  let root = process.cwd();
  let isBuild = false;
  let base = "/";
  let knownNames: Promise<{ names: string[] } | { problem: string }> | null = null;
  let warnedNames = false;

  const projectPath = (file: string) => relative(root, file).split(sep).join("/");
  const lessonPath = (id: string): string | null => {
    if (id.startsWith("\0")) return null;
    const [file, query = ""] = id.split("?");
    if (/(^|&)(raw|url|inline|worker)\b/.test(query)) return null;
    const path = projectPath(file);
    return isLessonPath(path) ? path : null;
  };
  const known = async () => {
    if (options.knownNames !== undefined) return { names: [...options.knownNames] };
    return (knownNames ??= loadKnownNames(root));
  };
  /** How the compiler reads this project: its files, its builtin names and the course's lessons. */
  const compileOptions = (names: string[] | undefined): CompileOptions => ({
    knownNames: names,
    readFile: (file) => (existsSync(resolve(root, file)) && statSync(resolve(root, file)).isFile() ? readFileSync(resolve(root, file), "utf8") : null),
    exists: (file) => existsSync(resolve(root, file)),
    folders: (dir) => {
      const full = resolve(root, dir);
      return existsSync(full) ? readdirSync(full, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name) : null;
    },
    lessons: findLessonFolders(resolve(root, lessonsDir)),
  });
  const dev = devLoop({
    root: () => root,
    lessonsDir,
    catalogId: RESOLVED_VIRTUAL_LESSONS,
    async explain(path) {
      const file = resolve(root, path);
      if (!existsSync(file)) return `${path}: no such lesson`;
      const names = await known();
      const { errors } = lintLesson(readFileSync(file, "utf8"), path, compileOptions("names" in names ? names.names : undefined));
      return errors.map((e) => e.message).join("\n");
    },
  });

  return {
    name: "attention-lessons",
    enforce: "pre",
    configResolved(config) {
      root = config.root;
      isBuild = config.command === "build";
      base = config.base;
    },
    configureServer: dev.configureServer,
    hotUpdate: dev.hotUpdate,
    resolveId(id) {
      return id === VIRTUAL_LESSONS ? RESOLVED_VIRTUAL_LESSONS : null;
    },
    load(id) {
      if (id !== RESOLVED_VIRTUAL_LESSONS) return null;
      const entries = readCatalog(root, lessonsDir);
      for (const entry of entries) {
        this.addWatchFile(resolve(root, entry.path));
        if (!entry.error) continue;
        if (isBuild) this.error(rollupError(entry.error, root));
        this.warn(`${entry.error.message} (the home page lists it; opening it shows the error)`);
      }
      for (const problem of checkCatalog(entries)) {
        if (isBuild) this.error(problem);
        this.warn(problem);
      }
      return catalogModule(entries, isBuild ? null : `${base.replace(/\/?$/, "")}${PROBLEM_ENDPOINT}`);
    },
    async transform(source, id) {
      const path = lessonPath(id);
      if (!path) return null;
      const names = await known();
      if ("problem" in names && !warnedNames) {
        warnedNames = true;
        this.warn(`${names.problem}; unknown names in cells are not reported`);
      }
      const compile = compileOptions("names" in names ? names.names : undefined);
      try {
        const result = compileLesson(source, path, compile);
        // Only files: Vite resolves watch files like imports. Folders are covered by dev.ts.
        for (const file of result.dependencies.map((f) => resolve(root, f))) {
          if (existsSync(file) && statSync(file).isFile()) this.addWatchFile(file);
        }
        for (const warning of result.warnings) this.warn(warning.message);
        return { code: result.code, map: result.map, moduleType: "js" };
      } catch (error) {
        if (error instanceof LessonError) this.error(rollupError(error, root, lintLesson(source, path, compile).errors));
        throw error;
      }
    },
  };
}
