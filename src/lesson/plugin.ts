// The Vite plugin: `lessons/NN-slug/index.md` imports compile to CompiledLesson modules, and
// `virtual:lessons` lists the lessons and loads each one lazily. In dev, adding, removing or
// retitling a lesson reloads the page; a broken lesson fails alone (overlay + rejected import).
import { existsSync, readFileSync, statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import type { Plugin, ViteDevServer } from "vite";
import { catalogModule, checkCatalog, readCatalog } from "./catalog.ts";
import { compileLesson } from "./compile.ts";
import { LessonError } from "./errors.ts";
import { loadKnownNames } from "./known-names.ts";
import { LESSON_FOLDER, readLessonMeta } from "./meta.ts";

export const VIRTUAL_LESSONS = "virtual:lessons";
const RESOLVED_VIRTUAL_LESSONS = "\0virtual:lessons";

export interface LessonPluginOptions {
  /** The folder of lesson folders, relative to the Vite root (default "lessons"). */
  lessonsDir?: string;
  /** Names cells may read without defining them (default: BUILTIN_NAMES and GLOBAL_NAMES of src/notebook/names.ts). */
  knownNames?: Iterable<string>;
}

/** `lessons/02-x/index.md:14:7` plus the line itself with a caret, for Vite's overlay and terminal. */
function rollupError(error: LessonError, root: string) {
  const file = resolve(root, error.path);
  const text = existsSync(file) ? readFileSync(file, "utf8").split(/\r?\n/)[error.line - 1] ?? "" : "";
  const gutter = `${error.line} | `;
  const frame = `${gutter}${text}\n${" ".repeat(gutter.length - 2)}| ${" ".repeat(Math.max(0, error.column - 1))}^`;
  // loc.column is 1-based like the message, so Vite's "File: path:line:column" line agrees with it.
  return { message: error.message, id: file, loc: { file, line: error.line, column: error.column }, frame };
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
  let knownNames: Promise<{ names: string[] } | { problem: string }> | null = null;
  let warnedNames = false;
  /** Each lesson's metadata as last served in `virtual:lessons`, to notice front matter changes. */
  const served = new Map<string, string>();

  const projectPath = (file: string) => relative(root, file).split(sep).join("/");
  const lessonPath = (id: string): string | null => {
    if (id.startsWith("\0")) return null;
    const [file, query = ""] = id.split("?");
    if (/(^|&)(raw|url|inline|worker)\b/.test(query)) return null;
    const path = projectPath(file);
    return isLessonPath(path) ? path : null;
  };
  const metaOf = (path: string) => {
    try {
      return JSON.stringify(readLessonMeta(readFileSync(resolve(root, path), "utf8"), path));
    } catch (error) {
      return String(error);
    }
  };

  function refresh(server: ViteDevServer, lessonFiles: string[]): void {
    for (const environment of Object.values(server.environments)) {
      const graph = environment.moduleGraph;
      const catalog = graph.getModuleById(RESOLVED_VIRTUAL_LESSONS);
      if (catalog) graph.invalidateModule(catalog);
      for (const file of lessonFiles) for (const mod of graph.getModulesByFile(file) ?? []) graph.invalidateModule(mod);
    }
    server.hot.send({ type: "full-reload", path: "*" });
  }

  function watchLessons(server: ViteDevServer): void {
    server.watcher.on("all", (event, file) => {
      const path = projectPath(file);
      if (!path.startsWith(`${lessonsDir}/`)) return;
      const [folder, ...rest] = path.slice(lessonsDir.length + 1).split("/");
      const index = `${lessonsDir}/${folder}/index.md`;
      if (rest.length === 0 && (event === "addDir" || event === "unlinkDir")) refresh(server, []);
      else if (rest.join("/") === "index.md" && event !== "change") refresh(server, []);
      else if (rest.join("/") === "index.md" && served.has(index) && served.get(index) !== metaOf(index)) refresh(server, []);
      // A file appearing in or vanishing from exercises/ can fix or break the lesson: recompile it.
      else if (rest[0] === "exercises" && event !== "change") refresh(server, [resolve(root, index)]);
    });
  }

  return {
    name: "attention-lessons",
    enforce: "pre",
    configResolved(config) {
      root = config.root;
      isBuild = config.command === "build";
    },
    configureServer: watchLessons,
    resolveId(id) {
      return id === VIRTUAL_LESSONS ? RESOLVED_VIRTUAL_LESSONS : null;
    },
    load(id) {
      if (id !== RESOLVED_VIRTUAL_LESSONS) return null;
      const entries = readCatalog(root, lessonsDir);
      for (const entry of entries) {
        this.addWatchFile(resolve(root, entry.path));
        served.set(entry.path, entry.error ? String(entry.error) : JSON.stringify(entry.meta));
        if (!entry.error) continue;
        if (isBuild) this.error(rollupError(entry.error, root));
        this.warn(`${entry.error.message} (the home page lists it; opening it shows the error)`);
      }
      for (const problem of checkCatalog(entries)) {
        if (isBuild) this.error(problem);
        this.warn(problem);
      }
      return catalogModule(entries);
    },
    async transform(source, id) {
      const path = lessonPath(id);
      if (!path) return null;
      if (options.knownNames === undefined) knownNames ??= loadKnownNames(root);
      const known = options.knownNames === undefined ? await knownNames! : { names: [...options.knownNames] };
      if ("problem" in known && !warnedNames) {
        warnedNames = true;
        this.warn(`${known.problem}; unknown names in cells are not reported`);
      }
      try {
        const result = compileLesson(source, path, {
          knownNames: "names" in known ? known.names : undefined,
          readFile: (file) => (existsSync(resolve(root, file)) ? readFileSync(resolve(root, file), "utf8") : null),
          exists: (file) => existsSync(resolve(root, file)),
        });
        // Only files: Vite resolves watch files like imports. Folders are covered by watchLessons.
        for (const file of result.dependencies.map((f) => resolve(root, f))) {
          if (existsSync(file) && statSync(file).isFile()) this.addWatchFile(file);
        }
        for (const warning of result.warnings) this.warn(warning.message);
        return { code: result.code, map: result.map, moduleType: "js" };
      } catch (error) {
        if (error instanceof LessonError) this.error(rollupError(error, root));
        throw error;
      }
    },
  };
}
