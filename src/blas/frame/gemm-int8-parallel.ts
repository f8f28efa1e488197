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
import type { Kernel, KernelCall } from '../../kernels/types.js';
import { type Int8Blocking, int8Gemm } from './gemm-int8.js';
import { blockCall, type Split, splitOf } from './gemm-split.js';

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

interface Int8GemmArgs extends Split {
  readonly blocking: Int8Blocking;
  /** The caller's feature overrides: workers run the variant the caller was told to. */
  readonly disabled: readonly Feature[];
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
    const { split, blocks, work } = splitOf(call, batched, WIDTH, TILE);
    if (work < PARALLEL_CUTOVER || blocks < 2 || !pool.parallel) return serial(call);
    const args: Int8GemmArgs = { ...split, blocking, disabled: disabledFeatures() };
    pool.run({
      url: import.meta.url,
      name: 'int8GemmBlocks',
      run: int8GemmBlocks,
      args,
      blocks: partition(0, blocks, 1),
      // With beta = 0 a block does not read C, so running it again after a dead worker is exact.
      restartable: call.scalars.beta === 0,
      routine: batched ? 'gemmBatched' : 'gemm',
    });
    return undefined;
  };
}
