import { describe, expect, it } from "vitest";
import { formatAnswer, parseNumericAnswer } from "../../src/exercises/numeric.ts";

const value = (text: string): number | string => {
  const r = parseNumericAnswer(text);
  return r.ok ? r.value : r.message;
};
const note = (text: string): string | null => {
  const r = parseNumericAnswer(text);
  return r.ok ? r.note : r.message;
};

describe("parseNumericAnswer", () => {
  it("parseNumericAnswer reads plain numbers without comment", () => {
    for (const [text, n] of [["0.75", 0.75], ["-2", -2], [".5", 0.5], ["  42 ", 42], ["1048576", 1048576]] as const) {
      expect(value(text), text).toBe(n);
      expect(note(text), text).toBeNull();
    }
  });

  it("parseNumericAnswer reads thousands separators of every kind, and says so", () => {
    for (const text of ["1,048,576", "1 048 576", "1_048_576", "1\u202f048\u202f576", "1'048'576", "1.048.576"]) {
      expect(value(text), text).toBe(1048576);
    }
    expect(note("1 048 576")).toBe("Read as 1048576.");
    expect(note("1,048,576")).toBe("Read as 1048576."); // two groups: no other reading
    expect(value("1,048,576.5")).toBe(1048576.5);
    expect(value("1.048,5")).toBe(1048.5);
  });

  it("parseNumericAnswer takes a lone comma before one, two or four digits as a decimal point and says which reading it took", () => {
    expect(value("0,5")).toBe(0.5);
    expect(note("0,5")).toBe("Read as 0.5 (the comma as a decimal point).");
    expect(value("3,14")).toBe(3.14);
    expect(value("0,500")).toBe(0.5); // no number is grouped as 0,500
    // The ambiguous one: three digits after a comma read as thousands, and the message says how to write a decimal.
    expect(value("1,500")).toBe(1500);
    expect(note("1,500")).toBe("Read as 1500 (the comma as a thousands separator; for a decimal, write a point, as in 1.5).");
  });

  it("parseNumericAnswer evaluates simple arithmetic with the usual precedence", () => {
    expect(value("4*512*512")).toBe(1048576);
    expect(value("4 × 512 × 512")).toBe(1048576);
    expect(value("2^20")).toBe(1048576);
    expect(value("2**20")).toBe(1048576);
    expect(value("3/4")).toBe(0.75);
    expect(value("(1 + 2) / 4")).toBe(0.75);
    expect(value("1 + 2 * 3")).toBe(7);
    expect(value("-2^2")).toBe(-4);
    expect(value("2^3^2")).toBe(512);
    expect(value("2^-1")).toBe(0.5);
    expect(value("3 * 512^2")).toBe(786432);
    expect(value("1e6")).toBe(1e6);
    expect(value("−0.5")).toBe(-0.5);
    expect(note("2^20")).toBe("Read as 1048576.");
    expect(note("0.1 + 0.2")).toBe("Read as 0.3.");
  });

  it("parseNumericAnswer refuses what it can't read with a reason and an example, and never runs code", () => {
    expect(value("2 3")).toMatch(/^I couldn't read “2 3” as a number \(two numbers in a row: put an operator between them\)\. Write a number such as 0\.75/);
    expect(value("(1 + 2")).toContain("a “(” is never closed");
    expect(value("1/0")).toContain("infinite, perhaps a division by zero");
    expect(value("Math.PI")).toContain("“M” is not part of a number");
    expect(value("alert(1)")).toContain("is not part of a number");
    expect(value("*3")).toContain("“*” needs a number before it");
    expect(value("")).toBe("Please enter a number, such as 0.75, 3/4 or 2^20.");
    expect(value("(".repeat(60) + "1" + ")".repeat(60))).toContain("nests too deeply");
    expect(value("1".repeat(201))).toContain("it is too long");
  });

  it("formatAnswer shows at most 12 significant digits", () => {
    expect(formatAnswer(0.1 + 0.2)).toBe("0.3");
    expect(formatAnswer(1048576)).toBe("1048576");
  });
});
