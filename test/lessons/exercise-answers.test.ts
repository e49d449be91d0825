// The numeric questions of lessons 01–08: each answer, and each likely wrong answer that has its own
// message, recomputed here from the slip the message names. A feedback value that no slip produces
// (lesson 05's 249 once claimed two slips that give 337 and 312) fails here.
import { describe, expect, it } from "vitest";
import type { CompiledLesson, NumericExerciseSpec } from "../../src/lesson/types.ts";

const lessons = import.meta.glob<CompiledLesson>("/lessons/0[1-8]-*/index.md", { import: "default" });

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const softmax = (xs: number[]): number[] => {
  const e = xs.map(Math.exp);
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / total);
};

/** For each question: the right answer and the value behind each feedback message, derived by hand. */
const derived: Record<string, { answer: number; feedback: Record<string, number> }> = {
  // [3, 6, 0, 7]; the third token is token 2.
  "running-average": {
    answer: mean([3, 6, 0]),
    feedback: { "without itself": mean([3, 6]), "all four": mean([3, 6, 0, 7]), "the sum": 3 + 6 + 0 },
  },
  "two-key-softmax": {
    answer: softmax([0, Math.log(3)])[1],
    feedback: { "before normalising": Math.exp(Math.log(3)), "first key": softmax([0, Math.log(3)])[0], "equal weights": 0.5 },
  },
  "score-spread": { answer: Math.sqrt(64), feedback: { variance: 64, "after dividing": 1, "scaling factor": 1 / Math.sqrt(64) } },
  "mask-with-zero": {
    answer: softmax([Math.log(3), 0])[0],
    feedback: { "with 0": softmax([Math.log(3), 0, 0])[0], "before the mask": softmax([Math.log(3), 0, Math.log(4)])[0], "second key": softmax([Math.log(3), 0])[1] },
  },
  // Encoder 12 tokens, decoder 7: encoder self 12×12, decoder self 7×7 (masked zeros counted), cross 7×12.
  "three-blocks-count": {
    answer: 12 * 12 + 7 * 7 + 7 * 12,
    feedback: {
      "only the cross-attention": 7 * 12,
      "counts the two self-attention": 12 * 12 + 7 * 7,
      "19 tokens": (12 + 7) ** 2,
      "leaves out the masked zeros": 12 * 12 + (7 * 8) / 2 + 7 * 12,
      "21 weights": 12 * 12 + (7 * 6) / 2 + 7 * 12,
      "cross-attention block as": 12 * 12 + 7 * 7 + 12 * 12,
      "decoder's self-attention block as": 12 * 12 + 7 * 12 + 7 * 12,
    },
  },
  // Pair i = 1 of d = 8 turns by t / 10000^(2/8) per position.
  "pair-wavelength": {
    answer: 2 * Math.PI * 10000 ** (2 / 8),
    feedback: { "that is the divisor": 10000 ** (2 / 8), "fastest pair": 2 * Math.PI, "columns 4 and 5": 2 * Math.PI * 10000 ** (4 / 8) },
  },
  "multi-head-parameters": {
    answer: 3 * 8 * 512 * 64 + 512 * 512,
    feedback: { "three input projections": 3 * 512 * 512, "full-size": 8 * 4 * 512 * 512, "one head's": 4 * 512 * 64 },
  },
  // W s + U h = (1, 0), v = (2, 1).
  "additive-by-hand": {
    answer: 2 * Math.tanh(1) + 1 * Math.tanh(0),
    feedback: { "dropped the": 2 * 1 + 1 * 0, "sum of the dot products": Math.tanh(2 * 1 + 1 * 0), "first entry before": Math.tanh(1) },
  },
};

describe("numeric questions of lessons 01–08", () => {
  it("every answer and every feedback value is what its stated working gives", async () => {
    const numeric: NumericExerciseSpec[] = [];
    for (const load of Object.values(lessons)) {
      for (const e of (await load()).exercises) if (e.kind === "numeric") numeric.push(e);
    }
    expect(numeric.map((e) => e.id).sort()).toEqual(Object.keys(derived).sort());
    for (const exercise of numeric) {
      const { answer, feedback } = derived[exercise.id];
      expect(Math.abs(exercise.answer - answer), exercise.id).toBeLessThanOrEqual(exercise.tolerance + 1e-9);
      // Each message (rendered HTML) is matched to its slip by a phrase of its plain text; every message has one.
      expect(exercise.feedback, exercise.id).toHaveLength(Object.keys(feedback).length);
      for (const [phrase, value] of Object.entries(feedback)) {
        const entry = exercise.feedback.filter((f) => f.message.toLowerCase().includes(phrase.toLowerCase()));
        expect(entry, `${exercise.id}: the message about "${phrase}"`).toHaveLength(1);
        const tolerance = entry[0].tolerance ?? exercise.tolerance;
        expect(Math.abs(entry[0].answer - value), `${exercise.id}: "${phrase}"`).toBeLessThanOrEqual(tolerance + 0.005);
      }
    }
  });
});
