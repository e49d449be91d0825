// A fixture: the compiler only reads this file into the exercise spec.
export function scores(Q: number[][], K: number[][]): number[][] {
  return Q.map((q) => K.map((k) => q.reduce((sum, x, i) => sum + x * k[i], 0)));
}
