// Hash routes, so every page works when the site is served under any sub-path, and survives a reload:
//   #/                          home
//   #/lessons/<NN-slug>         a lesson
//   #/lessons/<NN-slug>/<id>    a lesson, scrolled to a section
//   #/kernel/<file>.ts          a kernel source file
export type Route =
  | { page: "home" }
  | { page: "lesson"; slug: string; section: string | null }
  | { page: "kernel"; file: string }
  | { page: "not-found"; path: string };

const SLUG = /^\d\d-[a-z0-9-]+$/;
const KERNEL_FILE = /^[a-z0-9-]+\.ts$/;

/** The route a location hash names. */
export function parseRoute(hash: string): Route {
  const path = decodeURIComponent(hash.replace(/^#/, "")).replace(/\/+$/, "") || "/";
  if (path === "/" || path === "") return { page: "home" };
  const parts = path.split("/").filter(Boolean);
  if (parts[0] === "lessons" && parts[1] && SLUG.test(parts[1]) && parts.length <= 3) {
    return { page: "lesson", slug: parts[1], section: parts[2] ?? null };
  }
  if (parts[0] === "kernel" && parts.length === 2 && KERNEL_FILE.test(parts[1])) return { page: "kernel", file: parts[1] };
  return { page: "not-found", path };
}

export const href = {
  home: () => "#/",
  lesson: (slug: string, section?: string) => `#/lessons/${slug}${section ? `/${section}` : ""}`,
  kernel: (file: string) => `#/kernel/${file}`,
};
