// Matrix products from 16x16 up in WebAssembly SIMD: the 4x4 tiles of matmul-fast.ts, with each row of a tile held
// as two f64x2 registers, so one instruction does two multiplies (or two adds). Every lane adds its products
// in the order p = 0, 1, 2, … with a separate multiply and add (no fused multiply-add), exactly as matmul.ts
// does, so the results are equal bit for bit. Measured: 11 GFLOP/s at 16x16, 16-17 at 64x64 and 256x64,
// 9 at 1024x64 (memory-bound), 3-4x the JavaScript tiles (npm run bench). Used where the engine has SIMD (current browsers, Node >= 16.4).
//
// No binary is stored: the module is assembled from the instructions below, by name, on first use.

/** Set to false to use the JavaScript tiles everywhere (tests and npm run bench compare the two). */
export const simd = { enabled: true };

/**
 * Writes the 4x4-tiled part of a·b (rows < n4, columns < m4) into out (n x m), or, when b is given as
 * bᵀ (m x k), of a·bᵀ · scale. Returns false, doing nothing, if WebAssembly SIMD is unavailable.
 */
export function simdTilesInto(
  a: Float64Array, b: Float64Array, out: Float64Array,
  shape: { n4: number; k: number; m4: number; m: number }, transposed: boolean, scale: number,
): boolean {
  const wasm = instance();
  if (!wasm || !simd.enabled) return false;
  const { n4, k, m4, m } = shape;
  // Where a, b and the result go in the module's memory, in float64s; bᵀ arrives at T and is turned at B.
  const A = 0, B = n4 * k, O = B + k * m, T = O + n4 * m;
  const heap = memoryFor(wasm, T + (transposed ? m * k : 0));
  heap.set(n4 * k === a.length ? a : a.subarray(0, n4 * k), A); // (a subarray is a new object: only if needed)
  if (!transposed) heap.set(b, B);
  else {
    heap.set(b, T); // a copy (memcpy), then the transpose in WebAssembly: 3x faster than one in JavaScript
    wasm.transpose(8 * T, 8 * B, m, k); // bᵀ, laid out k x m
  }
  wasm.tiles(8 * A, 8 * B, 8 * O, n4, k, m4, m, scale); // each sum is multiplied by scale as it is stored
  // Whole rows came out (m4 = m): one copy. Otherwise row by row, the last m - m4 columns left to JavaScript.
  if (m4 === m) out.set(heap.subarray(O, O + n4 * m));
  else for (let i = 0; i < n4; i++) out.set(heap.subarray(O + i * m, O + i * m + m4), i * m);
  return true;
}

interface Tiles {
  tiles(a: number, b: number, out: number, n4: number, k: number, m4: number, m: number, scale: number): void;
  transpose(source: number, target: number, rows: number, cols: number): void;
  memory: WebAssembly.Memory;
}

let compiled: Tiles | null | undefined; // undefined: not tried yet; null: no SIMD here
let view = new Float64Array(0);

function instance(): Tiles | null {
  if (compiled !== undefined) return compiled;
  const bytes = assemble();
  compiled = null;
  try {
    if (typeof WebAssembly === "object" && WebAssembly.validate(bytes)) {
      compiled = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as unknown as Tiles;
    }
  } catch {
    // A page whose Content-Security-Policy forbids compiling WebAssembly: the JavaScript tiles will do.
  }
  return compiled;
}

// The module's memory as float64s, grown to hold `size` of them. Only growing replaces the memory's
// buffer (and detaches the old view), so the view is made again only then: reading memory.buffer costs.
function memoryFor(wasm: Tiles, size: number): Float64Array {
  if (size > view.length) {
    const bytes = 8 * size - wasm.memory.buffer.byteLength;
    if (bytes > 0) wasm.memory.grow(Math.ceil(bytes / 65536));
    view = new Float64Array(wasm.memory.buffer);
  }
  return view;
}

// --- The function, as WebAssembly instructions ---------------------------------------------------------

// Parameters (byte addresses, sizes and the scale), then locals: the loop counters and addresses, then
// 8 v128 sums and 4 more v128s.
const [a, b, out, n4, k, m4, m, scale] = [0, 1, 2, 3, 4, 5, 6, 7];
const [i, j, p, pa, pb, rowA, rowB, o, rowA2, rowA3] = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17];
const sum = (row: number, half: number): number => 18 + 2 * row + half; // columns j, j+1 (half 0) or j+2, j+3 (1)
const [aSplat, b01, b23, scaleSplat] = [26, 27, 28, 29];

function tilesBody(): number[] {
  const rowOffset = [[], [get(rowA), I32_ADD], [get(rowA2), I32_ADD], [get(rowA3), I32_ADD]];
  return [
    // Row strides in bytes: a is n x k, b and out are k x m and n x m.
    get(k), i32(8), I32_MUL, set(rowA), get(rowA), get(rowA), I32_ADD, set(rowA2), get(rowA2), get(rowA), I32_ADD, set(rowA3),
    get(m), i32(8), I32_MUL, set(rowB),
    get(scale), F64X2_SPLAT, set(scaleSplat),
    forLoop(i, n4, 4, [
      forLoop(j, m4, 4, [
        [0, 1, 2, 3].map((r) => [zeroV128(), set(sum(r, 0)), zeroV128(), set(sum(r, 1))]),
        get(a), get(i), get(rowA), I32_MUL, I32_ADD, set(pa), // pa = &a[i][0]
        get(b), get(j), i32(8), I32_MUL, I32_ADD, set(pb), // pb = &b[0][j]
        forLoop(p, k, 1, [
          get(pb), v128Load(0), set(b01), get(pb), v128Load(16), set(b23), // b[p][j..j+1], b[p][j+2..j+3]
          [0, 1, 2, 3].map((r) => [
            get(pa), rowOffset[r], v128Load64Splat(), set(aSplat), // a[i+r][p] in both lanes
            get(sum(r, 0)), get(aSplat), get(b01), F64X2_MUL, F64X2_ADD, set(sum(r, 0)),
            get(sum(r, 1)), get(aSplat), get(b23), F64X2_MUL, F64X2_ADD, set(sum(r, 1)),
          ]),
          get(pa), i32(8), I32_ADD, set(pa), get(pb), get(rowB), I32_ADD, set(pb),
        ]),
        get(out), get(i), get(rowB), I32_MUL, I32_ADD, get(j), i32(8), I32_MUL, I32_ADD, set(o), // o = &out[i][j]
        [0, 1, 2, 3].map((r) => [
          get(o), get(sum(r, 0)), get(scaleSplat), F64X2_MUL, v128Store(0), // sum · scale, as JavaScript does
          get(o), get(sum(r, 1)), get(scaleSplat), F64X2_MUL, v128Store(16),
          get(o), get(rowB), I32_ADD, set(o),
        ]),
      ]),
    ]),
  ].flatMap(flatten);
}

// transpose(source, target, rows, cols): target (cols x rows) = sourceᵀ (source is rows x cols).
const [source, target, rows, cols] = [0, 1, 2, 3];
const [row, column, from, to, targetRow] = [4, 5, 6, 7, 8];

function transposeBody(): number[] {
  return [
    get(source), set(from), get(rows), i32(8), I32_MUL, set(targetRow), // from walks the source in order
    forLoop(row, rows, 1, [
      get(target), get(row), i32(8), I32_MUL, I32_ADD, set(to), // to = &target[0][row]
      forLoop(column, cols, 1, [
        get(to), get(from), f64Load(), f64Store(), // target[column][row] = source[row][column]
        get(from), i32(8), I32_ADD, set(from), get(to), get(targetRow), I32_ADD, set(to),
      ]),
    ]),
  ].flatMap(flatten);
}

// for (counter = 0; counter < limit; counter += step) { body }
function forLoop(counter: number, limit: number, step: number, body: Code[]): Code[] {
  return [
    i32(0), set(counter),
    BLOCK, VOID, LOOP, VOID,
    get(counter), get(limit), I32_GE_S, BR_IF, 1, // leave the block once counter >= limit
    body,
    get(counter), i32(step), I32_ADD, set(counter),
    BR, 0, END, END, // back to the loop's start
  ];
}

// --- A tiny assembler: just what this one function needs, opcodes named as in the WebAssembly spec ------

type Code = number | Code[];
const flatten = (code: Code): number[] => (typeof code === "number" ? [code] : code.flatMap(flatten));
const [BLOCK, LOOP, BR, BR_IF, END, VOID] = [0x02, 0x03, 0x0c, 0x0d, 0x0b, 0x40];
const [I32_GE_S, I32_ADD, I32_MUL] = [0x4e, 0x6a, 0x6c];
const [I32, F64, V128] = [0x7f, 0x7c, 0x7b];
const get = (local: number): Code[] => [0x20, ...uleb(local)];
const set = (local: number): Code[] => [0x21, ...uleb(local)];
const i32 = (value: number): Code[] => [0x41, ...sleb(value)];
const simdOp = (code: number): number[] => [0xfd, ...uleb(code)];
const v128Load = (offset: number): Code[] => [simdOp(0x00), 3, uleb(offset)]; // align 2^3: float64s
const v128Store = (offset: number): Code[] => [simdOp(0x0b), 3, uleb(offset)];
const v128Load64Splat = (): Code[] => [simdOp(0x0a), 3, 0];
const zeroV128 = (): Code[] => [simdOp(0x0c), new Array<number>(16).fill(0)];
const F64X2_ADD = simdOp(0xf0), F64X2_MUL = simdOp(0xf2), F64X2_SPLAT = simdOp(0x14);
const f64Load = (): Code[] => [0x2b, 3, 0];
const f64Store = (): Code[] => [0x39, 3, 0];

function uleb(n: number): number[] {
  const bytes: number[] = [];
  do {
    const low = n & 0x7f;
    n >>>= 7;
    bytes.push(n === 0 ? low : low | 0x80);
  } while (n !== 0);
  return bytes;
}

function sleb(n: number): number[] {
  const bytes: number[] = [];
  for (;;) {
    const low = n & 0x7f;
    n >>= 7;
    const done = (n === 0 && (low & 0x40) === 0) || (n === -1 && (low & 0x40) !== 0);
    bytes.push(done ? low : low | 0x80);
    if (done) return bytes;
  }
}

const vector = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const name = (text: string): number[] => vector([...text].map((c) => [c.charCodeAt(0)]));

/** The module: one memory and two functions, tiles(a, b, out, n4, k, m4, m, scale) and transpose(…), all exported. */
function assemble(): Uint8Array<ArrayBuffer> {
  const body = (locals: number[][], code: number[]): number[] => {
    const bytes = [...vector(locals), ...code, END];
    return [...uleb(bytes.length), ...bytes];
  };
  const tiles = body([[...uleb(10), I32], [...uleb(12), V128]], tilesBody());
  const transpose = body([[...uleb(5), I32]], transposeBody());
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
    ...section(1, vector([
      [0x60, ...vector([...new Array<number[]>(7).fill([I32]), [F64]]), ...vector([])], // type 0: (7 x i32, f64) -> ()
      [0x60, ...vector(new Array<number[]>(4).fill([I32])), ...vector([])], // type 1: (4 x i32) -> ()
    ])),
    ...section(3, vector([[0], [1]])), // function 0 has type 0, function 1 type 1
    ...section(5, vector([[0x00, 1]])), // memory: 1 page (64 KiB) to start, grown as needed
    ...section(7, vector([[...name("tiles"), 0x00, 0], [...name("transpose"), 0x00, 1], [...name("memory"), 0x02, 0]])), // exports
    ...section(10, vector([tiles, transpose])),
  ]);
}
