// Cuts a ufunc call into blocks for the thread pool, and runs blocks on
// whichever thread holds them. The cut is made on the coalesced iteration
// (memory order): the outermost axis one of whose indices holds no more than
// a block's elements is cut into chunks, the axes outside it are enumerated.
// Block boundaries depend on the shapes and strides only, never on the
// thread count, and each block is an ordinary call of the serial loop on
// views of the operands, so every element is computed by the same code.
import type { DType } from '../core/dtypes.js';
import type { IterPlan } from '../ndarray/iter.js';
import { NDArray } from '../ndarray/ndarray.js';
import type { Kernel } from './compile.js';
import type { ResolvedLoop } from './resolve.js';
import { runLoops } from './run.js';
import type { UfuncDef } from './types.js';

export interface Split {
  /** The coalesced iteration; operands are the output, the inputs, then the mask. */
  readonly plan: IterPlan;
  /** The plan axis the blocks cut. */
  readonly axis: number;
  /** Indices of `axis` per block (the last block of a line has the rest: up to twice as many). */
  readonly width: number;
  /** Blocks per line (per index of the axes outside `axis`). */
  readonly perLine: number;
  readonly count: number;
}

/**
 * Blocks cut along the innermost axis start at multiples of runLoops' chunk
 * (2048 elements) from the start of their line, and a line's last block takes
 * the remainder: every chunk a kernel sees is then as in the serial call, and
 * no block leaves a short tail. (Results no longer depend on it: wasm exp/log
 * and their TypeScript twin for short runs give the same bits.)
 */
const ALIGN = 2048;

/** The blocks of `plan` with about `elements` elements each (at least one index of the cut axis). */
export function splitPlan(plan: IterPlan, elements: number): Split {
  const nd = plan.shape.length;
  if (nd === 0) return { plan, axis: 0, width: 1, perLine: 1, count: 1 };
  let axis = nd - 1;
  let inner = 1;
  while (axis > 0 && inner * plan.shape[axis] <= elements) inner *= plan.shape[axis--];
  const extent = plan.shape[axis];
  let width = Math.max(1, Math.floor(elements / inner));
  if (axis === nd - 1) width = Math.ceil(width / ALIGN) * ALIGN;
  width = Math.min(width, extent);
  const perLine = Math.floor(extent / width);
  let lines = 1;
  for (let d = 0; d < axis; d++) lines *= plan.shape[d];
  return { plan, axis, width, perLine, count: lines * perLine };
}

/** The operands' views of block `b` (same buffers and dtypes as `arrays`). */
export function blockViews(arrays: readonly NDArray[], s: Split, b: number): NDArray[] {
  const { plan, axis } = s;
  const offsets = plan.offsets.slice();
  let line = Math.floor(b / s.perLine);
  for (let d = axis - 1; d >= 0; d--) {
    const i = line % plan.shape[d];
    line = (line - i) / plan.shape[d];
    for (let k = 0; k < offsets.length; k++) offsets[k] += i * plan.strides[k][d];
  }
  const k = b % s.perLine;
  const first = k * s.width;
  const count = k === s.perLine - 1 ? plan.shape[axis] - first : s.width;
  const shape = [count, ...plan.shape.slice(axis + 1)];
  return arrays.map(
    (a, k) =>
      new NDArray({
        buffer: a.buffer,
        byteOffset: offsets[k] + first * plan.strides[k][axis],
        shape,
        strides: plan.strides[k].slice(axis),
        dtype: a.dtype,
      }),
  );
}

/** What every thread needs to run blocks of one call. */
export interface BlockCall {
  readonly def: UfuncDef;
  readonly kernel: Kernel;
  readonly loop: ResolvedLoop;
  /** The output, the inputs and (if masked) the mask, all of the call's shape. */
  readonly arrays: readonly NDArray[];
  readonly masked: boolean;
  readonly split: Split;
  /** The errstate classes the caller watches. */
  readonly watched: number;
  /** One shared word the blocks' exception flags are or-ed into. */
  readonly flags: Int32Array;
}

/** Runs blocks [lo, hi) of a call. */
export function runBlocks(lo: number, hi: number, c: BlockCall): void {
  const nin = c.def.nin;
  let flags = 0;
  for (let b = lo; b < hi; b++) {
    const v = blockViews(c.arrays, c.split, b);
    const mask = c.masked ? v[nin + 1] : undefined;
    flags |= runLoops(c.def, c.kernel, c.loop, v[0], v.slice(1, nin + 1), mask, c.watched);
  }
  if (flags !== 0) Atomics.or(c.flags, 0, flags);
}

/** The loop a call resolved to, rebuilt from its definition, index and dtypes. */
export function loopOf(def: UfuncDef, index: number, types: readonly DType[]): ResolvedLoop {
  const inputs = types.slice(0, -1);
  return {
    loop: def.loops[index],
    index,
    inputs,
    output: types[types.length - 1],
    effective: inputs,
  };
}
