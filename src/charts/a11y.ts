// What a screen reader meets in a Plot chart: one image, named by its aria-label, instead of Plot's
// inner groups (their aria-labels, "cell", "tip", "x-axis tick", name nothing a reader needs).

/**
 * Makes each labelled Plot SVG in `root` (or `root` itself) one image: `role="img"` keeps its
 * aria-label and description, and Plot's labelled inner groups are hidden from assistive technology.
 * Safe to call twice; works on any Plot output, not only the course's charts.
 */
export function asImage(root: Element): void {
  const svgs = root.tagName.toLowerCase() === "svg" ? [root] : Array.from(root.querySelectorAll("svg"));
  for (const svg of svgs) {
    if (!svg.hasAttribute("aria-label") || svg.closest("[aria-hidden='true']")) continue;
    if (!svg.hasAttribute("role")) svg.setAttribute("role", "img");
    for (const g of Array.from(svg.querySelectorAll("g[aria-label]"))) g.setAttribute("aria-hidden", "true");
  }
}
