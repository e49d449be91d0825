// The course shell: reads the route from the hash and draws the home page, a lesson, or a kernel file.
import "katex/dist/katex.min.css";
import "./app.css";
import { lessons, loadLesson } from "virtual:lessons";
import { parseRoute, href, type Route } from "./router.ts";
import { setupTheme } from "./theme.ts";
import { setupSkipLink } from "./skip-link.ts";
import { renderHome } from "./home.ts";
import type { LessonPage } from "./lesson-page.ts";
import { renderNotFound } from "./not-found.ts";

const main = document.getElementById("main") as HTMLElement;
let current: { slug: string; page: LessonPage } | null = null;
let lastLesson: string | null = null;
let navigation = 0;

function leaveLesson(): void {
  current?.page.dispose();
  current = null;
}

async function show(route: Route): Promise<void> {
  const id = ++navigation;
  if (route.page === "lesson") {
    if (current?.slug === route.slug) {
      if (route.values) current.page.applyValues?.(route.values);
      return current.page.scrollTo(route.section);
    }
    leaveLesson();
    main.replaceChildren(Object.assign(document.createElement("p"), { className: "loading", role: "status", textContent: "Loading the lesson…" }));
    const meta = lessons.find((l) => l.slug === route.slug);
    if (!meta) return renderNotFound(main, `lessons/${route.slug}`);
    // The notebook (Plot, Inputs, the runtime) loads with the first lesson, not with the home page;
    // the lesson's own module is requested at the same time, not after the notebook has loaded.
    const pending = loadLesson(route.slug);
    pending.catch(() => {}); // handled below, once the page code is here to show it
    const { renderLesson, renderLessonError } = await import("./lesson-page.ts");
    try {
      const lesson = await pending;
      if (id !== navigation) return;
      current = { slug: route.slug, page: renderLesson(main, lesson, lessons) };
      lastLesson = href.lesson(route.slug);
      current.page.scrollTo(route.section);
    } catch (error) {
      if (id === navigation) renderLessonError(main, route.slug, error);
    }
    return;
  }
  leaveLesson();
  window.scrollTo(0, 0);
  if (route.page === "home") renderHome(main, lessons);
  else if (route.page === "kernel") await (await import("./kernel-page.ts")).renderKernel(main, route.file, lastLesson);
  else renderNotFound(main, route.path);
}

setupTheme(document.getElementById("theme-toggle") as HTMLButtonElement);
setupSkipLink(document.querySelector<HTMLAnchorElement>(".skip-link"), main);
addEventListener("hashchange", () => void show(parseRoute(location.hash)));
void show(parseRoute(location.hash));
