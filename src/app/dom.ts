// A tiny element builder for the shell's pages (the lessons themselves come as compiled HTML).
type Child = Node | string | null | undefined | false;

/** `h("a", { href: "#/" }, "Home")` → <a href="#/">Home</a>. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) if (child) el.append(child);
  return el;
}
