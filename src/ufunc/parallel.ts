// Large ufunc calls on the thread pool: above a measured size the call is cut
// into blocks (split.ts) that the calling thread and the pool's workers run
// with the same compiled loop, workers finding the definition by name
// (registry.ts) in the task module blocks.ts. Results are those of the serial
// loop, bit for bit, on any thread count; errstate flags from every block are
// or-ed into one shared word and reported by the caller. Calls stay on the
// calling thread when the pool would not use workers, when an operand's
// memory is not shared or not aligned, or when the definition is not in the
// registry.
import { partition } from '../backends/threads/partition.js';
import { sibling } from '../backends/threads/platform.js';
import { pool } from '../backends/threads/pool.js';
import { mayOverlap } from '../ndarray/assign.js';
import { planIteration } from '../ndarray/iter.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { unitOf } from '../ndarray/typed.js';
import { toWire } from '../parallel/wire.js';
import type { Kernel } from './compile.js';
import { watchedFlags } from './errstate.js';
import { alignedTo } from './operands.js';
import { isRegistered } from './registry.js';
import type { ResolvedLoop } from './resolve.js';
import { runLoops } from './run.js';
import { type BlockCall, runBlocks, splitPlan } from './split.js';
import type { UfuncDef } from './types.js';

/**
 * Elements below which one thread is faster. Measured (npm run bench --
 * parallel --sweep, 2 threads over 1, float64 add, load ~1.3 on 2 cores):
 * 0.23x at 2^16, 0.34x at 2^17, 1.08x at 2^18, 1.19x at 2^19, 1.47x at 2^22.
 * On a machine loaded beyond its cores a split call waits for descheduled
 * workers and can lose at any size.
 */
const CUTOVER = 1 << 18;
/** Smallest block: a few hundred KiB of operands, tens of microseconds of work. */
const MIN_BLOCK = 1 << 15;
/** Blocks a large call aims for, so that threads of uneven speed still finish together. */
const TARGET_BLOCKS = 64;

const TASK = sibling('./blocks.js', import.meta.url).href;
const REVIVER = sibling('../parallel/wire.js', import.meta.url).href;
pool.preload(TASK);

/**
 * The word blocks or their flags into, reused by every call (calls do not
 * overlap: a busy pool runs nested calls serially), so that workers are not
 * handed a new buffer per call.
 */
let flagWord: Int32Array | undefined;

const isShared = (a: NDArray) =>
  typeof SharedArrayBuffer !== 'undefined' && a.buffer instanceof SharedArrayBuffer;

/**
 * Whether blocks of `a` are staged (or not) as the whole is: a block of an
 * unaligned view may happen to be aligned, and then its runs would not be
 * chunked as the serial call's are.
 */
const splittable = (a: NDArray) => isShared(a) && alignedTo(a, unitOf(a.dtype));

/**
 * `runLoops` for the call, split over the pool when it is large enough and
 * the pool is usable; returns the watched exception flags.
 */
export function runUfunc(
  def: UfuncDef,
  kernel: Kernel,
  loop: ResolvedLoop,
  target: NDArray,
  views: readonly NDArray[],
  mask: NDArray | undefined,
): number {
  const arrays = mask === undefined ? [target, ...views] : [target, ...views, mask];
  const size = target.size;
  if (size < CUTOVER || !pool.parallel || !isRegistered(def) || !arrays.every(splittable)) {
    return runLoops(def, kernel, loop, target, views, mask);
  }
  const plan = planIteration(
    target.shape,
    arrays.map((a) => ({ strides: a.strides, offset: a.byteOffset })),
  );
  const split = splitPlan(plan, Math.max(MIN_BLOCK, Math.ceil(size / TARGET_BLOCKS)));
  if (split.count < 2) return runLoops(def, kernel, loop, target, views, mask);
  const watched = watchedFlags();
  flagWord ??= new Int32Array(new SharedArrayBuffer(4));
  const flags = flagWord;
  Atomics.store(flags, 0, 0);
  const masked = mask !== undefined;
  const call: BlockCall = { def, kernel, loop, arrays, masked, split, watched, flags };
  const wire = {
    name: def.name,
    index: loop.index,
    types: [...loop.inputs, loop.output].map((d) => d.name),
    arrays: toWire(arrays),
    masked,
    split,
    watched,
    flags,
  };
  pool.run({
    url: TASK,
    name: 'ufuncBlocks',
    reviver: REVIVER,
    run: runBlocks,
    args: call,
    wire,
    blocks: partition(0, split.count, 1),
    // An in-place call (output = an input) must not run a block twice.
    restartable: !arrays.slice(1).some((a) => mayOverlap(target, a)),
    routine: def.name,
  });
  return Atomics.load(flags, 0) & watched;
}
