import { describe, expect, it, vi } from "vitest";
import { runCheck, type WorkerLike } from "../../src/exercises/runner.ts";
import type { CheckReply, CheckRequest } from "../../src/exercises/protocol.ts";

/** A fake worker that answers each request with `script(request, reply)`. */
function fakeWorker(script: (req: CheckRequest, reply: (r: CheckReply) => void, fail: (message: string) => void) => void) {
  const worker: WorkerLike & { terminated: boolean } = {
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(req) {
      const reply = (r: CheckReply) => setTimeout(() => worker.onmessage?.({ data: r } as MessageEvent<CheckReply>), 1);
      const fail = (message: string) => setTimeout(() => worker.onerror?.({ message, preventDefault() {} } as ErrorEvent), 1);
      script(req, reply, fail);
    },
    terminate() { worker.terminated = true; },
  };
  return worker;
}

const target = { lesson: "02-queries-keys-values", id: "dot-scores" };

describe("runCheck", () => {
  it("runCheck resolves with the worker's verdict and terminates the worker", async () => {
    const w = fakeWorker((req, reply) => {
      reply({ type: "started", nonce: req.nonce });
      reply({ type: "verdict", nonce: req.nonce, verdict: { status: "pass", message: "Correct!" } });
    });
    expect(await runCheck(target, "code", { createWorker: () => w })).toEqual({ status: "pass", message: "Correct!" });
    expect(w.terminated).toBe(true);
  });

  it("runCheck ignores messages without the request's nonce (learner code posting its own)", async () => {
    const w = fakeWorker((req, reply) => {
      reply({ type: "verdict", nonce: "forged", verdict: { status: "pass", message: "Correct! (fake)" } });
      reply({ type: "started", nonce: req.nonce });
      reply({ type: "verdict", nonce: req.nonce, verdict: { status: "fail", kind: "values", message: "Not quite." } });
    });
    expect(await runCheck(target, "code", { createWorker: () => w })).toMatchObject({ status: "fail" });
  });

  it("runCheck stops code that runs past its budget and says it probably loops forever", async () => {
    const w = fakeWorker((req, reply) => reply({ type: "started", nonce: req.nonce }));
    const start = Date.now();
    const verdict = await runCheck({ ...target, timeoutMs: 100 }, "while (true) {}", { createWorker: () => w });
    expect(Date.now() - start).toBeLessThan(1000);
    expect(verdict).toEqual({ status: "timeout", message: expect.stringMatching(/^Your code ran for more than 0\.1 seconds and was stopped — probably a loop that never ends\./) });
    expect(w.terminated).toBe(true);
  });

  it("runCheck blames the checker, not the learner, when the worker fails or never starts", async () => {
    const broken = fakeWorker((_req, _reply, fail) => fail("script error"));
    expect(await runCheck(target, "x", { createWorker: () => broken })).toEqual({
      status: "exercise-error", message: expect.stringMatching(/^The checker could not run \(not your code\): script error\./),
    });
    const silent = fakeWorker(() => {});
    expect(await runCheck(target, "x", { createWorker: () => silent, loadTimeoutMs: 50 })).toMatchObject({ status: "exercise-error" });
    expect(silent.terminated).toBe(true);
  });

  it("runCheck reports a worker that cannot be created", async () => {
    const verdict = await runCheck(target, "x", { createWorker: () => { throw new Error("workers are disabled"); } });
    expect(verdict).toMatchObject({ status: "exercise-error", message: expect.stringContaining("workers are disabled") });
  });
});

describe("worker.ts", () => {
  it("the worker loads the exercise, says it started, and posts the verdict (a forbidden softmax refused)", async () => {
    const posted: CheckReply[] = [];
    const scope = { postMessage: (m: CheckReply) => posted.push(m), onmessage: null as null | ((e: { data: CheckRequest }) => void) };
    vi.stubGlobal("self", scope);
    await import("../../src/exercises/worker.ts");
    const code = 'import { softmax, transpose } from "kernel";\nexport function softmaxRows(X) {\n  return transpose(softmax(transpose(X)));\n}';
    scope.onmessage?.({ data: { type: "check", nonce: "n1", lesson: "02-queries-keys-values", id: "softmax-rows", code } });
    await vi.waitFor(() => expect(posted).toHaveLength(2));
    expect(posted[0]).toEqual({ type: "started", nonce: "n1" });
    expect(posted[1]).toMatchObject({ type: "verdict", nonce: "n1", verdict: { status: "fail", kind: "forbidden", forbidden: "softmax" } });
    expect((posted[1] as { verdict: { message: string } }).verdict.message).toMatch(/^Your code calls softmax from the kernel, but this exercise asks you to write that part by hand/);
    vi.unstubAllGlobals();
  });
});
