import { describe, expect, it } from "vitest";
import { checkLessons, formatProblem } from "../../scripts/check-lessons.ts";

describe("checkLessons", () => {
  it("checkLessons() finds no problem in the course's lessons", async () => {
    const { problems, exercises } = await checkLessons();
    expect(problems.map(formatProblem)).toEqual([]);
    expect(exercises).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it("checkLessons reports every problem of a broken lesson as path:line:column: reason", async () => {
    const { problems } = await checkLessons(process.cwd(), "test/exercises/fixtures/lessons");
    const lines = problems.map(formatProblem).map((l) => l.replace("test/exercises/fixtures/lessons/01-broken/", ""));
    expect(lines).toEqual([
      'index.md:7:1: exercise "two-right": no hints: add "hints", a list of one or more hints, the gentlest first',
      'index.md:12:3: exercise "two-right": a choice exercise needs exactly one correct option, found 2',
      'index.md:16:5: exercise "two-right": option 3 is wrong but has no feedback: say why it is wrong',
      'index.md:20:1: exercise "bad-number": no hints: add "hints", a list of one or more hints, the gentlest first',
      'index.md:24:9: exercise "bad-number": "answer" must be a finite number, not Infinity',
      'index.md:25:12: exercise "bad-number": "tolerance" must be at least 0',
      "index.md:32:5: exercise \"missing-folder\": missing exercise folder exercises/missing-folder/ beside index.md (a code exercise keeps exercise.yaml, starter.ts, solution.ts, checks.ts there; a numeric or choice exercise needs a kind)",
      'index.md:44:5: exercise "two-right": duplicate exercise id (first used on line 6)',
      'exercises/orphan/exercise.yaml:1:1: exercise folder exercises/orphan/ is not used: place it in index.md with an ```exercise fence holding "id: orphan", or delete it',
      'exercises/sloppy/exercise.yaml:1:1: exercise.yaml: no hints: add "hints", a list of one or more hints, the gentlest first',
      'exercises/sloppy/exercise.yaml:3:1: exercise.yaml: unknown key "colour" (expected title, prompt, hints or timeout)',
      "exercises/sloppy/starter.ts:1:1: the starter already passes: leave something for the learner to do",
      'exercises/sloppy/checks.ts:8:12: mistake "same-as-solution" gives the same result as the solution on every case: add a case where it differs',
      'exercises/sloppy/checks.ts:10:12: mistake "tripled-again" is reported as "tripled" (list it earlier, or add a case that tells them apart)',
      "exercises/looping/starter.ts:1:1: the starter runs past its time budget (200 ms): a learner pressing Check would see a time-out",
    ]);
  }, 60_000);
});

describe("npm run check:lessons", () => {
  it("check-lessons exits 1 and prints path:line:column: reason lines when a lesson is broken", async () => {
    const { spawnSync } = await import("node:child_process");
    const run = spawnSync("node_modules/.bin/tsx", ["scripts/check-lessons.ts", "test/exercises/fixtures/lessons"], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("test/exercises/fixtures/lessons/01-broken/index.md:32:5: exercise \"missing-folder\": missing exercise folder exercises/missing-folder/");
    expect(run.stderr.trim().split("\n").at(-1)).toBe("check-lessons: 15 problems");
  }, 60_000);
});
