// A lesson's live parts: the notebook's cells, the exercises and the value tools, mounted into the page
// that lesson-shell.ts has already drawn.
import "../notebook/notebook.css";
import type { CompiledLesson } from "../lesson/types.ts";
import { mountLesson, type MountedLesson } from "../notebook/index.ts";
import { h } from "./dom.ts";
import { href, parseRoute, type RouteValues } from "./router.ts";
import { mountExercisesWhenVisible } from "./exercises.ts";
import type { LessonShell } from "./lesson-shell.ts";
import { mountValueTools } from "./share.ts";

export interface LessonPage {
  dispose(): void;
  scrollTo(section: string | null): void;
  /** Sets inputs from a link's values (the same lesson opened with other values). */
  applyValues?(values: RouteValues): void;
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

/** Brings a lesson drawn by renderLessonShell to life: its cells, exercises and value tools. */
export function mountLessonPage(shell: LessonShell, lesson: CompiledLesson): LessonPage {
  const { article, body } = shell;
  const notebook: MountedLesson = mountLesson(body, lesson, { rendered: true });
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
