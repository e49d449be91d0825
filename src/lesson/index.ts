// The lesson compiler: build-time only (Node). The browser imports just the types in ./types.ts.
export { compileLesson, lintLesson, type CompileOptions, type CompileResult, type LessonLint, type LessonOutput, type CompiledCellSource } from "./compile.ts";
export { lessonPlugin, VIRTUAL_LESSONS, type LessonPluginOptions } from "./plugin.ts";
export { readLessonMeta, lessonLocation, LESSON_FOLDER } from "./meta.ts";
export { readCatalog, findLessonFolders, type CatalogEntry } from "./catalog.ts";
export { LessonError, LessonProblems, type LessonWarning, type Position } from "./errors.ts";
export { CODE_EXERCISE_FILES, DEFAULT_TIMEOUT_MS } from "./code-exercise.ts";
export type * from "./types.ts";
