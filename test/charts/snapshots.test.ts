// @vitest-environment happy-dom
import { test } from "vitest";
import { expectSnapshot } from "./helpers.ts";
import * as plots from "./plots.ts";

for (const [name, chart] of Object.entries(plots)) {
  test(`${name}() matches its snapshot`, () => {
    expectSnapshot(name, chart());
  });
}
