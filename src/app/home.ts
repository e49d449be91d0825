// The home page: every lesson in order, with its summary and how much of it the reader has solved.
import type { LessonMeta } from "../lesson/types.ts";
import { h } from "./dom.ts";
import { href } from "./router.ts";
import { defaultProgressStore, PROGRESS_EVENT } from "../exercises/progress.ts";
import { mountProgressTools } from "../exercises/progress-tools.ts";
import { progressSummary } from "./progress.ts";

export function renderHome(main: HTMLElement, lessons: LessonMeta[]): void {
  const tools = h("div", {});
  document.title = "Attention, Interactively";
  const items = lessons.map((lesson) => {
    const { solved, total } = progressSummary(lesson.exercises);
    const progress =
      total === 0 ? "No exercises yet" : `${solved} of ${total} exercise${total === 1 ? "" : "s"} solved`;
    return h(
      "li",
      { class: "lesson-card" },
      h("span", { class: "lesson-number", "aria-hidden": "true" }, String(lesson.order).padStart(2, "0")),
      h(
        "div",
        {},
        h("h2", {}, h("a", { href: href.lesson(lesson.slug) }, lesson.title)),
        h("p", { class: "summary" }, lesson.summary),
        h("p", { class: "progress", "aria-label": `Progress in ${lesson.title}: ${progress}` }, progress),
      ),
    );
  });
  main.replaceChildren(
    h(
      "section",
      { class: "hero" },
      h("h1", {}, "Attention, Interactively"),
      h(
        "p",
        { class: "lede" },
        "A course on the attention mechanism where every number is computed live in your browser by one small, readable kernel. Change the values, watch the charts move, and check your own code.",
      ),
    ),
    h("nav", { "aria-label": "Lessons" }, h("ol", { class: "lesson-list" }, ...items)),
    h("section", { "aria-labelledby": "your-progress" }, h("h2", { id: "your-progress" }, "Your progress"),
      h("p", { class: "muted" }, "Progress is kept in this browser. Export it to a file to move it to another one."),
      tools),
  );
  const mounted = mountProgressTools(tools, defaultProgressStore());
  // Redraw the counts when progress changes (an import, or another tab) while home is shown.
  const refresh = () => {
    mounted.destroy();
    if (tools.isConnected) renderHome(main, lessons);
  };
  addEventListener(PROGRESS_EVENT, refresh, { once: true });
}
