// The course shell: reads the route from the hash and draws the home page, a lesson, or a kernel file.
import "katex/dist/katex.min.css";
import "./app.css";
import { lessons, loadLesson } from "virtual:lessons";
import { parseRoute, href, type Route } from "./router.ts";
import { setupTheme } from "./theme.ts";
import { setupSkipLink } from "./skip-link.ts";
import { renderHome } from "./home.ts";
import type { LessonPage } from "./lesson-page.ts";
import { renderLessonShell } from "./lesson-shell.ts";
import type { CompiledLesson } from "../lesson/types.ts";
import { renderNotFound } from "./not-found.ts";

const main = document.getElementById("main") as HTMLElement;
let current: { slug: string; page: LessonPage } | null = null;
let lastLesson: string | null = null;
let navigation = 0;

/** What a reader sees when the course's code could not be downloaded (a lost connection, most likely). */
function loadError(error: unknown): HTMLElement {
  const reason = error instanceof Error ? error.message : String(error);
  const text = `Part of this lesson could not be loaded (${reason}). Check your connection and reload the page.`;
  return Object.assign(document.createElement("p"), { className: "load-error", role: "alert", textContent: text });
}

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
    // The notebook (Plot, Inputs, the runtime) loads with the first lesson, not with the home page. The
    // lesson's own module is small: its prose goes on screen as soon as it arrives, while the notebook
    // is still loading (and compiling, on another core), so the page's first layout is out of the way.
    const pending = loadLesson(route.slug);
    const live = import("./lesson-page.ts");
    live.catch(() => {}); // a failed import is reported below, where it is awaited
    let lesson: CompiledLesson;
    try {
      lesson = await pending;
    } catch (error) {
      if (id === navigation) await live.then(({ renderLessonError }) => renderLessonError(main, route.slug, error), () => main.replaceChildren(loadError(error)));
      return;
    }
    if (id !== navigation) return;
    const shell = renderLessonShell(main, lesson, lessons);
    // If the notebook can't be downloaded, the prose stays and says plainly why nothing in it runs.
    const page = await live.catch((error: unknown) => void shell.body.prepend(loadError(error)));
    if (!page || id !== navigation) return;
    current = { slug: route.slug, page: page.mountLessonPage(shell, lesson) };
    lastLesson = href.lesson(route.slug);
    current.page.scrollTo(route.section);
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
