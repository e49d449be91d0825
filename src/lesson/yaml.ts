// YAML that knows where its values are, so a schema problem names the line of the offending value.
// Used for the front matter, ```exercise directives and exercises/<id>/exercise.yaml.
import { isMap, isScalar, parseDocument, type Document } from "yaml";
import { LessonProblems, lessonError, lowerReason, type LessonError, type Origin, type Position } from "./errors.ts";
import { didYouMean } from "./suggest.ts";

export type YamlPath = readonly (string | number)[];

/** A parsed YAML block: its plain value, and positions of its nodes in the source file. */
export class YamlSource {
  constructor(
    private readonly doc: Document,
    /** The file the YAML sits in (the lesson's .md or an exercise.yaml). */
    readonly path: string,
    private readonly origin: Origin,
    /** What the block is, for messages: "front matter", `exercise "dot-scores"`. */
    public what: string,
    readonly value: unknown = doc.toJS(),
  ) {}

  /** The value at `keys`, or undefined. */
  get(keys: YamlPath): unknown {
    let value = this.value;
    for (const key of keys) value = value != null && typeof value === "object" ? (value as never)[key] : undefined;
    return value;
  }

  /** Where the node at `keys` starts, or its nearest existing parent when it is missing. */
  at(keys: YamlPath): Position {
    for (let n = keys.length; n >= 0; n--) {
      const node = n === 0 ? this.doc.contents : this.doc.getIn(keys.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | null)?.range;
      if (range) return this.origin(range[0]);
    }
    return this.origin(0);
  }

  /** The text of the scalar at `keys` as written (`0.10`, not `0.1`), or null. */
  scalarSource(keys: YamlPath): string | null {
    const node = this.doc.getIn(keys, true);
    return isScalar(node) && typeof node.source === "string" ? node.source : null;
  }

  /** Where the key (not the value) of `keys` starts. */
  atKey(keys: YamlPath): Position {
    const parent = keys.length === 1 ? this.doc.contents : this.doc.getIn(keys.slice(0, -1), true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === keys[keys.length - 1]);
      if (pair && isScalar(pair.key) && pair.key.range) return this.origin(pair.key.range[0]);
    }
    return this.at(keys);
  }

  /** A LessonError at `keys`: `<what>: <reason>`. */
  error(keys: YamlPath, reason: string): LessonError {
    return lessonError(this.path, this.at(keys), `${this.what}: ${reason}`);
  }
}

/** Parses `text`; a YAML syntax error throws a LessonError at its place in the file. */
export function parseYaml(text: string, path: string, origin: Origin, what: string): YamlSource {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const [error] = doc.errors;
  if (error) {
    const hint = error.code === "BLOCK_AS_IMPLICIT_KEY" ? ` (put text that contains ": " in quotes)` : "";
    throw lessonError(path, origin(error.pos[0]), `${what}: bad yaml: ${lowerReason(error.message)}${hint}`);
  }
  return new YamlSource(doc, path, origin, what);
}

const describe = (keys: YamlPath) =>
  keys.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? k : `.${k}`)).join("");

/**
 * Throws unless the value at `keys` is a mapping; each key not in `allowed` is an error in `problems`
 * (strict by default: the first one throws). Returns the mapping.
 */
export function readMap(
  yaml: YamlSource,
  keys: YamlPath,
  allowed: readonly string[],
  problems = new LessonProblems(),
): Record<string, unknown> {
  const value = yaml.get(keys);
  const name = keys.length ? `"${describe(keys)}"` : "the block";
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw yaml.error(keys, `${name} must be a mapping of keys to values`);
  }
  for (const key of Object.keys(value)) {
    if (allowed.includes(key)) continue;
    const expected = ` (expected ${allowed.slice(0, -1).join(", ")} or ${allowed[allowed.length - 1]})`;
    const reason = `unknown key "${key}"${didYouMean(key, allowed) || expected}`;
    problems.error(lessonError(yaml.path, yaml.atKey([...keys, key]), `${yaml.what}: ${reason}`));
  }
  return value as Record<string, unknown>;
}

/** A required non-empty string; an unquoted number (`text: 0.75`) counts, as written. */
export function readString(yaml: YamlSource, keys: YamlPath): string {
  const value = yaml.get(keys);
  if (value === undefined || value === null) throw yaml.error(keys, `"${describe(keys)}" is required`);
  if (typeof value === "number") return yaml.scalarSource(keys) ?? String(value);
  if (value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 1) {
    // `- Multiply shapes: (3 x 4)` is a mapping in YAML, not text with a colon in it.
    throw yaml.error(keys, `"${describe(keys)}" must be a string, but ": " made it a key and a value: put the text in quotes`);
  }
  if (typeof value !== "string" || value.trim() === "") {
    throw yaml.error(keys, `"${describe(keys)}" must be a non-empty string`);
  }
  return value;
}

/** A required finite number (with an optional minimum). */
export function readNumber(yaml: YamlSource, keys: YamlPath, min = -Infinity): number {
  const value = yaml.get(keys);
  if (value === undefined || value === null) throw yaml.error(keys, `"${describe(keys)}" is required`);
  if (typeof value !== "number") throw yaml.error(keys, `"${describe(keys)}" must be a number`);
  if (!Number.isFinite(value)) throw yaml.error(keys, `"${describe(keys)}" must be a finite number, not ${value}`);
  if (value < min) throw yaml.error(keys, `"${describe(keys)}" must be at least ${min}`);
  return value;
}

/** An optional list (missing means empty); returns its length. */
export function readListLength(yaml: YamlSource, keys: YamlPath, required = false): number {
  const value = yaml.get(keys);
  if (value === undefined || value === null) {
    if (required) throw yaml.error(keys, `"${describe(keys)}" is required`);
    return 0;
  }
  if (!Array.isArray(value)) throw yaml.error(keys, `"${describe(keys)}" must be a list`);
  return value.length;
}

/** An optional list of non-empty strings. */
export function readStringList(yaml: YamlSource, keys: YamlPath): string[] {
  const length = readListLength(yaml, keys);
  return Array.from({ length }, (_, i) => readString(yaml, [...keys, i]));
}
