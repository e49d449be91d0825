import * as Plot from "@observablehq/plot";
import { color as d3color } from "d3";
import { asImage } from "./a11y.ts";

/** Colour options of the matrix charts; see Plot's color scale. */
export interface ColorOptions {
  /** A Plot colour scheme name, e.g. "blues", "viridis", "rdbu". */
  scheme?: Plot.ColorScheme;
  /** [min, max] of the scale; signed data defaults to a symmetric domain. */
  domain?: [number, number];
}

/** Mid-tones that read on white and on near-black pages (ColorBrewer RdBu). */
export const POSITIVE = "#4393c3";
export const NEGATIVE = "#d6604d";

/**
 * Default colour scale for finite values: sequential "blues" from 0 for non-negative data
 * (to 1 when it looks like probabilities), diverging "rdbu" around 0 for signed data.
 */
export function colorScale(values: readonly number[], options: ColorOptions = {}): Plot.ScaleOptions {
  const finite = values.filter(Number.isFinite);
  const lo = Math.min(0, ...finite);
  const hi = Math.max(0, ...finite);
  if (lo >= 0) {
    return { type: "linear", scheme: options.scheme ?? "blues", domain: options.domain ?? [0, hi <= 1 ? 1 : hi] };
  }
  const a = Math.max(-lo, hi);
  return { type: "linear", scheme: options.scheme ?? "rdbu", domain: options.domain ?? [-a, a] };
}

/** Black or white, whichever reads better on the given fill. */
export function textColorOn(fill: string): string {
  const rgb = d3color(fill)?.rgb();
  if (!rgb) return "currentColor";
  const lin = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * lin(rgb.r) + 0.7152 * lin(rgb.g) + 0.0722 * lin(rgb.b);
  return luminance > 0.179 ? "black" : "white";
}

/** A function mapping a value to its fill under the given scale options. */
export function fillOf(scale: Plot.ScaleOptions): (value: number) => string {
  const s = Plot.scale({ color: scale });
  return (value) => String(s.apply(value));
}

/**
 * Lets the tip's background follow the page's `--chart-background` (default white). Plot's stylesheet
 * pins `--plot-background` to white on each svg, so the override has to be set on the svg itself.
 * Also makes the chart one image for screen readers (see {@link asImage}).
 */
export function themed<T extends Element>(figure: T): T {
  const svgs = figure.tagName.toLowerCase() === "svg" ? [figure] : Array.from(figure.querySelectorAll("svg"));
  for (const svg of svgs) {
    if (hasStyle(svg)) svg.style.setProperty("--plot-background", "var(--chart-background, white)");
  }
  asImage(figure);
  return figure;
}

function hasStyle(e: Element): e is Element & ElementCSSInlineStyle {
  return "style" in e;
}
