// @observablehq/parser ships no typings: the part the lesson compiler uses.
declare module "@observablehq/parser" {
  import type { Identifier, Node, Options } from "acorn";

  /** `viewof x` as a cell name or a reference. */
  export interface ViewExpression extends Node {
    type: "ViewExpression";
    id: Identifier;
  }

  /** `mutable x` as a cell name or a reference. */
  export interface MutableExpression extends Node {
    type: "MutableExpression";
    id: Identifier;
  }

  export interface Cell extends Node {
    type: "Cell";
    id: Identifier | ViewExpression | MutableExpression | null;
    /** An expression, a BlockStatement, an ImportDeclaration, or null for an empty cell. */
    body: (Node & { expression?: Node }) | null;
    async: boolean;
    generator: boolean;
    /** Free references, in source order, with repeats. */
    references: (Identifier | ViewExpression | MutableExpression)[];
  }

  export function parseCell(input: string, options?: Partial<Options> & { globals?: Iterable<string> }): Cell;
}
