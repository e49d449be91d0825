// "Train it yourself": a button that trains a small RNNsearch in a module Worker, a progress bar and a
// status line. It is an Observable view: `viewof training = models.trainingView()` gives cells its state,
// which changes (an "input" event) as training goes, so the loss curve and the alignment redraw live.

import { type Matrix, fromFlat } from "../../kernel/index.ts";
import { IN_BROWSER } from "./presets.ts";
import type { TrainProgress, TrainReply, TrainRequest } from "./protocol.ts";

export interface TrainingState {
  readonly status: "idle" | "running" | "stopped" | "done" | "error";
  readonly step: number;
  readonly seconds: number;
  /** Loss per word against steps, one point per report. */
  readonly curve: readonly { step: number; seconds: number; loss: number }[];
  /** Latest held-out BLEU on short sentences (0–100), and when it was measured. */
  readonly bleu: number | null;
  readonly bleuAt: number | null;
  readonly probe: readonly string[];
  readonly output: readonly string[];
  readonly alignment: Matrix | null;
  readonly message: string;
}

export interface TrainingViewOptions {
  /** Seconds of training before it stops on its own (default 60). */
  seconds?: number;
  /** The sentence whose alignment is drawn. */
  probe?: string;
  /** When it resolves (the cell is re-run or the page left), training stops: pass the cell's `invalidation`. */
  invalidation?: Promise<unknown>;
}

const REDRAW_MS = 400; // at most ~2 redraws a second: the charts follow, the page stays free

/** The view element; `element.value` is the TrainingState, `element.stop()` ends a run. */
export function trainingView(options: TrainingViewOptions = {}): HTMLElement & { value: TrainingState; stop(): void } {
  const seconds = options.seconds ?? 60;
  const probe = (options.probe ?? "the big red car sees a small old dog").split(/\s+/);
  const root = document.createElement("div");
  root.className = "train-view";
  root.setAttribute("role", "group");
  root.setAttribute("aria-label", "Train it yourself");
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Train it yourself";
  const bar = document.createElement("progress");
  bar.max = seconds;
  bar.value = 0;
  bar.setAttribute("aria-label", "Training progress");
  bar.style.cssText = "display:block;width:100%;max-width:24rem;margin:0.5rem 0";
  const status = document.createElement("p");
  status.setAttribute("role", "status");
  status.style.margin = "0";
  root.append(button, bar, status);

  const idle: TrainingState = {
    status: "idle", step: 0, seconds: 0, curve: [], bleu: null, bleuAt: null, probe, output: [], alignment: null,
    message: `Not started. Training runs for up to ${seconds} s in a Web Worker; the page stays responsive and you can stop it at any time.`,
  };
  let state = idle;
  let worker: Worker | null = null;
  let lastDraw = 0, pending: ReturnType<typeof setTimeout> | null = null;

  const show = (next: TrainingState, now = false): void => {
    state = next;
    bar.value = Math.min(seconds, next.seconds);
    status.textContent = next.message;
    button.textContent = next.status === "running" ? "Stop" : next.status === "idle" ? "Train it yourself" : "Train again";
    const emit = (): void => {
      pending = null;
      lastDraw = performance.now();
      root.dispatchEvent(new Event("input", { bubbles: true }));
    };
    if (now || performance.now() - lastDraw >= REDRAW_MS) emit();
    else pending ??= setTimeout(emit, REDRAW_MS - (performance.now() - lastDraw));
  };

  const describe = (p: TrainProgress, verb: string): string => {
    const bleu = p.bleu === null ? "" : ` · BLEU ${p.bleu.toFixed(1)} on short held-out sentences (at ${Math.round(p.bleuAt ?? 0)} s)`;
    return `${verb} step ${p.step} · ${p.seconds.toFixed(0)} s · loss ${p.loss.toFixed(3)} per word${bleu}`;
  };

  const stop = (): void => {
    if (!worker) return;
    worker.terminate();
    worker = null;
    if (state.status === "running") show({ ...state, status: "stopped", message: `Stopped. ${state.message.replace(/^Training… /, "")}` }, true);
  };

  const start = (): void => {
    stop();
    const request: TrainRequest = { config: IN_BROWSER, seconds, probe, evalMinLen: IN_BROWSER.minLen, evalMaxLen: IN_BROWSER.maxLen, evalCount: 60, evalEvery: 10 };
    worker = new Worker(new URL("./train-worker.ts", import.meta.url), { type: "module", name: "train-rnnsearch" });
    const curve: { step: number; seconds: number; loss: number }[] = [];
    worker.addEventListener("message", (event: MessageEvent<TrainReply>) => {
      const reply = event.data;
      if (reply.type === "error") {
        stop();
        show({ ...state, status: "error", message: `Training failed: ${reply.message}` }, true);
        return;
      }
      if (Number.isFinite(reply.loss)) curve.push({ step: reply.step, seconds: reply.seconds, loss: reply.loss });
      const alignment = reply.alignment.rows > 0 ? fromFlat(reply.alignment.rows, reply.alignment.cols, reply.alignment.data) : null;
      const done = reply.type === "done";
      show({
        status: done ? "done" : "running", step: reply.step, seconds: reply.seconds, curve: curve.slice(), bleu: reply.bleu, bleuAt: reply.bleuAt,
        probe, output: reply.output, alignment, message: describe(reply, done ? "Done:" : "Training…"),
      }, done);
      if (done) {
        worker?.terminate();
        worker = null;
      }
    });
    worker.addEventListener("error", (event) => {
      stop();
      show({ ...state, status: "error", message: `Training failed: ${event.message || "the worker could not start"}` }, true);
    });
    worker.postMessage(request);
    show({ ...idle, status: "running", message: "Training… starting the worker" }, true);
  };

  button.addEventListener("click", () => (worker ? stop() : start()));
  void options.invalidation?.then(stop);
  show(idle, true);
  Object.defineProperty(root, "value", { get: () => state, configurable: true });
  return Object.assign(root, { stop }) as unknown as HTMLElement & { value: TrainingState; stop(): void };
}
