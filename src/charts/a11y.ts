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

/**
 * Moves the <style> that Plot puts inside every chart to one shared copy in <head>. The rules are the
 * same in every chart (scoped by Plot's class name), but each chart replaced on a redraw removed one
 * style sheet and added another, and a change of style sheets makes the browser restyle the whole page.
 */
export function hoistPlotStyles(root: Element): void {
  const doc = root.ownerDocument;
  for (const style of Array.from(root.querySelectorAll("svg > style"))) {
    const text = style.textContent ?? "";
    if (!/^:where\(\.plot-[\w-]+\)/.test(text)) continue;
    const id = `plot-style-${hash(text)}`;
    if (!doc.getElementById(id)) doc.head.append(Object.assign(doc.createElement("style"), { id, textContent: text }));
    style.remove();
  }
}

function hash(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}
