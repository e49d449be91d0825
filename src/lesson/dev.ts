// The dev loop of the lesson plugin. A lesson that does not compile fails alone: its import is rejected
// (the page shows the error, Vite the overlay) while every other lesson keeps loading. Any change in a
// lesson's folder (index.md, an exercise file, an asset) invalidates that lesson and the catalog and
// reloads the page, so fixing a broken lesson shows it again without a manual reload. (Vite would not:
// it stops an update at a module that never compiled.) A lesson folder appearing or vanishing does the same.
import { relative, resolve, sep } from "node:path";
import type { Connect, HotUpdateOptions, ViteDevServer } from "vite";
import { LESSON_FOLDER } from "./frontmatter.ts";

/** Where the page asks, in dev, why a lesson failed to load: `${PROBLEM_ENDPOINT}<NN-slug>`. */
export const PROBLEM_ENDPOINT = "/@attention-lessons/problem/";

export interface DevLoopOptions {
  root: () => string;
  lessonsDir: string;
  /** The resolved id of `virtual:lessons`, invalidated with every lesson change. */
  catalogId: string;
  /** Every problem of the lesson at this path (relative to the root) as text, or "" when it compiles. */
  explain: (path: string) => Promise<string>;
}

export function devLoop(options: DevLoopOptions) {
  const { lessonsDir, catalogId } = options;
  let server: ViteDevServer | null = null;
  const projectPath = (file: string) => relative(options.root(), file).split(sep).join("/");

  /** `lessons/02-x/index.md` for any path inside the lesson folder `lessons/02-x/`, else null. */
  function lessonOf(path: string): { folder: string; index: string; depth: number } | null {
    if (!path.startsWith(`${lessonsDir}/`)) return null;
    const [folder, ...rest] = path.slice(lessonsDir.length + 1).split("/");
    return LESSON_FOLDER.test(folder) ? { folder, index: `${lessonsDir}/${folder}/index.md`, depth: rest.length } : null;
  }

  /** Forgets the catalog and the given lessons' modules in every environment, and reloads the page. */
  function refresh(lessonIndexes: string[]): void {
    if (!server) return;
    for (const environment of Object.values(server.environments)) {
      const graph = environment.moduleGraph;
      const catalog = graph.getModuleById(catalogId);
      if (catalog) graph.invalidateModule(catalog);
      for (const index of lessonIndexes) {
        for (const mod of graph.getModulesByFile(resolve(options.root(), index)) ?? []) graph.invalidateModule(mod);
      }
    }
    server.hot.send({ type: "full-reload", path: "*" });
  }

  const problemMiddleware: Connect.NextHandleFunction = (req, res, next) => {
    const slug = decodeURIComponent((req.url ?? "").replace(/^\//, "").split("?")[0]);
    if (!LESSON_FOLDER.test(slug)) return next();
    options.explain(`${lessonsDir}/${slug}/index.md`).then(
      (text) => {
        res.setHeader("Content-Type", "text/plain; charset=utf-8");
        res.setHeader("Cache-Control", "no-store");
        res.end(text);
      },
      (error: unknown) => next(error),
    );
  };

  return {
    configureServer(devServer: ViteDevServer): void {
      server = devServer;
      devServer.middlewares.use(PROBLEM_ENDPOINT, problemMiddleware);
      devServer.watcher.on("all", (event, file) => {
        // Files are handled in hotUpdate; a lesson folder appearing or vanishing changes the catalog.
        if (event !== "addDir" && event !== "unlinkDir") return;
        if (lessonOf(projectPath(file))?.depth === 0) refresh([]);
      });
    },
    /** Any file in a lesson folder: recompile that lesson and reload (instead of Vite's own update). */
    hotUpdate(this: { environment: { name: string } }, { file }: HotUpdateOptions): [] | undefined {
      const lesson = lessonOf(projectPath(file));
      if (!lesson) return undefined;
      if (this.environment.name === "client") refresh([lesson.index]);
      return [];
    },
  };
}
