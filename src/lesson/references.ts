// Names across a lesson's cells: each may be defined once, and a name a cell reads should be defined
// by some cell or be a builtin. An unknown name is only a warning: the runtime reports it in place.
import { LessonProblems, lessonError, lessonWarning, type LessonWarning } from "./errors.ts";
import type { ParsedCell } from "./parse.ts";
import { didYouMean } from "./suggest.ts";

/** The names a cell puts in scope: `x`, or both `viewof x` and `x` for a view. */
export function definedNames(cell: ParsedCell): string[] {
  if (cell.name === null) return [];
  return cell.name.startsWith("viewof ") ? [cell.name, cell.name.slice("viewof ".length)] : [cell.name];
}

/** Every name the cells define; each second definition of a name is an error in `problems`. */
export function checkDefinitions(cells: readonly ParsedCell[], path: string, problems = new LessonProblems()): Set<string> {
  const first = new Map<string, ParsedCell>();
  for (const cell of cells) {
    for (const name of definedNames(cell)) {
      const previous = first.get(name);
      if (previous) {
        const by = previous.name === name ? "" : ` by "${previous.name}"`;
        const reason = `duplicate definition of "${name}" (first defined on line ${previous.line}${by})`;
        problems.error(lessonError(path, cell.origin(cell.nameStart), reason));
        break; // `viewof k` after `k`: one message for the cell
      }
      first.set(name, cell);
    }
  }
  return new Set(first.keys());
}

/** A warning for each name a cell reads that no cell defines and `known` does not hold. */
export function findUnknownNames(
  cells: readonly ParsedCell[],
  defined: ReadonlySet<string>,
  known: ReadonlySet<string>,
  path: string,
): LessonWarning[] {
  const candidates = [...defined, ...known];
  const warnings: LessonWarning[] = [];
  for (const cell of cells) {
    const seen = new Set<string>();
    for (const { name, start } of cell.references) {
      if (seen.has(name) || defined.has(name) || known.has(name)) continue;
      seen.add(name);
      warnings.push(lessonWarning(path, cell.origin(start), `unknown name "${name}"${didYouMean(name, candidates)}`));
    }
  }
  return warnings;
}
