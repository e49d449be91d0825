// Puts a compiled lesson on the page: its prose, then one runtime variable per cell, each drawing
// into its own placeholder. A cell that throws shows its error in place; cells that depend on it
// say which cell failed; unrelated cells keep working.
import { Runtime, type Module, type Observer } from "@observablehq/runtime";
import type { CompiledCell, CompiledLesson } from "../lesson/types.ts";
import { runtimeBuiltins } from "./builtins.ts";
import { markScrollable, prepareOutput } from "./a11y.ts";
import { formatValue, renderValue } from "./display.ts";
import { input } from "./generators.ts";

export interface CellError {
  cell: CompiledCell;
  message: string;
  /** True when the error came from a cell this one depends on. */
  upstream: boolean;
  /** The cell where the error started (this cell, unless upstream). */
  origin: CompiledCell;
}

export interface MountedLesson {
  /** The value of a named cell once it has been computed. */
  value(name: string): Promise<unknown>;
  /** Resolves once no cell is computing, with the cells that are in error. */
  settled(timeoutMs?: number): Promise<CellError[]>;
  dispose(): void;
}

export interface MountOptions {
  /** Builtins to use instead of the course's (tests pass their own). */
  builtins?: Record<string, () => unknown>;
  /** `root` already holds `lesson.html` (the page drew the prose before the notebook loaded). */
  rendered?: boolean;
}

/** Finds the cell whose failure an error reports: the runtime names the failed input in `error.input`. */
type FindOrigin = (error: unknown, cell: CompiledCell) => CompiledCell;

/** The cell's display name for messages: `scores`, or "the cell on line 42". */
function cellLabel(cell: CompiledCell): string {
  return cell.name ? `\`${cell.name}\`` : `the cell on line ${cell.line}`;
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Runs `task` when the page is idle (or soon, where requestIdleCallback is missing). */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 200);
}

/** Builds the output area (and the source, unless inline) inside a cell's placeholder. */
function cellFrame(placeholder: Element, cell: CompiledCell): HTMLElement {
  const doc = placeholder.ownerDocument;
  if (cell.inline) return placeholder as HTMLElement;
  const output = doc.createElement("div");
  output.className = "cell-output";
  placeholder.appendChild(output);
  const details = doc.createElement("details");
  details.className = "cell-source";
  details.open = !cell.hidden;
  const summary = doc.createElement("summary");
  summary.textContent = cell.name ? `code: ${cell.name}` : "code";
  const pre = doc.createElement("pre");
  pre.textContent = cell.source;
  details.append(summary, pre);
  placeholder.appendChild(details);
  // The highlighter (a JavaScript parser, ~47 KB gzip) must not compete with the first charts: folded
  // code is highlighted when first opened, open code once the browser is idle.
  const paint = () => void import("./highlight.ts").then(({ highlight }) => pre.isConnected && pre.replaceWith(highlight(cell.source, doc)));
  if (details.open) whenIdle(paint);
  else details.addEventListener("toggle", paint, { once: true });
  return output;
}

type CellState = { pending: boolean; error: CellError | null };

function observer(output: HTMLElement, cell: CompiledCell, findOrigin: FindOrigin, state: CellState): Observer {
  const doc = output.ownerDocument;
  const show = (node: Node) => output.replaceChildren(node);
  return {
    pending() {
      state.pending = true;
      output.classList.add("cell--pending");
      output.setAttribute("aria-busy", "true");
    },
    fulfilled(value) {
      state.pending = false;
      state.error = null;
      output.classList.remove("cell--pending", "cell--error");
      output.removeAttribute("aria-busy");
      const isNode = value instanceof doc.defaultView!.Node;
      if (isNode) prepareOutput(value as Node);
      if (cell.inline) {
        if (isNode) show(value as Node);
        else output.textContent = formatValue(value);
      } else if (isNode || !cell.hidden) show(renderValue(value, cell.name, doc));
      // A hidden cell that computes a plain value (a helper) shows only its folded code.
      else output.replaceChildren();
      if (!cell.inline) {
        output.dataset.label = `Output of ${cellLabel(cell).replace(/`/g, "")}`;
        doc.defaultView?.requestAnimationFrame?.(() => markScrollable(output, output.dataset.label!));
      }
    },
    rejected(error) {
      state.pending = false;
      output.classList.remove("cell--pending");
      output.removeAttribute("aria-busy");
      output.classList.add("cell--error");
      const origin = findOrigin(error, cell);
      const own = origin === cell;
      state.error = { cell, message: errorMessage(error), upstream: !own, origin };
      const box = doc.createElement(cell.inline ? "span" : "div");
      box.className = "cell-error";
      box.setAttribute("role", "alert");
      box.textContent = own
        ? `Error in ${cellLabel(cell)} (line ${cell.line}): ${errorMessage(error)}`
        : `Waiting on ${cellLabel(origin)}, which failed (line ${origin.line}): ${errorMessage(error)}`;
      show(box);
      if (own) console.warn(`${cell.name ?? "cell"} (line ${cell.line}):`, error);
    },
  };
}

/** Renders `lesson` into `root` and starts its cells. */
export function mountLesson(root: HTMLElement, lesson: CompiledLesson, options: MountOptions = {}): MountedLesson {
  if (!options.rendered) root.innerHTML = lesson.html;
  const measure = () => Math.max(280, Math.min(root.clientWidth || 640, 720));
  const runtime = new Runtime(options.builtins ?? runtimeBuiltins(measure));
  const module: Module = runtime.module();
  const states: CellState[] = [];
  const byName = new Map<string, { cell: CompiledCell; state: CellState }>();
  // A dependent's error names the failed input; follow it back to the cell where the failure began.
  const findOrigin: FindOrigin = (error, cell) => {
    const input = error instanceof Error && "input" in error ? String(error.input) : null;
    const upstream = input ? byName.get(input) : undefined;
    if (!upstream || upstream.cell === cell) return cell;
    return upstream.state.error?.origin ?? upstream.cell;
  };
  for (const cell of lesson.cells) {
    const placeholder = root.querySelector(`[data-cell="${cell.id}"]`);
    const state: CellState = { pending: true, error: null };
    if (placeholder) states.push(state);
    const obs = placeholder ? observer(cellFrame(placeholder, cell), cell, findOrigin, state) : true;
    module.variable(obs).define(cell.name, cell.inputs, cell.body);
    if (cell.name) byName.set(cell.name, { cell, state });
    if (cell.name?.startsWith("viewof ")) {
      const name = cell.name.slice("viewof ".length);
      module.variable().define(name, [cell.name], (element: Element) => input(element));
      byName.set(name, { cell, state });
    }
  }
  // Outputs that fit at one width may scroll sideways at another.
  const win = root.ownerDocument.defaultView;
  let frame = 0;
  const resized = (): void => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      for (const output of Array.from(root.querySelectorAll<HTMLElement>(".cell-output"))) {
        markScrollable(output, output.dataset.label ?? "Cell output");
      }
    });
  };
  win?.addEventListener("resize", resized);
  return {
    value: (name) => module.value(name),
    async settled(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      // Two quiet checks in a row: a cell may start computing right after another settles.
      for (let quiet = 0; quiet < 2; ) {
        await new Promise((r) => setTimeout(r, 25));
        quiet = states.some((s) => s.pending) ? 0 : quiet + 1;
        if (Date.now() > deadline) throw new Error(`lesson ${lesson.slug}: cells still computing after ${timeoutMs} ms`);
      }
      return states.flatMap((s) => (s.error ? [s.error] : []));
    },
    dispose: () => {
      win?.removeEventListener("resize", resized);
      runtime.dispose();
    },
  };
}
