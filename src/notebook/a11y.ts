// What a cell shows, made usable with a screen reader: every form control named, every Plot chart one image.
import { asImage, hoistPlotStyles } from "../charts/a11y.ts";

const CONTROLS = "input:not([type=hidden]), select, textarea";

/** True if `control` already has a name from a label, aria-label or aria-labelledby. */
function isNamed(control: HTMLElement): boolean {
  if (control.hasAttribute("aria-label") || control.hasAttribute("aria-labelledby")) return true;
  const labels = (control as HTMLInputElement).labels;
  return control.closest("label") !== null || (labels != null && labels.length > 0);
}

/**
 * Names the controls of Observable Inputs by their form's label: `Inputs.range` labels only its number
 * box, so its slider gets the same name ("Key size dₖ"); nothing already named is touched.
 */
export function labelControls(root: Element): void {
  const forms = root.matches("form") ? [root] : Array.from(root.querySelectorAll("form"));
  for (const form of forms) {
    const label = form.querySelector(":scope > label")?.textContent?.trim();
    if (!label) continue;
    for (const control of Array.from(form.querySelectorAll<HTMLElement>(CONTROLS))) {
      if (!isNamed(control)) control.setAttribute("aria-label", label);
    }
  }
}

/** Prepares a node a cell is about to show: named controls, charts as images. */
export function prepareOutput(node: Node): void {
  if (!(node instanceof Element)) return;
  labelControls(node);
  asImage(node);
  hoistPlotStyles(node);
}

/**
 * A cell output wider than the column scrolls sideways; a scroll box must be reachable by keyboard,
 * so while it overflows it is a focusable, named region (and stops being one when it fits again).
 */
export function markScrollable(output: HTMLElement, label: string): void {
  if (output.scrollWidth > output.clientWidth + 1) {
    output.tabIndex = 0;
    output.setAttribute("role", "region");
    output.setAttribute("aria-label", label);
  } else if (output.hasAttribute("tabindex")) {
    output.removeAttribute("tabindex");
    output.removeAttribute("role");
    output.removeAttribute("aria-label");
  }
}
