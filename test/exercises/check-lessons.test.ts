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
      'exercises/shortcuts/checks.ts:6:3: forbid: "softmaxBackwards" is not a kernel export (did you mean "softmaxBackward"?)',
      "exercises/shortcuts/exercise.yaml:2:9: the prompt asks for softmaxBackward's work by hand (“Write the loops yourself rather than calling the kernel's `softmaxBackward`.”): add forbid: [\"softmaxBackward\"] to checks.ts",
      "exercises/shortcuts/exercise.yaml:6:5: hint 1: `dy[k] * y[k]` indexes the Matrix dy like an array: a learner needs dy.data[i * dy.cols + j]",
      "exercises/shortcuts/exercise.yaml:6:5: hint 1: `y[j] * (dy[j] - dot)` uses `j`, which neither the starter, an earlier hint's code nor a hint's math defines",
      "exercises/shortcuts/exercise.yaml:7:5: hint 2: `let dot = 0; for (let t = start; t < end; t++) dot += dy.data[t] * y.data[t];` is a statement shown inline: put code to paste in a ```ts block, which check:lessons runs",
      "exercises/shortcuts/exercise.yaml:8:5: hint 3's code, pasted after “for (let i = 0; i < y.rows; i++) {” in the starter, does not run: Your code threw an error on the case “3 rows of 5 weights” (line 9): start is not defined. Read the message, fix that step and press Check again.",
      'exercises/leaky-mask/checks.ts:10:34: mistake "masked-with-finite" gives the same result as the solution on every case: add a case where it differs',
      'exercises/leaky-mask/checks.ts:10:34: mistake "masked-with-finite" with -20, -30, -100, -10000, -1000000000 is not reported as itself: Correct! Your function matches the reference on all 1 test cases.',
      "exercises/leaky-mask/checks.ts:10:3: the solution with -Infinity replaced by -20, -30, -100, -1e4, -1e9 is not reported as masked-with-finite: Correct! Your function matches the reference on all 1 test cases. (add a case whose scores are far from 0, such as farApartQK)",
    ]);
  }, 60_000);
});

describe("npm run check:lessons", () => {
  it("check-lessons exits 1 and prints path:line:column: reason lines when a lesson is broken", async () => {
    const { spawnSync } = await import("node:child_process");
    const run = spawnSync("node_modules/.bin/tsx", ["scripts/check-lessons.ts", "test/exercises/fixtures/lessons"], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("test/exercises/fixtures/lessons/01-broken/index.md:32:5: exercise \"missing-folder\": missing exercise folder exercises/missing-folder/");
    expect(run.stderr.trim().split("\n").at(-1)).toBe("check-lessons: 24 problems");
  }, 60_000);
});
