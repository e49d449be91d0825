import { h } from "./dom.ts";
import { href } from "./router.ts";

export function renderNotFound(main: HTMLElement, path: string): void {
  document.title = "Page not found · Attention, Interactively";
  main.replaceChildren(
    h(
      "article",
      { class: "not-found" },
      h("h1", {}, "Page not found"),
      h("p", {}, `There is no page at “${path}”.`),
      h("p", {}, h("a", { href: href.home() }, "Go to all lessons")),
    ),
  );
}
