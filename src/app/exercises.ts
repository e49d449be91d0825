// Exercises load only when one comes near the screen, so a lesson's first paint never waits for
// the exercise code (and the code editor, which loads later still, when its editor is built).
import type { ExerciseSpec } from "../lesson/types.ts";

type Mounted = { destroy(): void };

export function mountExercisesWhenVisible(root: HTMLElement, specs: ExerciseSpec[]): { dispose(): void } {
  const mounted: Mounted[] = [];
  let disposed = false;
  const byId = new Map(specs.map((spec) => [spec.id, spec]));
  const mount = async (el: HTMLElement) => {
    const spec = byId.get(el.dataset.exercise ?? "");
    if (!spec || el.dataset.mounted) return;
    el.dataset.mounted = "true";
    const { mountExercise } = await import("../exercises/index.ts");
    if (disposed) return;
    const author = new URLSearchParams(location.search).has("author");
    mounted.push(mountExercise(el, spec, { author }));
  };
  const placeholders = [...root.querySelectorAll<HTMLElement>("[data-exercise]")];
  for (const el of placeholders) el.textContent = "Loading exercise…";
  const observer =
    typeof IntersectionObserver === "function"
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting) continue;
              observer?.unobserve(entry.target);
              void mount(entry.target as HTMLElement);
            }
          },
          { rootMargin: "600px 0px" },
        )
      : null;
  for (const el of placeholders) {
    if (observer) observer.observe(el);
    else void mount(el);
  }
  return {
    dispose() {
      disposed = true;
      observer?.disconnect();
      for (const m of mounted) m.destroy();
    },
  };
}
