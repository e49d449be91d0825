// Golden test of the validator over a small course in which every lesson is wrong in its own way:
// test/scripts/fixtures/lessons -> test/scripts/output/check-lessons.txt, one `path:line:column: reason`
// per line, in the order `npm run check:lessons` prints them. The messages about one lesson's own text
// are pinned by test/lesson/output/*.json; these are the course-level ones (requires, exercise ids used
// twice, exercise folders, folder names and numbers) and the output as a whole.
// UPDATE_GOLDEN=1 rewrites the output; read the diff before committing it.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkLessons, formatProblem } from "../../scripts/check-lessons.ts";

const FIXTURES = "test/scripts/fixtures/lessons";
const GOLDEN = "test/scripts/output/check-lessons.txt";

describe("checkLessons(root, dir)", () => {
  it("checkLessons reports every problem of every lesson in one run, as path:line:column: reason", async () => {
    const { problems, lessons, exercises } = await checkLessons(process.cwd(), FIXTURES);
    const text = problems.map(formatProblem).join("\n") + "\n";
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, text);
    expect(existsSync(GOLDEN), `${GOLDEN} is missing: run UPDATE_GOLDEN=1 npx vitest run test/scripts`).toBe(true);
    expect(text).toBe(readFileSync(GOLDEN, "utf8"));
    expect({ lessons, exercises }).toEqual({ lessons: 4, exercises: 3 });
  }, 60_000);
});

describe("npm run check:lessons", () => {
  it("check-lessons prints the same lines, counts them and exits 1", () => {
    const run = spawnSync("node_modules/.bin/tsx", ["scripts/check-lessons.ts", FIXTURES], { encoding: "utf8" });
    const lines = run.stderr.trim().split("\n");
    const golden = readFileSync(GOLDEN, "utf8").trim().split("\n");
    expect(run.status).toBe(1);
    expect(lines.slice(0, -1)).toEqual(golden);
    expect(lines.at(-1)).toBe(`check-lessons: ${golden.length} problems`);
  }, 60_000);
});
