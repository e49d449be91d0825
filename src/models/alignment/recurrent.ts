// Running a GRU over a whole (padded) batch of sequences, shared by both models' encoders.

import { zeros } from "../../kernel/index.ts";
import { type Tensor, add, constant, gatherRows, gruCell, matmul, sliceRows } from "../../autograd/index.ts";
import type { Params } from "./config.ts";

/**
 * The states of GRU `prefix` over ids laid out time-major (row t·B + b), one (B, H) tensor per step.
 * `keep[t][b]` = 0 freezes sentence b's state on its padding; `reverse` reads from the last step back.
 */
export function runGru(p: Params, prefix: string, embedded: Tensor, B: number, keep: readonly ArrayLike<number>[], reverse = false): Tensor[] {
  const T = keep.length;
  const Uh = p[`${prefix}.Uh`], bh = p[`${prefix}.bh`];
  const gx = add(matmul(embedded, p[`${prefix}.Wx`]), p[`${prefix}.bx`]); // (T·B, E) @ (E, 3H) -> (T·B, 3H), all steps at once
  let h = constant(zeros(B, Uh.rows)); // (B, H)
  const states: Tensor[] = new Array<Tensor>(T);
  for (let k = 0; k < T; k++) {
    const t = reverse ? T - 1 - k : k;
    h = gruCell(sliceRows(gx, t * B, (t + 1) * B), h, Uh, bh, keep[t]); // (B, H)
    states[t] = h;
  }
  return states;
}

/** Embeds ids with a table: (n ids) -> (n, E). */
export function embed(table: Tensor, ids: ArrayLike<number>): Tensor {
  return gatherRows(table, ids);
}
