// The runtime (v6) ships no Generators: these are the few a lesson needs.

/** Event type an input element fires when its value changes. */
function eventOf(element: Element): string {
  if (element instanceof HTMLInputElement) {
    return element.type === "checkbox" || element.type === "radio" || element.type === "file" ? "change" : "input";
  }
  return element instanceof HTMLSelectElement ? "change" : "input";
}

/**
 * Yields a value each time `change` resolves one, starting with `initial` if given.
 * `observe((notify) => dispose)` is the building block of `input`, `now` and `width`.
 */
export async function* observe<T>(initialize: (notify: (value: T) => void) => (() => void) | void): AsyncGenerator<T> {
  let resolve: ((value: T) => void) | null = null;
  let pending: { value: T } | null = null;
  const dispose = initialize((value) => {
    if (resolve) {
      resolve(value);
      resolve = null;
    } else pending = { value };
  });
  try {
    while (true) {
      if (pending) {
        const { value } = pending;
        pending = null;
        yield value;
      } else yield await new Promise<T>((r) => (resolve = r));
    }
  } finally {
    if (dispose) dispose();
  }
}

/** The current value of an input element (`viewof x` → `x`), then a new one on every input event. */
export function input(element: Element & { value?: unknown }): AsyncGenerator<unknown> {
  return observe<unknown>((notify) => {
    const type = eventOf(element);
    const changed = () => notify(element.value);
    element.addEventListener(type, changed);
    notify(element.value);
    return () => element.removeEventListener(type, changed);
  });
}

/** The width of the lesson column, updated when the window resizes. */
export function width(measure: () => number): AsyncGenerator<number> {
  return observe<number>((notify) => {
    let last = measure();
    notify(last);
    const resized = () => {
      const w = measure();
      if (w !== last) notify((last = w));
    };
    addEventListener("resize", resized);
    return () => removeEventListener("resize", resized);
  });
}

/** `performance.now()` once a frame. */
export function now(): AsyncGenerator<number> {
  return observe<number>((notify) => {
    let frame = requestAnimationFrame(function tick() {
      notify(performance.now());
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  });
}

export const Generators = { input, observe, width, now };
