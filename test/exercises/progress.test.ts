// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PROGRESS_EVENT, ProgressStore, STORAGE_PREFIX, type ProgressChange } from "../../src/exercises/progress.ts";

const fixedNow = () => 1_700_000_000_000;

beforeEach(() => localStorage.clear());
afterEach(() => vi.restoreAllMocks());

describe("ProgressStore", () => {
  it("ProgressStore round-trips code, status, attempts and hints through localStorage", () => {
    const a = new ProgressStore({ now: fixedNow });
    a.update("dot-scores", "h1", { code: "export function f() {}", status: "fail", attempts: 1, hintsUsed: 2 });
    const b = new ProgressStore();
    expect(b.get("dot-scores", "h1")).toEqual({ hash: "h1", code: "export function f() {}", status: "fail", attempts: 1, hintsUsed: 2, updatedAt: fixedNow() });
    expect(b.get("unknown")).toBeUndefined();
  });

  it("ProgressStore keeps the code and marks a solved exercise stale when its hash changes", () => {
    new ProgressStore().update("x", "old", { code: "mine", status: "pass" });
    const store = new ProgressStore();
    expect(store.get("x", "new")).toMatchObject({ code: "mine", status: "stale", hash: "new" });
    expect(new ProgressStore().get("x", "new")?.status).toBe("stale");
    expect(store.summary(["x", "y"])).toEqual({ solved: 0, total: 2 });
  });

  it("ProgressStore.summary counts the passed exercises of a lesson", () => {
    const store = new ProgressStore();
    store.update("a", "h", { status: "pass" });
    store.update("b", "h", { status: "fail" });
    expect(store.summary(["a", "b", "c"])).toEqual({ solved: 1, total: 3 });
  });

  it("ProgressStore ignores a corrupt stored value with a console warning", () => {
    localStorage.setItem(`${STORAGE_PREFIX}broken`, "{not json");
    localStorage.setItem(`${STORAGE_PREFIX}wrong`, JSON.stringify({ code: 3 }));
    new ProgressStore().update("fine", "h", { code: "ok" });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const store = new ProgressStore();
    expect(store.get("broken")).toBeUndefined();
    expect(store.get("fine")?.code).toBe("ok");
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0][0]).toMatch(/ignoring the saved entry for (broken|wrong)/);
  });

  it("ProgressStore dispatches progress-change on window when progress changes", () => {
    const seen: ProgressChange[] = [];
    const listener = (e: Event) => seen.push((e as CustomEvent<ProgressChange>).detail);
    window.addEventListener(PROGRESS_EVENT, listener);
    new ProgressStore().update("a", "h", { attempts: 1 });
    window.removeEventListener(PROGRESS_EVENT, listener);
    expect(seen).toEqual([{ id: "a", source: "update" }]);
  });

  it("ProgressStore keeps progress in memory and shows a message when storage is full", () => {
    let full = true;
    const storage = {
      length: 0, key: () => null, getItem: () => null, removeItem() {}, clear() {},
      setItem() { if (full) throw new DOMException("quota", "QuotaExceededError"); },
    } satisfies Storage;
    const store = new ProgressStore({ storage });
    const errors: ProgressChange[] = [];
    window.addEventListener(PROGRESS_EVENT, (e) => errors.push((e as CustomEvent<ProgressChange>).detail));
    store.update("a", "h", { code: "precious" });
    expect(store.get("a")?.code).toBe("precious");
    expect(store.error).toMatch(/^Your browser's storage is full/);
    expect(errors.some((d) => d.source === "error")).toBe(true);
    full = false;
    store.update("a", "h", { code: "precious 2" });
    expect(store.error).toBeNull();
  });
});

describe("ProgressStore export and import", () => {
  it("ProgressStore.exportJSON then importJSON round-trips progress into an empty store", () => {
    const a = new ProgressStore({ now: fixedNow });
    a.update("dot-scores", "h1", { code: "x", status: "pass", attempts: 3, hintsUsed: 1 });
    const json = a.exportJSON();
    localStorage.clear();
    const b = new ProgressStore();
    expect(b.importJSON(json)).toEqual({ ok: true, count: 1 });
    expect(new ProgressStore().get("dot-scores")).toEqual(a.get("dot-scores"));
  });

  it("ProgressStore.importJSON rejects corrupt or foreign files with a reason and overwrites nothing", () => {
    const store = new ProgressStore();
    store.update("a", "h", { code: "keep me", status: "pass" });
    const valid = JSON.parse(store.exportJSON());
    const cases: [string, RegExp][] = [
      ["{oops", /not valid JSON/],
      [JSON.stringify({ hello: "world" }), /not a progress file from Attention, Interactively/],
      [JSON.stringify({ ...valid, version: 9 }), /newer version of the course \(version 9\)/],
      [JSON.stringify({ ...valid, exercises: [] }), /damaged: it has no list of exercises/],
      [JSON.stringify({ ...valid, exercises: { a: { ...valid.exercises.a, code: "new" }, b: { ...valid.exercises.a, attempts: -1 } } }), /the entry for “b” has no valid attempts count/],
    ];
    for (const [text, reason] of cases) {
      const result = store.importJSON(text);
      expect(result).toEqual({ ok: false, reason: expect.stringMatching(reason) });
    }
    expect(new ProgressStore().get("a")?.code).toBe("keep me");
    expect(store.get("b")).toBeUndefined();
  });
});
