// Large sums, products and extremes (min, max, fmin, fmax) on the thread pool
// (the cuts are in split.ts): a whole-array sum that is one run is cut at the
// nodes of NumPy's pairwise tree (of several long runs: run by run), a
// whole-array extreme into parts whose results are scanned in order, and a
// reduction with kept axes along a kept axis; all give the serial bits on any
// thread count. Small reductions, those the pool would not take (threads off,
// a pool worker, memory that is not shared) and the rest (masked whole-array
// reductions, products of whole arrays: one sequential chain) run on the
// calling thread.
import { partition } from '../backends/threads/partition.js';
import { sibling } from '../backends/threads/platform.js';
import { pool } from '../backends/threads/pool.js';
import type { DType } from '../core/dtypes.js';
import { type IterPlan, planIteration } from '../ndarray/iter.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { typedWindow, unitOf } from '../ndarray/typed.js';
import { toWire } from '../parallel/wire.js';
import { type AccLayout, drive } from './driver.js';
import { type Numbers, type Op, SCAN } from './scan.js';
import {
  type BodyKey,
  bodyOf,
  combineLeaves,
  type KeptArgs,
  keptBlocks,
  keptSplit,
  type LeafArgs,
  leafSums,
  type ReduceOp,
  type RunArgs,
  runSums,
  type ScanArgs,
  scanParts,
  treeLeaves,
} from './split.js';

/**
 * Input elements below which one thread is faster. Measured (npm run bench --
 * parallel --sweep, 2 threads over 1, float64 sum, load ~1.3 on 2 cores):
 * 0.18x at 2^16, 1.01x at 2^17, 1.30x at 2^18, 1.47x at 2^19, 1.55x at 2^20.
 */
const CUTOVER = 1 << 18;
/** Smallest block of input elements. */
const MIN_BLOCK = 1 << 15;
/** Blocks a large reduction aims for (uneven threads still finish together). */
const TARGET_BLOCKS = 64;

const TASK = sibling('./split.js', import.meta.url).href;
const REVIVER = sibling('../parallel/wire.js', import.meta.url).href;
pool.preload(TASK);

/**
 * Per-block results, reused by every call (calls do not overlap: a busy pool
 * runs nested calls serially), so that workers are not handed a new buffer
 * per call.
 */
let results: Float64Array = new Float64Array(0);

function resultSlots(count: number): Float64Array {
  if (results.length < count) {
    results = new Float64Array(new SharedArrayBuffer(8 * Math.max(count, 2 * TARGET_BLOCKS)));
  }
  return results;
}

const isShared = (b: ArrayBufferLike) =>
  typeof SharedArrayBuffer !== 'undefined' && b instanceof SharedArrayBuffer;

/** Runs shorter than this are summed on the calling thread (one result slot each). */
const MIN_SUMMED_RUN = 1024;

/** The pairwise sums of x's runs on the pool, added into acc[0] in order. */
function runsSum(x: NDArray, work: DType, acc: Float64Array, plan: IterPlan): boolean {
  const unit = unitOf(work);
  const nd = plan.shape.length;
  const n = plan.shape[nd - 1];
  if (n < MIN_SUMMED_RUN) return false;
  const runs = plan.size / n;
  const per = Math.ceil(Math.max(MIN_BLOCK, plan.size / TARGET_BLOCKS) / n);
  const args: RunArgs = {
    x: typedWindow(x.buffer, work) as Float64Array | Float32Array,
    shape: plan.shape,
    strides: plan.strides[0].map((s) => s / unit),
    offset: plan.offsets[0] / unit,
    per,
    sums: resultSlots(runs),
  };
  pool.run({
    url: TASK,
    name: 'runSums',
    run: runSums,
    args,
    blocks: partition(0, Math.ceil(runs / per), 1),
    restartable: true,
    routine: 'sum',
  });
  const single = work.itemsize === 4;
  let total = acc[0];
  for (let r = 0; r < runs; r++)
    total = single ? Math.fround(total + args.sums[r]) : total + args.sums[r];
  acc[0] = total;
  return true;
}

/**
 * A whole-array sum on the pool into acc[0]: one run along NumPy's tree cut
 * into leaves, several runs run by run.
 */
function wholeSum(x: NDArray, work: DType, acc: Float64Array, size: number): boolean {
  const plan = planIteration(x.shape, [{ strides: x.strides, offset: x.byteOffset }]);
  if (plan.shape.length !== 1) return runsSum(x, work, acc, plan);
  const unit = unitOf(work);
  const n = plan.shape[0];
  const most = Math.max(MIN_BLOCK, Math.ceil(size / TARGET_BLOCKS));
  const leaves = treeLeaves(n, most);
  const count = leaves.length / 2;
  const args: LeafArgs = {
    x: typedWindow(x.buffer, work) as Float64Array | Float32Array,
    xi: plan.offsets[0] / unit,
    xs: plan.strides[0][0] / unit,
    leaves,
    sums: resultSlots(count),
  };
  pool.run({
    url: TASK,
    name: 'leafSums',
    run: leafSums,
    args,
    blocks: partition(0, count, 1),
    restartable: true,
    routine: 'sum',
  });
  const single = work.itemsize === 4;
  const total = combineLeaves(n, most, args.sums, single);
  acc[0] = single ? Math.fround(acc[0] + total) : acc[0] + total;
  return true;
}

const isScan = (op: ReduceOp): op is Op => op in SCAN;

/** One run of x scanned in parts on the pool, their results scanned into acc[0]. */
function scanSplit(op: Op, x: NDArray, work: DType, acc: Float64Array, size: number): boolean {
  const plan = planIteration(x.shape, [{ strides: x.strides, offset: x.byteOffset }]);
  if (plan.shape.length !== 1) return false;
  const unit = unitOf(work);
  const n = plan.shape[0];
  const part = Math.max(MIN_BLOCK, Math.ceil(size / TARGET_BLOCKS));
  const count = Math.ceil(n / part);
  const args: ScanArgs = {
    op,
    x: typedWindow(x.buffer, work) as Numbers,
    xi: plan.offsets[0] / unit,
    xs: plan.strides[0][0] / unit,
    size: part,
    n,
    results: resultSlots(count),
  };
  pool.run({
    url: TASK,
    name: 'scanParts',
    run: scanParts,
    args,
    blocks: partition(0, count, 1),
    restartable: true,
    routine: op,
  });
  acc[0] = SCAN[op](args.results, acc[0], 0, count, 1);
  return true;
}

/** A whole-array reduction on the pool; false when it has no split (more than one run, products). */
function wholeArray(op: ReduceOp, key: BodyKey, x: NDArray, work: DType, acc: Float64Array) {
  if (op === 'sum' && key !== 'c') return wholeSum(x, work, acc, x.size);
  return isScan(op) && scanSplit(op, x, work, acc, x.size);
}

/**
 * Accumulates the reduction `op` of x (native, aligned, of the loop's
 * working dtype) into `acc` (laid out by `layout`, holding the initial
 * values), on the pool when it is large enough.
 */
export function driveReduce(
  op: ReduceOp,
  key: BodyKey,
  x: NDArray,
  work: DType,
  layout: AccLayout,
  where: NDArray | null,
  acc: Float64Array,
): void {
  const size = x.size;
  const usable =
    size >= CUTOVER &&
    pool.parallel &&
    isShared(x.buffer) &&
    isShared(acc.buffer) &&
    (where === null || isShared(where.buffer));
  if (usable && layout.size === 1) {
    if (where === null && wholeArray(op, key, x, work, acc)) return;
  } else if (usable) {
    const elements = Math.max(MIN_BLOCK, Math.ceil(size / TARGET_BLOCKS));
    const split = keptSplit(x, layout, elements, TARGET_BLOCKS);
    if (split !== null && split.count > 1) {
      const args: KeptArgs = { op, key, work: work.name, x, where, layout, split, acc };
      pool.run({
        url: TASK,
        name: 'keptBlocks',
        reviver: REVIVER,
        run: keptBlocks,
        args,
        wire: toWire(args),
        blocks: partition(0, split.count, 1),
        // A block adds into its accumulator slots: it cannot run twice.
        restartable: false,
        routine: op,
      });
      return;
    }
  }
  drive(x, unitOf(work), layout, where, bodyOf(op, key, acc, typedWindow(x.buffer, work)));
}
