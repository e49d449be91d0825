// The skip link: with hash routes, following href="#main" would route to a page called "main",
// so it moves focus to the main region itself.

/** Makes `link` move focus (and the view) to `target` instead of changing the route. */
export function setupSkipLink(link: HTMLAnchorElement | null, target: HTMLElement): void {
  link?.addEventListener("click", (event) => {
    event.preventDefault();
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "start" });
  });
}
