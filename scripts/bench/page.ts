// Code that runs inside the lesson page (passed to Playwright), timing with the page's own clock:
// performance.now() counts from the start of the navigation, and event.timeStamp uses the same origin.
//
// "Painted" times are taken from a MessageChannel message posted when the chart lands in the DOM: it
// runs after the browser has finished the frame in progress (style, layout, paint), so it marks the
// moment the new chart can be on screen. (A requestAnimationFrame callback would wait a whole extra frame.)

/** State kept on `window` by the scripts below. */
export interface BenchWindow {
  __firstChart?: { dom: number; painted?: number };
  __firstText?: { dom: number; painted?: number };
  /** Message channels in flight, kept reachable (see __channel). */
  __channels?: MessageChannel[];
  __redraw?: RedrawState;
  /** The message channel in flight, kept reachable: an unreferenced port may be collected before it fires. */
  __channel?: MessageChannel;
}

interface RedrawState {
  /** Input events seen, and measurements finished (they match when the page is idle). */
  inputs: number;
  done: number;
  /** Chart outputs that a change of this input redraws, learned from the first changes. */
  dependents: Set<Element> | null;
  /** Input event → last dependent chart in the DOM, and → that frame painted, in ms. */
  dom: number[];
  painted: number[];
  timeouts: number;
}

/**
 * Init script: notes when the lesson's text (its h1) and its first chart (an svg inside a .cell-output)
 * appear, and when each is painted.
 */
export function watchFirstChart(): void {
  const w = window as unknown as BenchWindow;
  const painted = (mark: { dom: number; painted?: number }): void => {
    const channel = new MessageChannel();
    (w.__channels ??= []).push(channel);
    channel.port1.onmessage = () => (mark.painted = performance.now());
    channel.port2.postMessage(null);
  };
  const observer = new MutationObserver(() => {
    if (!w.__firstText && document.querySelector("article.lesson h1")) painted((w.__firstText = { dom: performance.now() }));
    if (!w.__firstChart && document.querySelector(".cell-output svg")) painted((w.__firstChart = { dom: performance.now() }));
    if (w.__firstChart) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * Starts timing the charts that a range input redraws. The first `calibrate` changes find which chart
 * outputs depend on the input (the ones whose content is replaced); after that each input event is
 * timed until every one of them has been replaced, and the frame showing them painted.
 */
export function watchRedraws(args: { index: number; calibrate: number }): void {
  const w = window as unknown as BenchWindow;
  const input = document.querySelectorAll(".cell-output input[type=range]")[args.index];
  const state: RedrawState = { inputs: 0, done: 0, dependents: null, dom: [], painted: [], timeouts: 0 };
  w.__redraw = state;
  let current: { t0: number; seen: Set<Element>; last: number; timer: number } | null = null;
  const finish = (): void => {
    if (!current) return;
    clearTimeout(current.timer);
    const { t0, last } = current;
    current = null;
    const channel = (w.__channel = new MessageChannel());
    channel.port1.onmessage = () => {
      state.dom.push(last - t0);
      state.painted.push(performance.now() - t0);
      state.done++;
    };
    channel.port2.postMessage(null);
  };
  new MutationObserver((records) => {
    if (!current) return;
    for (const record of records) {
      const target = record.target;
      if (record.type !== "childList" || !(target instanceof Element) || !target.classList.contains("cell-output")) continue;
      if (state.dependents === null || state.dependents.has(target)) {
        current.seen.add(target);
        current.last = performance.now();
      }
    }
    if (state.dependents !== null && state.dependents.size > 0 && current.seen.size === state.dependents.size) finish();
  }).observe(document.body, { childList: true, subtree: true });
  input.addEventListener("input", (event) => {
    state.inputs++;
    const calibrating = state.inputs <= args.calibrate;
    const seen = new Set<Element>();
    // Calibration: whatever chart is replaced within 800 ms depends on this input. Measured: 3 s at most.
    const timer = window.setTimeout(() => {
      if (calibrating) {
        const charts = [...seen].filter((output) => output.querySelector("svg"));
        state.dependents = new Set([...(state.dependents ?? []), ...charts]);
        state.done++;
      } else {
        state.timeouts++;
        state.done++;
      }
      current = null;
    }, calibrating ? 800 : 3000);
    current = { t0: event.timeStamp, seen, last: 0, timer };
  });
}

/** Range input i: its label, bounds and step, and how many charts depend on it (after calibration). */
export function describeRange(index: number): { label: string; min: number; max: number; step: number } {
  const input = document.querySelectorAll(".cell-output input[type=range]")[index] as HTMLInputElement;
  const label = (input.closest("form")?.querySelector("label")?.textContent ?? `range ${index + 1}`).trim();
  const step = input.step === "any" || input.step === "" ? (Number(input.max) - Number(input.min)) / 100 : Number(input.step);
  return { label, min: Number(input.min), max: Number(input.max), step };
}
