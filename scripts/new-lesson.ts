// npm run new:lesson -- <slug> "<Title>" [--dir <lessons folder>]
//
// Scaffolds lessons/NN-<slug>/ with the next free number: prose with math and an inline value, two
// inputs, two charts, a code exercise with one declared mistake, a numeric and a multiple-choice
// question. The scaffold passes `npm run check:lessons` and `npm test` as it is, and a running
// `npm run dev` lists it at once. Exercise ids are derived from the slug, so they are unique in the course.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { readCatalog } from "../src/lesson/catalog.ts";
import { LESSON_FOLDER } from "../src/lesson/frontmatter.ts";
import { lessonTemplate, type LessonIds } from "./new-lesson/template.ts";

/** Why a lesson cannot be scaffolded, in one line for the terminal. */
export class NewLessonError extends Error {
  override name = "NewLessonError";
}

export interface NewLessonOptions {
  /** Lowercase words joined by dashes ("temperature"), or with a free number in front ("09-temperature"). */
  slug: string;
  title: string;
  /** The project root (default: the current directory). */
  root?: string;
  /** The folder of lesson folders, relative to `root` (default "lessons"). */
  lessonsDir?: string;
}

export interface NewLesson {
  /** The folder name, e.g. "07-temperature". */
  folder: string;
  /** The lesson folder relative to `root`, e.g. "lessons/07-temperature". */
  path: string;
  /** Every file written, relative to the lesson folder. */
  files: string[];
  ids: LessonIds;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG = 48;
/** Where the exercise helpers live, relative to the project root (checks.ts imports them). */
const CHECKS_MODULE = "src/exercises/checks.ts";

/** `"Self Attention!"` -> `"self-attention"`, for suggestions. */
function slugify(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

/** Checks `slug` and splits off a number given in front of it; throws a NewLessonError saying why not. */
export function parseSlug(input: string): { number: number | null; slug: string } {
  const numbered = /^(\d\d)-(.*)$/.exec(input);
  const slug = numbered ? numbered[2] : input;
  const suggestion = slugify(slug);
  const like = suggestion.length > 2 && SLUG.test(suggestion) ? `, like "${suggestion}"` : `, like "self-attention"`;
  if (slug === "") throw new NewLessonError(`"${input}" has no slug after its number: use lowercase words joined by dashes${like}`);
  if (!SLUG.test(slug)) {
    const why = /[A-Z]/.test(slug) ? "it has capital letters"
      : /--|^-|-$/.test(slug) ? "its dashes must each join two words"
      : "it may only hold lowercase letters, digits and dashes";
    throw new NewLessonError(`"${input}" is not a lesson slug: ${why}; use lowercase words joined by dashes${like}`);
  }
  if (slug.length > MAX_SLUG) throw new NewLessonError(`"${slug}" is ${slug.length} characters long; keep a slug under ${MAX_SLUG}, a few words`);
  return { number: numbered ? Number(numbered[1]) : null, slug };
}

/**
 * Writes a new lesson folder and returns what it wrote; throws a NewLessonError (nothing written) for
 * a bad or taken slug, a taken number, an empty title, or exercise ids another lesson already uses.
 * @example newLesson({ slug: "temperature", title: "Softmax temperature" }) // lessons/07-temperature/
 */
export function newLesson(options: NewLessonOptions): NewLesson {
  const root = resolve(options.root ?? process.cwd());
  const lessonsDir = (options.lessonsDir ?? "lessons").replace(/\/+$/, "");
  const title = options.title.trim();
  const { number, slug } = parseSlug(options.slug.trim());
  if (!title) throw new NewLessonError(`give the lesson a title: npm run new:lesson -- ${slug} "A title"`);
  if (/[\n\r]/.test(title)) throw new NewLessonError("the title must fit on one line");

  const base = join(root, lessonsDir);
  const existing = existsSync(base)
    ? readdirSync(base, { withFileTypes: true }).filter((e) => e.isDirectory() && LESSON_FOLDER.test(e.name)).map((e) => e.name)
    : [];
  const same = existing.find((folder) => folder.slice(3) === slug);
  if (same) throw new NewLessonError(`a lesson with the slug "${slug}" already exists: ${lessonsDir}/${same}/ (pick another slug, or edit that lesson)`);
  const numbers = existing.map((folder) => Number(folder.slice(0, 2)));
  const order = number ?? Math.max(0, ...numbers) + 1;
  const taken = existing.find((folder) => Number(folder.slice(0, 2)) === order);
  if (taken) throw new NewLessonError(`lesson number ${String(order).padStart(2, "0")} is taken by ${lessonsDir}/${taken}/: leave the number out to get the next free one`);
  if (order > 99 || order < 1) throw new NewLessonError(`lesson numbers run from 01 to 99; ${order} does not fit`);

  const ids: LessonIds = { code: `${slug}-weights`, numeric: `${slug}-uniform`, choice: `${slug}-temperature` };
  const used = new Map(readCatalog(root, lessonsDir).flatMap((entry) => entry.meta.exercises.map((id) => [id, entry.path] as const)));
  for (const id of Object.values(ids)) {
    if (used.has(id)) throw new NewLessonError(`the exercise id "${id}" (made from the slug) is already used in ${used.get(id)}: pick another slug`);
  }

  const folder = `${String(order).padStart(2, "0")}-${slug}`;
  const target = join(base, folder);
  const checksImport = relative(join(target, "exercises", ids.code), join(root, CHECKS_MODULE)).split("\\").join("/");
  const files = lessonTemplate({ title, ids, checksImport });
  // Written beside the target, then renamed: a running dev server sees the whole lesson appear at once.
  const staging = join(base, `.${folder}.new`);
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(staging, file)), { recursive: true });
      writeFileSync(join(staging, file), text);
    }
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return { folder, path: `${lessonsDir}/${folder}`, files: Object.keys(files), ids };
}

const USAGE = `usage: npm run new:lesson -- <slug> "<Title>" [--dir <lessons folder>]
  <slug>   lowercase words joined by dashes, e.g. temperature; the next free number is put in front
           (give one yourself, e.g. 09-temperature, to place the lesson elsewhere in the course)
  <Title>  the lesson's title, shown on the home page and as its heading`;

/** Reads `<slug> "<Title>" [--dir <folder>]`; throws a NewLessonError with the usage when they do not fit. */
export function parseArgs(argv: readonly string[]): { slug: string; title: string; lessonsDir: string } {
  const positional: string[] = [];
  let lessonsDir = "lessons";
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--dir") {
      if (!argv[i + 1]) throw new NewLessonError(`--dir needs a folder\n${USAGE}`);
      lessonsDir = argv[++i];
    } else if (argv[i].startsWith("--")) {
      throw new NewLessonError(`unknown option ${argv[i]}\n${USAGE}`);
    } else positional.push(argv[i]);
  }
  if (positional.length !== 2) {
    const what = positional.length < 2 ? "a slug and a title" : `two arguments, not ${positional.length} (quote the title)`;
    throw new NewLessonError(`give ${what}\n${USAGE}`);
  }
  return { slug: positional[0], title: positional[1], lessonsDir };
}

function main(argv: readonly string[]): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  try {
    const args = parseArgs(argv);
    const lesson = newLesson({ ...args, root: process.cwd() });
    const url = `http://localhost:5173/#/lessons/${lesson.folder}`;
    console.log(`new-lesson: created ${lesson.path}/
${lesson.files.map((f) => `  ${f}`).join("\n")}

Next:
  npm run dev              the lesson is on the home page; ${url}
                           (add ?author before the # to run the reference, the starter and each mistake)
  npm run check:lessons    what is wrong, as path:line:column: reason
  docs/authoring.md        the whole format, by example`);
    return 0;
  } catch (error) {
    if (!(error instanceof NewLessonError)) throw error;
    console.error(`new-lesson: ${error.message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exit(main(process.argv.slice(2)));
