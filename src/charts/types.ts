import type * as Plot from "@observablehq/plot";

// Shapes the charts accept. Structural on purpose: the kernel's Matrix fits MatrixLike
// without this folder importing src/kernel.

/** Anything shaped like the kernel's row-major Matrix. */
export interface MatrixLike {
  readonly rows: number;
  readonly cols: number;
  readonly data: ArrayLike<number>;
}

/** A matrix as the kernel's Matrix or as nested arrays, one inner array per row. */
export type MatrixInput = MatrixLike | readonly (readonly number[])[];

/** Options every chart accepts. */
export interface ChartOptions {
  /** Heading above the chart (wraps it in a `<figure>`). */
  title?: string;
  /** Outer width in pixels. */
  width?: number;
  /** Document to render into, e.g. happy-dom's for headless rendering; defaults to `window.document`. */
  document?: Document;
}

/** What every chart returns: Plot's SVG, or a `<figure>` holding it when there is a title or legend. */
export type Figure = ReturnType<typeof Plot.plot>;
