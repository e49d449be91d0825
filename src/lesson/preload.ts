// Build only: a lesson opened by its address (#/lessons/<slug>) starts fetching its code at once. The
// entry script would only ask for the notebook chunk (Plot, d3, the runtime: ~190 KB gzip) and the
// lesson's module once it has loaded and run itself, ~50 ms later; a few lines in index.html ask for
// them (as modulepreload: fetched and compiled in parallel, run when imported) while the entry loads.
import type { Plugin, Rolldown } from "vite";

/** Script files (and stylesheets) to fetch early: for every lesson page, and for each lesson. */
export interface PreloadPlan {
  page: string[];
  lessons: Record<string, string[]>;
}

/** The plan for a built bundle: the lesson page's chunk and each lesson's, with their static imports. */
export function preloadPlan(bundle: Rolldown.OutputBundle): PreloadPlan {
  const chunks = Object.values(bundle).filter((c): c is Rolldown.OutputChunk => c.type === "chunk");
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const entry = new Set(chunks.filter((c) => c.isEntry).flatMap((c) => closure(c, byFile)));
  const files = (chunk: Rolldown.OutputChunk): string[] => closure(chunk, byFile).filter((f) => !entry.has(f));
  const page = chunks.find((c) => c.facadeModuleId?.endsWith("/src/app/lesson-page.ts"));
  const plan: PreloadPlan = { page: page ? files(page) : [], lessons: {} };
  for (const chunk of chunks) {
    const slug = /\/lessons\/(\d\d-[a-z0-9-]+)\/index\.md$/.exec(chunk.facadeModuleId ?? "")?.[1];
    if (slug) plan.lessons[slug] = files(chunk).filter((f) => !plan.page.includes(f));
  }
  return plan;
}

// A chunk's file, the chunks it imports statically (all of them, transitively), and their stylesheets.
function closure(chunk: Rolldown.OutputChunk, byFile: Map<string, Rolldown.OutputChunk>): string[] {
  const seen = new Set<string>();
  const visit = (c: Rolldown.OutputChunk | undefined): void => {
    if (!c || seen.has(c.fileName)) return;
    seen.add(c.fileName);
    const css = (c as Rolldown.OutputChunk & { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss;
    css?.forEach((f) => seen.add(f));
    c.imports.forEach((f) => visit(byFile.get(f)));
  };
  visit(chunk);
  return [...seen];
}

/** The inline script: if the address names a lesson in the plan, adds a preload link per file. */
export function preloadScript(plan: PreloadPlan): string {
  return `(function (page, lessons) {
  var m = /^#\\/lessons\\/(\\d\\d-[a-z0-9-]+)/.exec(location.hash);
  if (!m || !Object.prototype.hasOwnProperty.call(lessons, m[1])) return;
  page.concat(lessons[m[1]]).forEach(function (file) {
    var link = document.createElement("link");
    if (/\\.css$/.test(file)) { link.rel = "preload"; link.as = "style"; } else link.rel = "modulepreload";
    link.crossOrigin = ""; // as Vite's own preloads, so that the browser reuses these fetches
    link.href = "./" + file;
    document.head.appendChild(link);
  });
})(${JSON.stringify(plan.page)}, ${JSON.stringify(plan.lessons)});`;
}

export function preloadPlugin(): Plugin {
  return {
    name: "attention-preload",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, context) {
        if (!context.bundle) return html;
        const plan = preloadPlan(context.bundle);
        if (plan.page.length === 0) return html;
        // Before the entry's script tag: after the stylesheet link it would wait for the stylesheet to load.
        const at = html.search(/<script type="module"/);
        if (at < 0) return html;
        return `${html.slice(0, at)}<script>${preloadScript(plan)}</script>\n    ${html.slice(at)}`;
      },
    },
  };
}
