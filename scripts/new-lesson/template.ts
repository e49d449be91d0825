// The files of a new lesson, as `npm run new:lesson` writes them. Every part of the format appears once,
// with a comment saying what to change; docs/authoring.md explains each in full.

/** The three exercise ids of a scaffold, made from its slug. */
export interface LessonIds {
  code: string;
  numeric: string;
  choice: string;
}

export interface TemplateOptions {
  title: string;
  ids: LessonIds;
  /** The import path of src/exercises/checks.ts from the code exercise's folder. */
  checksImport: string;
}

/** File path (relative to the lesson folder) -> text. */
export function lessonTemplate({ title, ids, checksImport }: TemplateOptions): Record<string, string> {
  const code = `exercises/${ids.code}`;
  return {
    "index.md": indexMd(title, ids),
    [`${code}/exercise.yaml`]: exerciseYaml,
    [`${code}/starter.ts`]: starterTs,
    [`${code}/solution.ts`]: solutionTs,
    [`${code}/checks.ts`]: checksTs(checksImport),
  };
}

const indexMd = (title: string, ids: LessonIds) => `---
title: ${JSON.stringify(title)}
summary: "One sentence for the home page: what a reader can do after this lesson. Replace it."
---

<!--
  Scaffolded by npm run new:lesson. Replace the prose, the cells and the exercises with your own:
  docs/authoring.md explains every part. npm run check:lessons says what is wrong, as path:line:column.
-->

This is where the lesson starts: short paragraphs, one idea at a time. Math is written in TeX and
rendered when the site is built, inline like $q \\cdot k$ or on its own line:

$$a_{ij} = \\frac{\\exp(s_{ij} / T)}{\\sum_{j'} \\exp(s_{ij'} / T)}$$

A value computed by a cell can sit in a sentence: with ${"${tokens}"} tokens, the first row of weights sums
to ${"${rowSum.toFixed(2)}"}, whatever the temperature $T$ = ${"${temperature}"}.

## Try it

Each fenced \`js\` block is a cell that defines one value. \`viewof\` turns an input into a value that other
cells read; when the reader moves it, every cell that depends on it runs again.

\`\`\`js
viewof tokens = Inputs.range([2, 8], { label: "Tokens", step: 1, value: 4 })
\`\`\`

\`\`\`js
viewof temperature = Inputs.range([0.1, 4], { label: "Temperature T", step: 0.1, value: 1 })
\`\`\`

The scores of every query against every key, scaled by $1/\\sqrt{d_k}$:

\`\`\`js
heatmap(scores, { title: "Scores S = QKᵀ / √dₖ", x: "key", y: "query", name: "attention scores" })
\`\`\`

Dividing by a temperature above 1 flattens each row of weights; below 1 sharpens it:

\`\`\`js
heatmap(weights, { title: \`Weights softmax(S / \${temperature})\`, x: "key", y: "query", name: "attention weights" })
\`\`\`

## Exercises

\`\`\`exercise
id: ${ids.code}
\`\`\`

\`\`\`exercise
id: ${ids.numeric}
kind: numeric
title: Equal scores
prompt: A query scores the same against each of its $4$ keys. What weight does it give the first key?
answer: 0.25
tolerance: 0.001
feedback:
  - answer: 1
    message: That would put all the weight on one key. Equal scores give equal weights.
  - answer: 4
    message: A weight is at most 1. Divide the one unit of attention among the keys.
hints:
  - Softmax gives equal scores equal weights, and the weights sum to 1.
\`\`\`

\`\`\`exercise
id: ${ids.choice}
kind: choice
title: A higher temperature
prompt: What happens to a row of attention weights when the temperature $T$ rises from 1 to 4?
options:
  - text: It gets flatter, closer to equal weights.
    correct: true
    feedback: Dividing the scores by a larger $T$ shrinks their differences, so the weights even out.
  - text: It gets sharper, closer to one key.
    feedback: That is what a temperature below 1 does. Move the slider and watch the second chart.
  - text: Its sum grows above 1.
    feedback: Softmax always gives weights that sum to 1, at any temperature.
hints:
  - Try it with the Temperature slider above and watch the weights.
\`\`\`

## Under the hood

Cells can come in any order: each runs when the values it names are ready. A \`js hidden\` fence folds
a cell's code away until the reader opens it.

\`\`\`js hidden
Q = randn(tokens, 4, 1)
\`\`\`

\`\`\`js hidden
K = randn(tokens, 4, 2)
\`\`\`

\`\`\`js
scores = scale(matmul(Q, transpose(K)), 1 / Math.sqrt(Q.cols))
\`\`\`

\`\`\`js
weights = softmax(scale(scores, 1 / temperature))
\`\`\`

\`\`\`js hidden
rowSum = toArray(weights)[0].reduce((a, b) => a + b, 0)
\`\`\`
`;

const exerciseYaml = `title: Attention weights
prompt: |
  Write \`attentionWeights(Q, K)\`: the weight every query gives every key. \`Q\` holds one query per row
  ($n_q \\times d_k$), \`K\` one key per row ($n_k \\times d_k$). Scale the scores $QK^\\top$ by $1/\\sqrt{d_k}$,
  then take a softmax across each row.
hints:
  - "The scores are one matrix product, \`matmul(Q, transpose(K))\`, an $n_q \\\\times n_k$ matrix: call it \`scores\`."
  - "\`scale(scores, 1 / Math.sqrt(Q.cols))\` divides every score by $\\\\sqrt{d_k}$; \`softmax\` then works row by row."
  - |
    Code in a hint goes in a ts block, which check:lessons runs: this one is the whole body.
    \`\`\`ts
    const scores = matmul(Q, transpose(K)); // (n_q, n_k)
    return softmax(scale(scores, 1 / Math.sqrt(Q.cols)));
    \`\`\`
`;

const starterTs = `import { matmul, scale, softmax, transpose, zeros, type Matrix } from "kernel";

/** The attention weights: softmax(Q Kᵀ / √d_k), one row per query. */
export function attentionWeights(Q: Matrix, K: Matrix): Matrix {
  // Q is (n_q, d_k) and K is (n_k, d_k). Return the (n_q, n_k) weights.
  // You'll need matmul, transpose, scale and softmax.
  return zeros(Q.rows, K.rows);
}
`;

const solutionTs = `import { matmul, scale, softmax, transpose, type Matrix } from "kernel";

/** The attention weights: softmax(Q Kᵀ / √d_k), one row per query. */
export function attentionWeights(Q: Matrix, K: Matrix): Matrix {
  const scores = matmul(Q, transpose(K)); // (n_q, d_k) @ (d_k, n_k) -> (n_q, n_k)
  return softmax(scale(scores, 1 / Math.sqrt(Q.cols)));
}
`;

const checksTs = (checksImport: string) => `import { randn } from "kernel";
import { attentionMistakes, defineChecks, properties } from "${checksImport}";

// The shared catalogue of mistakes (src/exercises/mistakes.ts), for an entry that returns
// softmax(Q Kᵀ / √d_k). Declare the ones a learner is likely to make: each has its own message.
const m = attentionMistakes({ returns: "weights" });

export default defineChecks({
  entry: "attentionWeights",
  // Seeded cases where each declared mistake gives a different result: d_k > 1, so a missing scale shows.
  cases: [
    { name: "3 queries, 5 keys, d_k = 4", args: (r) => [randn(3, 4, r), randn(5, 4, r)] },
    { name: "2 queries, 2 keys, d_k = 9", args: (r) => [randn(2, 9, r), randn(2, 9, r)] },
  ],
  mistakes: [m.forgotScale],
  properties: [properties.rowsSumToOne],
  // What the rows and columns of the result are, for the heatmaps a failed check draws.
  axes: { rows: "query", cols: "key" },
});
`;
