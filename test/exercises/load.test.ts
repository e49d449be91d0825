import { describe, expect, it } from "vitest";
import { loadExercise } from "../../src/exercises/load.ts";

describe("loadExercise", () => {
  it("loadExercise finds a lesson's checks and solution by lesson and id", async () => {
    const { checks, solution } = await loadExercise("02-queries-keys-values", "dot-scores");
    expect(checks.entry).toBe("dotScores");
    expect(typeof solution.dotScores).toBe("function");
  });

  it("loadExercise names what is missing", async () => {
    await expect(loadExercise("02-queries-keys-values", "nope")).rejects.toThrow("no checks.ts for exercise “nope” in lesson 02-queries-keys-values");
  });
});
