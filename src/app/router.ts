// Hash routes, so every page works when the site is served under any sub-path, and survives a reload:
//   #/                          home
//   #/lessons/<NN-slug>         a lesson
//   #/lessons/<NN-slug>/<id>    a lesson, scrolled to a section
//   #/lessons/<NN-slug>?dk=8&sentence=the+cat   a lesson with some inputs set (a shared link)
//   #/kernel/<file>.ts          a kernel source file

/** Values of a lesson's inputs by name, as text: `{ dk: "8", sentence: "the cat" }`. */
export type RouteValues = Record<string, string>;

export type Route =
  | { page: "home" }
  | { page: "lesson"; slug: string; section: string | null; values?: RouteValues }
  | { page: "kernel"; file: string }
  | { page: "not-found"; path: string };

const SLUG = /^\d\d-[a-z0-9-]+$/;
const KERNEL_FILE = /^[a-z0-9-]+\.ts$/;

/** The route a location hash names; a `?query` after a lesson's path carries input values. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, "");
  const q = raw.indexOf("?");
  const path = decode(q < 0 ? raw : raw.slice(0, q)).replace(/\/+$/, "") || "/";
  if (path === "/" || path === "") return { page: "home" };
  const parts = path.split("/").filter(Boolean);
  if (parts[0] === "lessons" && parts[1] && SLUG.test(parts[1]) && parts.length <= 3) {
    const values: RouteValues = q < 0 ? {} : Object.fromEntries(new URLSearchParams(raw.slice(q + 1)));
    const route = { page: "lesson", slug: parts[1], section: parts[2] ?? null } as const;
    return Object.keys(values).length > 0 ? { ...route, values } : route;
  }
  if (parts[0] === "kernel" && parts.length === 2 && KERNEL_FILE.test(parts[1])) return { page: "kernel", file: parts[1] };
  return { page: "not-found", path };
}

/** decodeURIComponent that leaves a malformed escape (a hand-typed "%") as it is. */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export const href = {
  home: () => "#/",
  lesson: (slug: string, section?: string, values?: RouteValues) => {
    const query = values && Object.keys(values).length > 0 ? `?${new URLSearchParams(values)}` : "";
    return `#/lessons/${slug}${section ? `/${section}` : ""}${query}`;
  },
  kernel: (file: string) => `#/kernel/${file}`,
};
