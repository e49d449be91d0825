// A fixture: the compiler only reads this file into the exercise spec.
export function scores(Q: number[][], K: number[][]): number[][] {
  throw new Error(`not yet: ${Q.length}x${K.length}`);
}
