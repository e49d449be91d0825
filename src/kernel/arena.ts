// Where the fast ops get the Float64Arrays for their results. Allocating an ArrayBuffer costs about
// 0.8 µs whatever its size (the engine asks the system for memory and tracks it for the garbage
// collector): a fifth of a whole 16x16 attention call. A view on a buffer that already exists costs
// 0.02 µs. So small results are cut, one after another, from a shared 64 KiB block; a new block is
// taken when one is used up, and the old one is freed once no matrix still views it. Each piece is
// fresh (never handed out twice), so it starts as zeros like any new Float64Array.
//
// What this means for a user: two small results may share `data.buffer`. Copy (`data.slice()`) before
// transferring a matrix's buffer to a worker; plain postMessage (a copy) is fine.

const BLOCK = 8192; // float64s per block (64 KiB)
const LARGEST = 1024; // float64s; larger results get a buffer of their own (at 8 KiB the 0.8 µs is small)

let block = new ArrayBuffer(8 * BLOCK);
let used = 0; // float64s of the block handed out

/** A new Float64Array of n zeros, cut from the shared block if small. */
export function floats(n: number): Float64Array {
  if (n > LARGEST) return new Float64Array(n);
  if (used + n > BLOCK) {
    block = new ArrayBuffer(8 * BLOCK);
    used = 0;
  }
  const out = new Float64Array(block, 8 * used, n);
  used += n;
  return out;
}
