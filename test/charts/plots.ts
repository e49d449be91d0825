// Charts as named functions on seeded data, like observablehq/plot's test/plots/*.ts.
// Each one has a snapshot in test/charts/snapshots/ (see snapshots.test.ts).
import { attentionGraph, heatmap, histogram, lineChart, vectors } from "../../src/charts/index.ts";
import { causal, randn, rng, scores, selfAttention, sentence, softmax } from "./helpers.ts";

export function heatmapWeights() {
  const { weights } = selfAttention();
  return heatmap(weights, { rowLabels: sentence, colLabels: sentence, name: "attention weights" });
}

export function heatmapCausalScores() {
  const { scores: s } = selfAttention();
  return heatmap(causal(s), { rowLabels: sentence, colLabels: sentence, name: "masked attention scores", format: ".1f" });
}

export function heatmapSpecialValues() {
  const m = [
    [0.1, -Infinity, NaN, 0.9],
    [0.62, 0.2, 0.18, 0],
    [-Infinity, -Infinity, -Infinity, -Infinity],
  ];
  return heatmap(m, { rowLabels: ["a", "it", "a"], colLabels: ["the", "animal", "was", "tired"] });
}

export function heatmapCrossTitled() {
  const random = rng(7);
  const w = softmax(scores(randn(3, 4, random), randn(5, 4, random)));
  return heatmap(
    { rows: 3, cols: 5, data: Float64Array.from(w.flat()) },
    { rowLabels: ["le", "chat", "dort"], colLabels: ["the", "cat", "is", "sleeping", "<eos>"], title: "Cross-attention weights", color: { scheme: "viridis" } },
  );
}

export function heatmapLarge() {
  const random = rng(3);
  const w = softmax(scores(randn(16, 8, random), randn(16, 8, random)));
  return heatmap(w, { rowLabels: w.map((_, i) => `t${i}`), colLabels: w.map((_, i) => `t${i}`), name: "attention weights" });
}

export function vectorsQueryKeys() {
  const random = rng(11);
  return vectors(randn(3, 4, random), { labels: ["q", "k₁", "k₂"] });
}

export function attentionGraphSelf() {
  return attentionGraph(selfAttention().weights, { labels: sentence, threshold: 0.1 });
}

export function attentionGraphCross() {
  const random = rng(5);
  const w = softmax(scores(randn(3, 4, random), randn(5, 4, random)));
  return attentionGraph(w, { labels: ["le", "chat", "dort"], keyLabels: ["the", "cat", "is", "sleeping", "<eos>"] });
}

/** Variance of q·k grows like d_k; dividing by √d_k keeps it near 1. */
export function lineChartVariance() {
  const random = rng(13);
  const rows = [2, 4, 8, 16, 32, 64, 128, 256].flatMap((dk) => {
    const q = randn(200, dk, random);
    const k = randn(200, dk, random);
    const dots = q.map((qi, n) => qi.reduce((s, v, t) => s + v * k[n][t], 0));
    const variance = dots.reduce((s, v) => s + v * v, 0) / dots.length;
    return [
      { dk, variance, kind: "q·k" },
      { dk, variance: variance / dk, kind: "q·k / √d_k" },
    ];
  });
  return lineChart(rows, { x: "dk", y: "variance", z: "kind", xLabel: "d_k", yLabel: "variance", xType: "log", yType: "log" });
}

export function histogramDots() {
  const random = rng(17);
  const q = randn(1000, 64, random);
  const k = randn(1000, 64, random);
  const dots = q.map((qi, n) => qi.reduce((s, v, t) => s + v * k[n][t], 0));
  return histogram(dots, { label: "q·k (d_k = 64)", bins: 40, domain: [-30, 30] });
}
