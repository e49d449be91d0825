// The course charts. Every export here is also a builtin name in lesson cells (src/notebook/names.ts),
// so only chart functions are exported as values; helpers stay private to this folder.
export { heatmap, type HeatmapOptions } from "./heatmap.ts";
export { vectors, type VectorsOptions } from "./vectors.ts";
export { attentionGraph, type AttentionGraphOptions } from "./attention-graph.ts";
export { lineChart, type LineChartOptions, type Series, type Datum } from "./line-chart.ts";
export { histogram, type HistogramOptions } from "./histogram.ts";
export { matchedRows, type MatchedRowsOptions } from "./matched-rows.ts";
export { shapeFlow, type ShapeFlowOptions, type ShapeStep } from "./shape-flow.ts";
export type { ColorOptions } from "./color.ts";
export type { ChartOptions, Figure, MatrixInput, MatrixLike } from "./types.ts";
