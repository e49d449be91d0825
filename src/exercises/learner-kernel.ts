// The "kernel" a learner's code imports: the real kernel's functions, each noting that it was called,
// with the exercise's forbidden functions replaced by stubs that refuse. A forbidden call is reported even
// if the code catches the error, and nothing else of the real function is reachable from learner code.
import * as kernel from "kernel";
import { messages } from "./messages.ts";

/** What the learner's code did with the kernel during one check. */
export interface KernelUse {
  /** Every kernel function it called. */
  readonly called: Set<string>;
  /** The forbidden functions it tried to call, in order. */
  readonly forbidden: string[];
}

/** Thrown by a forbidden function's stub; its message is the learner-facing explanation. */
export class ForbiddenCall extends Error {
  constructor(readonly fn: string) {
    super(messages.forbidden(fn));
    this.name = "ForbiddenCall";
  }
}

/** Rewrites values crossing between learner code and the kernel (the probe's proxies, see probe.ts). */
export interface Crossing {
  /** Arguments on their way into a kernel function. */
  inward(value: unknown): unknown;
  /** A kernel function's result on its way back, tagged with the call that made it. */
  outward(value: unknown, madeBy: string): unknown;
}

const isClass = (f: unknown): boolean => typeof f === "function" && /^class[\s{]/.test(Function.prototype.toString.call(f));

/** The names the kernel exports (functions, classes and constants), for validating `forbid`. */
export const kernelExports: readonly string[] = Object.keys(kernel).sort();

/**
 * A kernel module for learner code: `forbid` names become stubs; every other function is the real one,
 * wrapped to record the call (and, when `crossing` is given, to translate its arguments and result).
 */
export function learnerKernel(forbid: readonly string[] = [], crossing?: Crossing): { module: Record<string, unknown>; use: KernelUse } {
  const use: KernelUse = { called: new Set(), forbidden: [] };
  const module: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(kernel)) {
    if (forbid.includes(name)) {
      module[name] = function forbidden(): never {
        use.forbidden.push(name);
        throw new ForbiddenCall(name);
      };
    } else if (typeof value === "function" && !isClass(value)) {
      const real = value as (...args: unknown[]) => unknown;
      module[name] = crossing
        ? (...args: unknown[]) => {
          use.called.add(name);
          return crossing.outward(real(...args.map((a) => crossing.inward(a))), name);
        }
        : (...args: unknown[]) => {
          use.called.add(name);
          return real(...args);
        };
    } else {
      module[name] = value; // ShapeError stays the real class, so instanceof works in learner code
    }
  }
  return { module: Object.freeze(module), use };
}
