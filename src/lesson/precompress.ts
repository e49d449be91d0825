// Compressed copies of the built files, made once at build time and served by `vite preview`, as a
// production static host serves them. Without them, vite preview gzips every response as it sends it:
// ~20 ms of CPU for the 576 KB notebook chunk, on every load, competing with the browser for the cores.
import { createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";
import type { Plugin, ResolvedConfig } from "vite";

const TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".css": "text/css",
  ".html": "text/html",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};
const SMALLEST = 1024; // bytes; below this, compressing saves too little to be worth a second file

/** Writes `<file>.gz` beside every compressible file of `dir` of at least 1 KiB. Returns how many. */
export function precompress(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (!entry.isFile() || !(extname(path) in TYPES) || statSync(path).size < SMALLEST) continue;
    writeFileSync(`${path}.gz`, gzipSync(readFileSync(path), { level: 9 }));
    count++;
  }
  return count;
}

export function precompressPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: "attention-precompress",
    configResolved(resolved) {
      config = resolved;
    },
    writeBundle: {
      order: "post",
      sequential: true,
      handler(options) {
        if (options.dir && config.command === "build") precompress(options.dir);
      },
    },
    configurePreviewServer(server) {
      const dist = resolve(config.root, config.build.outDir);
      // Runs before vite preview's own middleware (which would compress on the fly).
      server.middlewares.use((req, res, next) => {
        const accepts = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
        if (!accepts || (req.method !== "GET" && req.method !== "HEAD")) return next();
        const url = decodeURIComponent((req.url ?? "/").split(/[?#]/)[0]);
        const base = config.base.startsWith("/") ? config.base : "/";
        const relative = url.startsWith(base) ? url.slice(base.length) : url.slice(1);
        const file = normalize(join(dist, relative === "" ? "index.html" : relative));
        const type = TYPES[extname(file)];
        if (!type || !file.startsWith(dist + sep) || !existsSync(`${file}.gz`)) return next();
        res.setHeader("Content-Type", type);
        res.setHeader("Content-Encoding", "gzip");
        res.setHeader("Vary", "Accept-Encoding");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("Content-Length", statSync(`${file}.gz`).size);
        if (req.method === "HEAD") return res.end();
        createReadStream(`${file}.gz`).pipe(res);
      });
    },
  };
}
