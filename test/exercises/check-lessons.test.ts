import { describe, expect, it } from "vitest";
import { checkLessons, formatProblem } from "../../scripts/check-lessons.ts";

describe("checkLessons", () => {
  it("checkLessons() finds no problem in the course's lessons", async () => {
    const { problems, exercises } = await checkLessons();
    expect(problems.map(formatProblem)).toEqual([]);
    expect(exercises).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it("checkLessons reports every problem of a broken lesson as path:line: reason", async () => {
    const { problems } = await checkLessons(process.cwd(), "test/exercises/fixtures/lessons");
    const lines = problems.map(formatProblem).map((l) => l.replace("test/exercises/fixtures/lessons/01-broken/", ""));
    expect(lines).toEqual([
      'index.md:6: exercise "two-right": option 3 is wrong but has no feedback: say why it is wrong',
      'index.md:6: exercise "two-right": needs exactly one correct option, found 2',
      'index.md:19: exercise "bad-number": answer must be a finite number, got Infinity',
      'index.md:19: exercise "bad-number": tolerance must be a number >= 0, got -1',
      "index.md:31: missing exercise folder exercises/missing-folder/",
      'exercises/sloppy/exercise.yaml:3: unknown key "colour" (expected title, prompt, hints, timeout)',
      "exercises/sloppy/exercise.yaml:1: needs hints: a list of at least one text, the gentlest first",
      "exercises/sloppy/starter.ts:1: the starter already passes: leave something for the learner to do",
      'exercises/sloppy/checks.ts:8: mistake "same-as-solution" gives the same result as the solution on every case: add a case where it differs',
      'exercises/sloppy/checks.ts:10: mistake "tripled-again" is reported as "tripled" (list it earlier, or add a case that tells them apart)',
      "exercises/looping/starter.ts:1: the starter runs past its time budget (200 ms): a learner pressing Check would see a time-out",
      'index.md:43: exercise id "two-right" is already used at test/exercises/fixtures/lessons/01-broken/index.md:6',
      'exercises/orphan/exercise.yaml:1: exercise "orphan" is not placed in index.md: add a fence ```exercise with "id: orphan"',
    ]);
  }, 60_000);
});

describe("npm run check:lessons", () => {
  it("check-lessons exits 1 and prints path:line: reason lines when a lesson is broken", async () => {
    const { spawnSync } = await import("node:child_process");
    const run = spawnSync("node_modules/.bin/tsx", ["scripts/check-lessons.ts", "test/exercises/fixtures/lessons"], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("test/exercises/fixtures/lessons/01-broken/index.md:31: missing exercise folder exercises/missing-folder/");
    expect(run.stderr.trim().split("\n").at(-1)).toBe("check-lessons: 13 problems");
  }, 60_000);
});
