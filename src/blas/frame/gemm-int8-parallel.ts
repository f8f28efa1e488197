// Parallel int8 GEMM (gemm:i8,i8->i32 and its batched form) over the int8
// driver: C is cut into blocks of whole columns (rows, when C is taller than
// wide) whose width depends only on the problem; each block is the serial
// blocked product on views of B and C (A and C), run by the thread pool on
// the calling thread and its workers, each with its own wasm instance. The
// arithmetic is exact int32 wrap-around, so any split gives the same bits.
// This module is also the task workers import (int8GemmBlocks).
import { partition } from '../../backends/threads/partition.js';
import { pool } from '../../backends/threads/pool.js';
import {
  disabledFeatures,
  type Feature,
  setDisabledFeatures,
} from '../../backends/wasm/features.js';
import { wasmInt8MacroKernel } from '../../backends/wasm/gemm-int8.js';
import type { Kernel, KernelCall, KernelOperand } from '../../kernels/types.js';
import { type Int8Blocking, int8Gemm } from './gemm-int8.js';

/** Most columns (or rows) of C per block: each block packs all of A (B) again. */
const WIDTH = 256;
/** Blocks are evened out in multiples of the register tile's width (NR 16; MR 2 divides it). */
const TILE = 16;
/**
 * Multiply-adds (batch * m * n * k) below which one thread is faster. Scaled
 * from the float64 measurement (two threads win from ~2M multiply-adds, ~270
 * us at 15 GFLOPS): the int8 kernel runs ~40 GOPS, so ~400 us is 8M. Not
 * re-measured for int8: the shared machine ran at load 6 on 2 cores, where
 * a second thread never helped.
 */
const PARALLEL_CUTOVER = 1 << 23;

interface Int8GemmArgs {
  readonly blocking: Int8Blocking;
  /** The caller's feature overrides: workers run the variant the caller was told to. */
  readonly disabled: readonly Feature[];
  /** The call; for a batch, axis 0 of every operand is the batch axis. */
  readonly call: KernelCall;
  readonly batched: boolean;
  /** The axis of C that blocks cut: 0 rows, 1 columns. */
  readonly axis: 0 | 1;
  /** Rows or columns per block (the last one may have fewer). */
  readonly width: number;
  readonly blocksPerMatrix: number;
}

const kernels = new Map<string, Kernel>();

/** The serial kernel for a blocking, one per thread. */
function serialKernel(b: Int8Blocking): Kernel {
  const key = `${b.mc}:${b.kc}:${b.bBudget}`;
  let k = kernels.get(key);
  if (k === undefined) {
    k = int8Gemm(wasmInt8MacroKernel, b);
    kernels.set(key, k);
  }
  return k;
}

const shift = (op: KernelOperand, by: number): KernelOperand => ({
  data: op.data,
  off: op.off + by,
  st: op.st,
});

/** Matrix `p` of a batch as a 2-D operand. */
const matrixOf = (op: KernelOperand, p: number): KernelOperand => ({
  data: op.data,
  off: op.off + p * op.st[0],
  st: op.st.slice(1),
});

/** Block `b` as a 2-D call: the block's columns of B and C, or its rows of A and C. */
function blockCall(g: Int8GemmArgs, b: number): KernelCall {
  const { call, axis } = g;
  const p = Math.floor(b / g.blocksPerMatrix);
  const first = (b % g.blocksPerMatrix) * g.width;
  const [a, bm, c] = (['a', 'b', 'c'] as const).map((name) =>
    g.batched ? matrixOf(call.ops[name], p) : call.ops[name],
  );
  const { m, n, k } = call.dims;
  const width = Math.min(g.width, (axis === 0 ? m : n) - first);
  const ops =
    axis === 0
      ? { a: shift(a, first * a.st[0]), b: bm, c: shift(c, first * c.st[0]) }
      : { a, b: shift(bm, first * bm.st[1]), c: shift(c, first * c.st[1]) };
  const dims = { m: axis === 0 ? width : m, n: axis === 0 ? n : width, k };
  return { dims, ops, scalars: call.scalars, options: call.options };
}

/** The task function: blocks [lo, hi) of a split product, on whichever thread runs it. */
export function int8GemmBlocks(lo: number, hi: number, g: Int8GemmArgs): void {
  if (disabledFeatures().join() !== g.disabled.join()) setDisabledFeatures(g.disabled);
  const kernel = serialKernel(g.blocking);
  for (let b = lo; b < hi; b++) kernel(blockCall(g, b));
}

// Workers import this module as they start: a worker's first block need not wait for it.
pool.preload(import.meta.url);

/** The int8 gemm (or gemmBatched) kernel: `serial` below the cut-over or without workers, else split. */
export function parallelInt8Gemm(serial: Kernel, blocking: Int8Blocking, batched: boolean): Kernel {
  return (call: KernelCall) => {
    const { m, n, k } = call.dims;
    const batch = batched ? call.dims.batch : 1;
    const axis = n >= m ? 1 : 0;
    const length = axis === 0 ? m : n;
    const blocksPerMatrix = Math.ceil(length / WIDTH);
    const width = Math.ceil(length / blocksPerMatrix / TILE) * TILE;
    if (batch * m * n * k < PARALLEL_CUTOVER || batch * blocksPerMatrix < 2 || !pool.parallel) {
      return serial(call);
    }
    const disabled = disabledFeatures();
    const args: Int8GemmArgs = { blocking, disabled, call, batched, axis, width, blocksPerMatrix };
    pool.run({
      url: import.meta.url,
      name: 'int8GemmBlocks',
      run: int8GemmBlocks,
      args,
      blocks: partition(0, batch * blocksPerMatrix, 1),
      // With beta = 0 a block does not read C, so running it again after a dead worker is exact.
      restartable: call.scalars.beta === 0,
      routine: batched ? 'gemmBatched' : 'gemm',
    });
    return undefined;
  };
}
