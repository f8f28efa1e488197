// Sums, products and extremes cut into blocks for the thread pool, and the task
// functions workers run (this module is the task module). Two cuts keep the
// serial bits on any thread count:
// - a whole-array sum that is one run: NumPy's pairwise tree is cut at its
//   own nodes (leaves of at most a size that depends on n only), each leaf is
//   summed by the serial pairwise code, and the leaves' sums are combined on
//   the caller in the tree's order, exactly the additions the serial sum does;
// - a whole-array sum of several runs: each run's pairwise sum is one
//   slot, and the caller adds the slots in order, as the serial loop adds
//   each run's sum to the accumulator;
// - a whole-array min/max/fmin/fmax that is one run: parts are scanned from
//   the start value and their results scanned in order on the caller, which
//   is the scan of the whole run (scan.ts);
// - a reduction with kept axes: a kept axis is cut into ranges; each result
//   element is accumulated by one block, in the serial order.
import { type DTypeName, dtypes } from '../core/dtypes.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { type AnyTyped, typedWindow, unitOf } from '../ndarray/typed.js';
import { prodComplex, prodF32, prodF64, sumComplex, sumF32, sumF64 } from './bodies.js';
import { type AccLayout, type Body, drive } from './driver.js';
import { pairwiseF32, pairwiseF64 } from './pairwise.js';
import { type Numbers, numberBody, type Op, SCAN, SENTINEL } from './scan.js';

/** Reductions whose kernel bodies the pool runs. */
export type ReduceOp = 'sum' | 'prod' | Op;
/** Loop representations: float32, float64, complex (either width), any real numbers (scans). */
export type BodyKey = 'f4' | 'f8' | 'c' | 'n';
type AccBody = (acc: Float64Array, x: AnyTyped) => Body;

const scanBodies = (op: Op) => ({
  n: (acc: Float64Array, x: AnyTyped) => numberBody(acc, x as Numbers, SCAN[op]),
});

/** The kernel body of each reduction and representation. */
export const BODIES: Readonly<Record<ReduceOp, Readonly<Partial<Record<BodyKey, AccBody>>>>> = {
  sum: {
    f4: (acc, x) => sumF32(acc, x as Float32Array),
    f8: (acc, x) => sumF64(acc, x as Float64Array),
    c: (acc, x) => sumComplex(acc, x as Float64Array),
  },
  prod: {
    f4: (acc, x) => prodF32(acc, x as Float32Array),
    f8: (acc, x) => prodF64(acc, x as Float64Array),
    c: (acc, x) => prodComplex(acc, x as Float64Array),
  },
  min: scanBodies('min'),
  max: scanBodies('max'),
  fmin: scanBodies('fmin'),
  fmax: scanBodies('fmax'),
};

/** The body of `op` for `key` over acc and x. */
export function bodyOf(op: ReduceOp, key: BodyKey, acc: Float64Array, x: AnyTyped): Body {
  const make = BODIES[op][key];
  if (make === undefined) throw new Error(`no ${op} body for ${key}`);
  return make(acc, x);
}

const f = Math.fround;
/** NumPy's tree splits only nodes above this many elements. */
const PAIRWISE_BLOCK = 128;

/**
 * The leaves of NumPy's pairwise tree over n elements when nodes of at most
 * `most` elements (>= 128) are not split: [start, count] pairs, in order.
 */
export function treeLeaves(n: number, most: number): number[] {
  const out: number[] = [];
  const visit = (i: number, m: number) => {
    if (m <= Math.max(most, PAIRWISE_BLOCK)) {
      out.push(i, m);
      return;
    }
    const half = (m >> 1) - ((m >> 1) & 7);
    visit(i, half);
    visit(i + half, m - half);
  };
  visit(0, n);
  return out;
}

/** Combines leaf sums (in leaf order) as the tree over n elements adds them. */
export function combineLeaves(
  n: number,
  most: number,
  sums: Float64Array,
  single: boolean,
): number {
  let next = 0;
  const visit = (m: number): number => {
    if (m <= Math.max(most, PAIRWISE_BLOCK)) return sums[next++];
    const half = (m >> 1) - ((m >> 1) & 7);
    const left = visit(half);
    const s = left + visit(m - half);
    return single ? f(s) : s;
  };
  return visit(n);
}

export interface LeafArgs {
  /** The input's elements (the whole buffer as the loop's typed array). */
  readonly x: Float64Array | Float32Array;
  readonly xi: number;
  readonly xs: number;
  /** treeLeaves pairs. */
  readonly leaves: readonly number[];
  /** One shared slot per leaf. */
  readonly sums: Float64Array;
}

/** Task function: the pairwise sums of leaves [lo, hi). */
export function leafSums(lo: number, hi: number, a: LeafArgs): void {
  const last = a.leaves.length - 2;
  const total = a.leaves[last] + a.leaves[last + 1];
  for (let b = lo; b < hi; b++) {
    const i = a.xi + a.leaves[2 * b] * a.xs;
    const n = a.leaves[2 * b + 1];
    a.sums[b] =
      a.x instanceof Float64Array
        ? pairwiseF64(a.x, i, n, a.xs, total)
        : pairwiseF32(a.x, i, n, a.xs);
  }
}

export interface RunArgs {
  /** The input's elements (the whole buffer as the loop's typed array). */
  readonly x: Float64Array | Float32Array;
  /** The input's iteration in memory order, in elements: runs along its last axis. */
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
  /** Runs per block. */
  readonly per: number;
  /** One shared slot per run. */
  readonly sums: Float64Array;
}

/** Task function: the pairwise sums of the runs of blocks [lo, hi). */
export function runSums(lo: number, hi: number, a: RunArgs): void {
  const nd = a.shape.length;
  const n = a.shape[nd - 1];
  const xs = a.strides[nd - 1];
  let runs = 1;
  for (let d = 0; d < nd - 1; d++) runs *= a.shape[d];
  for (let r = lo * a.per, end = Math.min(runs, hi * a.per); r < end; r++) {
    let i = a.offset;
    for (let d = nd - 2, q = r; d >= 0; d--) {
      const k = q % a.shape[d];
      q = (q - k) / a.shape[d];
      i += k * a.strides[d];
    }
    a.sums[r] =
      a.x instanceof Float64Array
        ? pairwiseF64(a.x, i, n, xs, runs * n)
        : pairwiseF32(a.x, i, n, xs);
  }
}

export interface ScanArgs {
  readonly op: Op;
  /** The input's elements (the whole buffer as the loop's typed array). */
  readonly x: Numbers;
  readonly xi: number;
  readonly xs: number;
  /** Elements per part (the last part may have fewer) and in all. */
  readonly size: number;
  readonly n: number;
  /** One shared slot per part. */
  readonly results: Float64Array;
}

/** Task function: the scans of parts [lo, hi) of one run, each from the start value. */
export function scanParts(lo: number, hi: number, a: ScanArgs): void {
  const scan = SCAN[a.op];
  for (let b = lo; b < hi; b++) {
    const count = Math.min(a.size, a.n - b * a.size);
    a.results[b] = scan(a.x, SENTINEL[a.op], a.xi + b * a.size * a.xs, count, a.xs);
  }
}

/** A kept axis cut into ranges. */
export interface KeptSplit {
  readonly axis: number;
  /** Indices of `axis` per block (the last block may have fewer). */
  readonly width: number;
  readonly count: number;
}

/**
 * Indices per block, at least, when the cut axis is innermost in memory: rows
 * cut shorter than a few KiB stream badly (measured: 16-column blocks of an
 * axis-0 sum ran 4x slower than whole rows).
 */
const MIN_RUN = 512;

/**
 * The kept axis to cut (the outermost in memory order that has at least
 * `lines` indices, else the longest) and ranges of about `elements` input
 * elements; null when no kept axis has two indices.
 */
export function keptSplit(
  x: NDArray,
  layout: AccLayout,
  elements: number,
  lines: number,
): KeptSplit | null {
  const kept = x.shape
    .map((_, i) => i)
    .filter((i) => layout.strides[i] !== 0 && x.shape[i] > 1)
    .sort((a, b) => Math.abs(x.strides[b]) - Math.abs(x.strides[a]));
  if (kept.length === 0) return null;
  const longest = kept.reduce((a, b) => (x.shape[b] > x.shape[a] ? b : a));
  const axis = kept.find((i) => x.shape[i] >= lines) ?? longest;
  const extent = x.shape[axis];
  const innermost = x.strides.every(
    (st, i) => x.shape[i] <= 1 || Math.abs(st) >= Math.abs(x.strides[axis]),
  );
  const least = innermost ? MIN_RUN : 1;
  const width = Math.min(extent, Math.max(least, Math.round((elements * extent) / x.size)));
  return { axis, width, count: Math.ceil(extent / width) };
}

export interface KeptArgs {
  readonly op: ReduceOp;
  readonly key: BodyKey;
  /** The loop's working dtype (the typed array kernels read). */
  readonly work: DTypeName;
  readonly x: NDArray;
  readonly where: NDArray | null;
  readonly layout: AccLayout;
  readonly split: KeptSplit;
  /** The shared accumulator, filled with the initial value. */
  readonly acc: Float64Array;
}

/** `a` restricted to indices [lo, hi) of `axis`. */
function range(a: NDArray, axis: number, lo: number, hi: number): NDArray {
  return a.view({
    shape: a.shape.map((d, i) => (i === axis ? hi - lo : d)),
    strides: a.strides,
    offset: a.byteOffset + lo * a.strides[axis],
  });
}

/** Task function: result ranges [lo, hi) of a reduction with kept axes. */
export function keptBlocks(lo: number, hi: number, a: KeptArgs): void {
  const work = dtypes[a.work];
  const body = bodyOf(a.op, a.key, a.acc, typedWindow(a.x.buffer, work));
  const { axis, width } = a.split;
  for (let b = lo; b < hi; b++) {
    const first = b * width;
    const last = Math.min(a.x.shape[axis], first + width);
    const x = range(a.x, axis, first, last);
    const where = a.where === null ? null : range(a.where, axis, first, last);
    drive(x, unitOf(work), a.layout, where, body, first * a.layout.strides[axis]);
  }
}
