// The kernel's own source, as a learner reads it: every number in the lessons comes from these files.
// The highlighter is its own chunk (lesson pages load it after their charts); import it directly.
import { highlight } from "../notebook/highlight.ts";
import { h } from "./dom.ts";
import { href } from "./router.ts";

// Loaded as text, on demand: the kernel page costs nothing until a reader opens it.
const sources = import.meta.glob<string>("/src/kernel/*.ts", { query: "?raw", import: "default" });

/** Kernel file names, e.g. "attention.ts", in reading order (index first). */
export function kernelFiles(): string[] {
  return Object.keys(sources)
    .map((path) => path.split("/").pop()!)
    .sort((a, b) => (a === "index.ts" ? -1 : b === "index.ts" ? 1 : a.localeCompare(b)));
}

export async function renderKernel(main: HTMLElement, file: string, back: string | null): Promise<void> {
  const load = sources[`/src/kernel/${file}`];
  document.title = `src/kernel/${file} · Attention, Interactively`;
  const files = h(
    "nav",
    { class: "kernel-files", "aria-label": "Kernel files" },
    h("ul", {}, ...kernelFiles().map((f) =>
      h("li", {}, h("a", { href: href.kernel(f), "aria-current": f === file ? "page" : undefined }, f)),
    )),
  );
  const backLink = h("a", { href: back ?? href.home() }, back ? "← Back to the lesson" : "← All lessons");
  if (!load) {
    main.replaceChildren(h("article", { class: "kernel" }, h("h1", {}, "No such kernel file"), h("p", {}, `There is no src/kernel/${file}.`), files, backLink));
    return;
  }
  main.replaceChildren(h("p", { class: "loading", role: "status" }, `Loading src/kernel/${file}…`));
  const source = await load();
  main.replaceChildren(
    h(
      "article",
      { class: "kernel" },
      h("p", {}, backLink),
      h("h1", {}, h("code", {}, `src/kernel/${file}`)),
      h("p", { class: "summary" }, "The attention kernel every lesson runs. Plain TypeScript over Float64Array, one idea per file."),
      files,
      h("div", { class: "kernel-source", role: "region", "aria-label": `Source of ${file}`, tabindex: "0" }, highlight(source)),
    ),
  );
}
