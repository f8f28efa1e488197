// NumPy's pairwise summation, bit for bit: below 8 elements a plain loop from
// +0; up to 128 elements eight accumulators (element k into accumulator
// k mod 8) combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) plus the tail;
// above, recursive halves whose left part is a multiple of 8. Complex sums use
// four lanes per component, blocks of 64 and left parts that are multiples
// of 4, as NumPy's complex loop. float32 variants round every addition
// (Math.fround of a double sum of two floats is the float32 sum).
// Partial sums travel through `slots` (one per recursion level) instead of
// return values, which V8 would box. Contiguous float64 subtrees of 4096 to
// 2^20 elements follow a cached plan instead of recursing: NumPy's tree is
// perfect down to the depth where nodes hold at most 32 blocks of 8, each
// such node being one leaf or a pair of leaves, so a flat loop over the
// nodes with binary-counter merges adds in exactly the same order.
// Where WebAssembly runs, contiguous float64 nodes of WASM_MIN..WASM_NODE
// elements are summed by the wasm kernel in the same order instead (the
// TypeScript path stays as its twin: pairwiseF64Ref).
import { WASM_NODE, wasmPairwiseF64, wasmSumAvailable } from '../backends/wasm/sum.js';

/** Smallest contiguous node worth a copy into wasm (measured: bench/reduce.ts --cutover). */
const WASM_MIN = 256;
/**
 * Largest sum of shared memory the wasm path takes: V8 copies out of a
 * SharedArrayBuffer with relaxed word moves, ~15 GB/s from DRAM against
 * ~21 GB/s for an ArrayBuffer, so beyond the caches the twin reads faster
 * (measured by bench/reduce.ts --cutover and the 10M row: wasm 1.33x the
 * twin at 2^21 elements, 1.11x at 2^22, 0.79x at 10^7 in shared memory).
 */
const WASM_MAX_SHARED = 1 << 21;
const Shared = (globalThis as { SharedArrayBuffer?: typeof SharedArrayBuffer }).SharedArrayBuffer;
let useWasm = false;

const slots = new Float64Array(2 * 64);
const f = Math.fround;

/** Eight-accumulator sum of n contiguous elements, 8 <= n <= 128. */
function leafF64(x: Float64Array, i: number, n: number): number {
  let r0 = x[i];
  let r1 = x[i + 1];
  let r2 = x[i + 2];
  let r3 = x[i + 3];
  let r4 = x[i + 4];
  let r5 = x[i + 5];
  let r6 = x[i + 6];
  let r7 = x[i + 7];
  let p = i + 8;
  for (const end = i + n - (n & 7); p < end; p += 8) {
    r0 += x[p];
    r1 += x[p + 1];
    r2 += x[p + 2];
    r3 += x[p + 3];
    r4 += x[p + 4];
    r5 += x[p + 5];
    r6 += x[p + 6];
    r7 += x[p + 7];
  }
  let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
  for (const end = i + n; p < end; p++) res += x[p];
  return res;
}

const FLAT_MIN = 4096;
const FLAT_MAX = 1 << 20;
/** Plans by subtree size; a tree's subtrees of one depth have at most three sizes. */
const plans = new Map<number, Int32Array>();
const partial = new Float64Array(64);

/**
 * The nodes at depth L of NumPy's tree over n contiguous elements, L the
 * first depth where no node holds more than 32 blocks: per node the element
 * counts of its one or two leaves (0 for none), the last node (it carries
 * n mod 8 and may go deeper) left to the recursion.
 */
function planFor(n: number): Int32Array {
  const cached = plans.get(n);
  if (cached !== undefined) return cached;
  const q = n >> 3;
  let count = 1;
  while (Math.ceil(q / count) > 32) count *= 2;
  let edges = new Int32Array(count + 1);
  let next = new Int32Array(count + 1);
  edges[1] = q;
  for (let w = 1; w < count; w *= 2) {
    for (let j = 0; j < w; j++) {
      next[2 * j] = edges[j];
      next[2 * j + 1] = edges[j] + ((edges[j + 1] - edges[j]) >> 1);
    }
    next[2 * w] = q;
    [edges, next] = [next, edges];
  }
  const plan = new Int32Array(2 * (count - 1));
  for (let j = 0; j < count - 1; j++) {
    const b = edges[j + 1] - edges[j];
    const h = b <= 16 ? b : b >> 1;
    plan[2 * j] = 8 * h;
    plan[2 * j + 1] = 8 * (b - h);
  }
  if (plans.size >= 8) plans.delete(plans.keys().next().value!);
  plans.set(n, plan);
  return plan;
}

/** The tree over n contiguous elements along its plan; the sum lands in slots[k]. */
function flatF64(x: Float64Array, i: number, n: number, k: number): void {
  const plan = planFor(n);
  const nodes = plan.length / 2;
  let sp = 0;
  let p = i;
  for (let j = 0; j < nodes; j++) {
    const a = plan[2 * j];
    const b = plan[2 * j + 1];
    let v = blocksF64(x, p, a);
    if (b !== 0) v += blocksF64(x, p + a, b);
    p += a + b;
    for (let t = j; t & 1; t >>= 1) v = partial[--sp] + v;
    partial[sp++] = v;
  }
  nodeContiguous(x, p, i + n - p, k + 1);
  let v = slots[k + 1];
  for (let t = nodes; t & 1; t >>= 1) v = partial[--sp] + v;
  slots[k] = v;
}

/** leafF64 for whole blocks: n a multiple of 8, 8 <= n <= 128. */
function blocksF64(x: Float64Array, i: number, n: number): number {
  let r0 = x[i];
  let r1 = x[i + 1];
  let r2 = x[i + 2];
  let r3 = x[i + 3];
  let r4 = x[i + 4];
  let r5 = x[i + 5];
  let r6 = x[i + 6];
  let r7 = x[i + 7];
  for (let p = i + 8, end = i + n; p < end; p += 8) {
    r0 += x[p];
    r1 += x[p + 1];
    r2 += x[p + 2];
    r3 += x[p + 3];
    r4 += x[p + 4];
    r5 += x[p + 5];
    r6 += x[p + 6];
    r7 += x[p + 7];
  }
  return r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
}

/** The contiguous tree; a node whose halves are both leaves sums them without recursing. */
function nodeContiguous(x: Float64Array, i: number, n: number, k: number): void {
  if (useWasm && n <= WASM_NODE && n >= WASM_MIN) {
    slots[k] = wasmPairwiseF64(x, i, n);
    return;
  }
  if (!useWasm && n >= FLAT_MIN && n <= FLAT_MAX) {
    flatF64(x, i, n, k);
    return;
  }
  if (n > 128) {
    let n2 = n >> 1;
    n2 -= n2 & 7;
    const m = n - n2;
    if (m <= 128) {
      slots[k] = leafF64(x, i, n2) + leafF64(x, i + n2, m);
      return;
    }
    nodeContiguous(x, i, n2, k + 1);
    const left = slots[k + 1];
    nodeContiguous(x, i + n2, m, k + 1);
    slots[k] = left + slots[k + 1];
    return;
  }
  if (n >= 8) {
    slots[k] = leafF64(x, i, n);
    return;
  }
  let r = 0;
  for (let q = 0; q < n; q++) r += x[i + q];
  slots[k] = r;
}

/** The same tree over elements s apart. */
function nodeStrided(x: Float64Array, i: number, n: number, s: number, k: number): void {
  if (n > 128) {
    let n2 = n >> 1;
    n2 -= n2 & 7;
    nodeStrided(x, i, n2, s, k + 1);
    const left = slots[k + 1];
    nodeStrided(x, i + n2 * s, n - n2, s, k + 1);
    slots[k] = left + slots[k + 1];
    return;
  }
  if (n < 8) {
    let r = 0;
    for (let q = 0; q < n; q++) r += x[i + q * s];
    slots[k] = r;
    return;
  }
  let r0 = x[i];
  let r1 = x[i + s];
  let r2 = x[i + 2 * s];
  let r3 = x[i + 3 * s];
  let r4 = x[i + 4 * s];
  let r5 = x[i + 5 * s];
  let r6 = x[i + 6 * s];
  let r7 = x[i + 7 * s];
  const full = n - (n & 7);
  let p = i + 8 * s;
  for (let q = 8; q < full; q += 8, p += 8 * s) {
    r0 += x[p];
    r1 += x[p + s];
    r2 += x[p + 2 * s];
    r3 += x[p + 3 * s];
    r4 += x[p + 4 * s];
    r5 += x[p + 5 * s];
    r6 += x[p + 6 * s];
    r7 += x[p + 7 * s];
  }
  let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
  for (let q = full; q < n; q++, p += s) res += x[p];
  slots[k] = res;
}

/**
 * NumPy's float64 pairwise sum of x[i + k*s], k < n; `total`, the elements of
 * the whole reduction this sum is part of (a thread's block), says whether
 * they come from the caches or from DRAM.
 */
export function pairwiseF64(x: Float64Array, i: number, n: number, s: number, total = n): number {
  const wasm =
    wasmSumAvailable &&
    (total <= WASM_MAX_SHARED || Shared === undefined || !(x.buffer instanceof Shared));
  return treeF64(x, i, n, s, wasm);
}

/** The TypeScript twin of pairwiseF64 (never WebAssembly): the same bits. */
export function pairwiseF64Ref(x: Float64Array, i: number, n: number, s: number): number {
  return treeF64(x, i, n, s, false);
}

function treeF64(x: Float64Array, i: number, n: number, s: number, wasm: boolean): number {
  useWasm = wasm;
  if (s === 1) nodeContiguous(x, i, n, 0);
  else nodeStrided(x, i, n, s, 0);
  return slots[0];
}

function nodeF32(x: Float32Array, i: number, n: number, s: number, k: number): void {
  if (n > 128) {
    let n2 = n >> 1;
    n2 -= n2 & 7;
    nodeF32(x, i, n2, s, k + 1);
    const left = slots[k + 1];
    nodeF32(x, i + n2 * s, n - n2, s, k + 1);
    slots[k] = f(left + slots[k + 1]);
    return;
  }
  if (n < 8) {
    let r = 0;
    for (let q = 0; q < n; q++) r = f(r + x[i + q * s]);
    slots[k] = r;
    return;
  }
  let r0 = x[i];
  let r1 = x[i + s];
  let r2 = x[i + 2 * s];
  let r3 = x[i + 3 * s];
  let r4 = x[i + 4 * s];
  let r5 = x[i + 5 * s];
  let r6 = x[i + 6 * s];
  let r7 = x[i + 7 * s];
  const full = n - (n & 7);
  let p = i + 8 * s;
  for (let q = 8; q < full; q += 8, p += 8 * s) {
    r0 = f(r0 + x[p]);
    r1 = f(r1 + x[p + s]);
    r2 = f(r2 + x[p + 2 * s]);
    r3 = f(r3 + x[p + 3 * s]);
    r4 = f(r4 + x[p + 4 * s]);
    r5 = f(r5 + x[p + 5 * s]);
    r6 = f(r6 + x[p + 6 * s]);
    r7 = f(r7 + x[p + 7 * s]);
  }
  let res = f(f(f(r0 + r1) + f(r2 + r3)) + f(f(r4 + r5) + f(r6 + r7)));
  for (let q = full; q < n; q++, p += s) res = f(res + x[p]);
  slots[k] = res;
}

/** NumPy's float32 pairwise sum (every partial sum rounded to float32). */
export function pairwiseF32(x: Float32Array, i: number, n: number, s: number): number {
  nodeF32(x, i, n, s, 0);
  return slots[0];
}

type Components = Float64Array | Float32Array;

/**
 * Complex pairwise sum over interleaved components: element k has its real
 * part at i + k*s and its imaginary part right after. Leaves the sum in
 * slots[2k], slots[2k + 1]; `round` is identity or Math.fround.
 */
function nodeComplex(
  x: Components,
  i: number,
  n: number,
  s: number,
  k: number,
  round: (v: number) => number,
): void {
  const at = 2 * k;
  if (n > 64) {
    let n2 = n >> 1;
    n2 -= n2 & 3;
    nodeComplex(x, i, n2, s, k + 1, round);
    const lr = slots[at + 2];
    const li = slots[at + 3];
    nodeComplex(x, i + n2 * s, n - n2, s, k + 1, round);
    slots[at] = round(lr + slots[at + 2]);
    slots[at + 1] = round(li + slots[at + 3]);
    return;
  }
  if (n < 4) {
    let rr = 0;
    let ri = 0;
    for (let q = 0; q < n; q++) {
      rr = round(rr + x[i + q * s]);
      ri = round(ri + x[i + q * s + 1]);
    }
    slots[at] = rr;
    slots[at + 1] = ri;
    return;
  }
  let a0 = x[i];
  let b0 = x[i + 1];
  let a1 = x[i + s];
  let b1 = x[i + s + 1];
  let a2 = x[i + 2 * s];
  let b2 = x[i + 2 * s + 1];
  let a3 = x[i + 3 * s];
  let b3 = x[i + 3 * s + 1];
  const full = n - (n & 3);
  let p = i + 4 * s;
  for (let q = 4; q < full; q += 4, p += 4 * s) {
    a0 = round(a0 + x[p]);
    b0 = round(b0 + x[p + 1]);
    a1 = round(a1 + x[p + s]);
    b1 = round(b1 + x[p + s + 1]);
    a2 = round(a2 + x[p + 2 * s]);
    b2 = round(b2 + x[p + 2 * s + 1]);
    a3 = round(a3 + x[p + 3 * s]);
    b3 = round(b3 + x[p + 3 * s + 1]);
  }
  let rr = round(round(a0 + a1) + round(a2 + a3));
  let ri = round(round(b0 + b1) + round(b2 + b3));
  for (let q = full; q < n; q++, p += s) {
    rr = round(rr + x[p]);
    ri = round(ri + x[p + 1]);
  }
  slots[at] = rr;
  slots[at + 1] = ri;
}

const exact = (v: number) => v;

/**
 * Adds NumPy's complex pairwise sum of n interleaved elements into
 * acc[ai], acc[ai + 1], rounding to float32 when `single`.
 */
export function addPairwiseComplex(
  acc: Float64Array,
  ai: number,
  x: Components,
  i: number,
  n: number,
  s: number,
  single: boolean,
): void {
  const round = single ? f : exact;
  nodeComplex(x, i, n, s, 0, round);
  acc[ai] = round(acc[ai] + slots[0]);
  acc[ai + 1] = round(acc[ai + 1] + slots[1]);
}
