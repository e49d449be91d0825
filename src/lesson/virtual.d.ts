// Types for the modules the lesson plugin (src/lesson/plugin.ts) makes.

declare module "virtual:lessons" {
  /** Every lesson folder's metadata, sorted by its NN- order. */
  export const lessons: import("./types.ts").LessonMeta[];
  /** Imports one lesson by slug ("02-queries-keys-values"); rejects for an unknown slug or a lesson that does not compile. */
  export function loadLesson(slug: string): Promise<import("./types.ts").CompiledLesson>;
}

declare module "*.md" {
  const lesson: import("./types.ts").CompiledLesson;
  export default lesson;
}

declare module "virtual:kernel-api" {
  /** Every export of src/kernel/index.ts with its signature and TSDoc (src/lesson/api-plugin.ts). */
  const api: import("./api-docs.ts").ApiEntry[];
  export default api;
}
