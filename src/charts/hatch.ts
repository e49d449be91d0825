import type * as Plot from "@observablehq/plot";

let nextId = 0;

/**
 * A diagonal-hatch pattern drawn in the page's text colour, for masked (−∞) cells.
 * Returns a render-only mark that defines it and the `url(#…)` to use as a fill.
 */
export function hatch(): { mark: Plot.RenderFunction; url: string } {
  const id = `attn-hatch-${++nextId}`;
  const mark: Plot.RenderFunction = (_index, _scales, _values, _dimensions, context) => {
    const doc = context.document;
    const ns = "http://www.w3.org/2000/svg";
    const defs = doc.createElementNS(ns, "defs");
    const pattern = doc.createElementNS(ns, "pattern");
    pattern.setAttribute("id", id);
    pattern.setAttribute("width", "6");
    pattern.setAttribute("height", "6");
    pattern.setAttribute("patternUnits", "userSpaceOnUse");
    pattern.setAttribute("patternTransform", "rotate(45)");
    const back = doc.createElementNS(ns, "rect");
    back.setAttribute("width", "6");
    back.setAttribute("height", "6");
    back.setAttribute("fill", "currentColor");
    back.setAttribute("fill-opacity", "0.08");
    const line = doc.createElementNS(ns, "line");
    line.setAttribute("y2", "6");
    line.setAttribute("stroke", "currentColor");
    line.setAttribute("stroke-opacity", "0.45");
    line.setAttribute("stroke-width", "2");
    pattern.append(back, line);
    defs.append(pattern);
    return defs as unknown as SVGElement;
  };
  return { mark, url: `url(#${id})` };
}
