// Links that keep your values: "Copy link to these values" puts the lesson's input values in the URL
// (#/lessons/02-…?dk=8&sentence=…), opening such a link sets them again, and "Reset values" returns to
// the defaults. Inputs are the lesson's `viewof` cells; a value is set the way a reader sets it, by
// assigning the element's value and dispatching an input event.
import type { CompiledLesson } from "../lesson/types.ts";
import type { MountedLesson } from "../notebook/index.ts";
import { h } from "./dom.ts";
import { href, type RouteValues } from "./router.ts";

type Value = string | number | boolean;
type InputElement = Element & { value?: unknown };

export interface ValueTools {
  /** Sets the inputs named in `values` (from a link), in the lesson's order; unknown names are ignored. */
  apply(values: RouteValues): Promise<void>;
  dispose(): void;
}

const isShareable = (v: unknown): v is Value => typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));

/** `text` read as the same type as `like` (numbers stay numbers), or undefined if it can't be. */
export function coerce(text: string, like: Value): Value | undefined {
  if (typeof like === "number") {
    const n = Number(text);
    return text.trim() !== "" && Number.isFinite(n) ? n : undefined;
  }
  if (typeof like === "boolean") return text === "true" ? true : text === "false" ? false : undefined;
  return text;
}

/** The names of a lesson's inputs (`viewof dk` → "dk"), in the order they appear. */
export function inputNames(lesson: CompiledLesson): string[] {
  return lesson.cells.flatMap((c) => (c.name?.startsWith("viewof ") ? [c.name.slice("viewof ".length)] : []));
}

/**
 * Adds the Share / Reset toolbar for `lesson` to `host` (nothing when the lesson has no inputs) and
 * applies `initial` values once the cells have first settled.
 */
export function mountValueTools(host: HTMLElement, notebook: MountedLesson, lesson: CompiledLesson, initial: RouteValues = {}): ValueTools {
  const names = inputNames(lesson);
  const defaults = new Map<string, Value>();
  let disposed = false;
  const status = h("p", { class: "lesson-tools__status", role: "status" });
  const say = (text: string) => (status.textContent = text);

  const element = async (name: string): Promise<InputElement | null> => {
    try {
      await notebook.settled();
      const el = (await notebook.value(`viewof ${name}`)) as InputElement;
      return el && typeof el === "object" && "value" in el ? el : null;
    } catch {
      return null; // a cell in error, or one that never settles: leave that input alone
    }
  };
  const set = (el: InputElement, value: Value): void => {
    if (el.value === value) return;
    el.value = value;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  };
  /** Current values that differ from the defaults. */
  const changed = async (): Promise<RouteValues> => {
    const values: RouteValues = {};
    for (const name of names) {
      const el = await element(name);
      const v = el?.value;
      if (isShareable(v) && defaults.has(name) && v !== defaults.get(name)) values[name] = String(v);
    }
    return values;
  };
  const setURL = (values: RouteValues): string => {
    const link = `${location.href.split("#")[0]}${href.lesson(lesson.slug, undefined, values)}`;
    history.replaceState(history.state, "", link);
    return link;
  };

  const ready = (async () => {
    for (const name of names) {
      const v = (await element(name))?.value;
      if (isShareable(v)) defaults.set(name, v);
    }
  })();

  async function apply(values: RouteValues): Promise<void> {
    await ready;
    let count = 0;
    for (const name of names) {
      if (disposed) return;
      if (!(name in values) || !defaults.has(name)) continue;
      const el = await element(name);
      const value = coerce(values[name], defaults.get(name)!);
      if (!el || value === undefined) continue;
      set(el, value);
      count++;
    }
    if (count > 0) say(`This link set ${count === 1 ? "1 value" : `${count} values`}. Reset values returns to the defaults.`);
  }

  if (names.length === 0) return { apply: async () => {}, dispose() { disposed = true; } };

  const share = h("button", { type: "button", class: "lesson-tools__button" }, "Copy link to these values");
  const reset = h("button", { type: "button", class: "lesson-tools__button" }, "Reset values");
  const linkBox = h("input", { type: "text", class: "lesson-tools__link", readonly: true, "aria-label": "Link to these values", hidden: true });
  share.addEventListener("click", async () => {
    await ready;
    const link = setURL(await changed());
    linkBox.value = link;
    try {
      await navigator.clipboard.writeText(link);
      linkBox.hidden = true;
      say("Link copied. It opens this lesson with the values you see now.");
    } catch {
      // No clipboard (permissions, an insecure origin): show the link, selected, to copy by hand.
      linkBox.hidden = false;
      linkBox.select();
      say("Copy the link from the box: it opens this lesson with the values you see now.");
    }
  });
  reset.addEventListener("click", async () => {
    await ready;
    for (const name of names) {
      if (disposed) return;
      const el = defaults.has(name) ? await element(name) : null;
      if (el) set(el, defaults.get(name)!);
    }
    setURL({});
    linkBox.hidden = true;
    say("Values reset to the lesson's defaults.");
  });
  host.append(h("div", { class: "lesson-tools", role: "group", "aria-label": "Lesson values" }, share, reset, linkBox, status));
  if (Object.keys(initial).length > 0) void apply(initial);
  return {
    apply,
    dispose() {
      disposed = true;
    },
  };
}
