// A lesson's page: title, outline, the live notebook, its exercises, and Previous / Next.
import "../notebook/notebook.css";
import type { CompiledLesson, LessonMeta } from "../lesson/types.ts";
import { mountLesson, type MountedLesson } from "../notebook/index.ts";
import { h } from "./dom.ts";
import { href, parseRoute, type RouteValues } from "./router.ts";
import { mountExercisesWhenVisible } from "./exercises.ts";
import { mountValueTools } from "./share.ts";

export interface LessonPage {
  dispose(): void;
  scrollTo(section: string | null): void;
  /** Sets inputs from a link's values (the same lesson opened with other values). */
  applyValues?(values: RouteValues): void;
}

function outline(lesson: CompiledLesson): HTMLElement | null {
  if (lesson.outline.length === 0) return null;
  const items = lesson.outline.map((entry) =>
    h("li", { class: `level-${entry.level}` }, h("a", { href: href.lesson(lesson.slug, entry.id) }, entry.text)),
  );
  return h("nav", { class: "outline", "aria-label": "On this page" }, h("h2", {}, "On this page"), h("ol", {}, ...items));
}

function pager(lessons: LessonMeta[], slug: string): HTMLElement {
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

/** Shows a lesson that failed to build (in dev) without taking the rest of the course down. */
export function renderLessonError(main: HTMLElement, slug: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  document.title = `Lesson failed to build · Attention, Interactively`;
  main.replaceChildren(
    h(
      "article",
      { class: "lesson lesson--broken" },
      h("h1", {}, "This lesson could not be built"),
      h("p", {}, `The lesson “${slug}” has an error. Fix the file and this page recovers by itself.`),
      h("pre", { class: "build-error", role: "alert" }, message),
      h("p", {}, h("a", { href: href.home() }, "Back to all lessons")),
    ),
  );
}

export function renderLesson(main: HTMLElement, lesson: CompiledLesson, lessons: LessonMeta[]): LessonPage {
  document.title = `${lesson.title} · Attention, Interactively`;
  const body = h("div", { class: "lesson-body" });
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
  const notebook: MountedLesson = mountLesson(body, lesson);
  const exercises = mountExercisesWhenVisible(body, lesson.exercises);
  const route = parseRoute(location.hash);
  const values = mountValueTools(article.querySelector(".lesson-header")!, notebook, lesson, route.page === "lesson" ? route.values : {});
  return {
    dispose() {
      notebook.dispose();
      exercises.dispose();
      values.dispose();
    },
    scrollTo(section) {
      const target = section ? document.getElementById(section) : null;
      if (target) {
        target.scrollIntoView({ block: "start" });
        // Keyboard and screen-reader users continue from the section they jumped to.
        if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
        target.focus({ preventScroll: true });
      } else window.scrollTo(0, 0);
    },
    applyValues: (v) => void values.apply(v),
  };
}
