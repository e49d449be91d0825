// @observablehq/runtime and @observablehq/inputs ship no typings: the small part we use, declared here.
declare module "@observablehq/runtime" {
  export interface Observer {
    pending?(): void;
    fulfilled?(value: unknown, name?: string | null): void;
    rejected?(error: unknown, name?: string | null): void;
  }
  export class Variable {
    define(name: string | null, inputs: string[], definition: unknown): Variable;
    delete(): void;
  }
  export class Module {
    variable(observer?: Observer | boolean): Variable;
    value(name: string): Promise<unknown>;
    redefine(name: string, inputs: string[], definition: unknown): Variable;
  }
  export class Runtime {
    constructor(builtins?: Record<string, unknown>, global?: (name: string) => unknown);
    module(): Module;
    dispose(): void;
  }
  export class RuntimeError extends Error {
    input?: string;
  }
}

declare module "@observablehq/inputs" {
  type Options = Record<string, unknown>;
  export function range(extent?: [number, number], options?: Options): HTMLElement & { value: number };
  export function select(data: unknown, options?: Options): HTMLElement & { value: unknown };
  export function radio(data: unknown, options?: Options): HTMLElement & { value: unknown };
  export function checkbox(data: unknown, options?: Options): HTMLElement & { value: unknown[] };
  export function toggle(options?: Options): HTMLElement & { value: boolean };
  export function text(options?: Options): HTMLElement & { value: string };
  export function textarea(options?: Options): HTMLElement & { value: string };
  export function number(extent?: [number, number], options?: Options): HTMLElement & { value: number };
  export function button(content?: unknown, options?: Options): HTMLElement & { value: unknown };
  export function table(data: unknown, options?: Options): HTMLElement;
  export function form(inputs: unknown, options?: Options): HTMLElement & { value: unknown };
  export function bind(target: HTMLElement, source: HTMLElement, invalidation?: Promise<void>): HTMLElement;
  export function input(value: unknown): EventTarget & { value: unknown };
}

declare module "htl" {
  export function html(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement | Text | DocumentFragment;
  export function svg(strings: TemplateStringsArray, ...values: unknown[]): SVGElement | DocumentFragment;
}
