// A lesson's page without its live parts: title, outline, prose and Previous / Next. It is part of the
// entry script, so a lesson's text is on screen as soon as its own small module arrives, while the
// notebook (Plot, d3, the runtime: ~190 KB gzip) is still loading; lesson-page.ts then brings the
// cells, exercises and value tools to life in the same elements.
import type { CompiledLesson, LessonMeta } from "../lesson/types.ts";
import { h } from "./dom.ts";
import { href } from "./router.ts";

/** The elements the live lesson fills in. */
export interface LessonShell {
  readonly article: HTMLElement;
  /** Holds the lesson's prose and its cell and exercise placeholders. */
  readonly body: HTMLElement;
}

export function renderLessonShell(main: HTMLElement, lesson: CompiledLesson, lessons: readonly LessonMeta[]): LessonShell {
  document.title = `${lesson.title} · Attention, Interactively`;
  const body = h("div", { class: "lesson-body" });
  body.innerHTML = lesson.html; // compiled at build time from the lesson's Markdown (and KaTeX)
  const side = outline(lesson);
  const article = h(
    "article",
    { class: "lesson" },
    h(
      "header",
      { class: "lesson-header" },
      h("p", { class: "kicker" }, `Lesson ${lesson.order}`),
      h("h1", {}, lesson.title),
      h("p", { class: "summary" }, lesson.summary),
    ),
    body,
    pager(lessons, lesson.slug),
  );
  main.replaceChildren(h("div", { class: "lesson-layout" }, article, side ?? ""));
  return { article, body };
}

function outline(lesson: CompiledLesson): HTMLElement | null {
  if (lesson.outline.length === 0) return null;
  const items = lesson.outline.map((entry) =>
    h("li", { class: `level-${entry.level}` }, h("a", { href: href.lesson(lesson.slug, entry.id) }, entry.text)),
  );
  return h("nav", { class: "outline", "aria-label": "On this page" }, h("h2", {}, "On this page"), h("ol", {}, ...items));
}

function pager(lessons: readonly LessonMeta[], slug: string): HTMLElement {
  const i = lessons.findIndex((l) => l.slug === slug);
  const prev = lessons[i - 1];
  const next = lessons[i + 1];
  return h(
    "nav",
    { class: "pager", "aria-label": "Lessons" },
    prev
      ? h("a", { href: href.lesson(prev.slug), class: "prev", rel: "prev" }, h("span", {}, "Previous"), h("strong", {}, prev.title))
      : h("a", { href: href.home(), class: "prev" }, h("span", {}, "Previous"), h("strong", {}, "All lessons")),
    next
      ? h("a", { href: href.lesson(next.slug), class: "next", rel: "next" }, h("span", {}, "Next"), h("strong", {}, next.title))
      : h("a", { href: href.home(), class: "next" }, h("span", {}, "Next"), h("strong", {}, "All lessons")),
  );
}
