// Parallel GEMM over the blocked frame: C is cut into blocks of whole columns
// (rows, when C is taller than wide) of a width that depends only on the
// problem, each block is the blocked wasm gemm on views of B and C (A and C),
// and the thread pool runs the blocks on the calling thread and its workers,
// each with its own wasm instance and scratch. Every element of C goes
// through the same packing, depth blocking and micro-kernel in whichever
// block holds it, so results are bitwise those of the serial kernel on any
// thread count. This module is also the task workers import (gemmBlocks).

import { partition } from '../../backends/threads/partition.js';
import { pool } from '../../backends/threads/pool.js';
import {
  chooseVariant,
  disabledFeatures,
  type Feature,
  setDisabledFeatures,
} from '../../backends/wasm/features.js';
import { wasmMacroKernel } from '../../backends/wasm/gemm.js';
import type { Kernel, KernelCall, KernelScalar } from '../../kernels/types.js';
import { type Blocking, blockedGemm } from './gemm-blocked.js';
import { blockCall, type Split, splitOf } from './gemm-split.js';

type MacroType = 'f64' | 'f32';

/**
 * Most columns (or rows) of C per block: each block packs all of A (B) again,
 * which costs ~4% at 256 (measured against 128: 8%); blocks are evened out
 * below that, in multiples of 8 (every register tile's width).
 */
const WIDTH = 256;
/**
 * Multiply-adds (batch * m * n * k) below which one thread is faster: a
 * parallel call costs 20-40 us, and two threads win from ~2M (measured: 1.06x
 * at 512x64x64, 1.3x at 4M, 1.6x at 8M).
 */
const PARALLEL_CUTOVER = 1 << 22;

interface GemmArgs extends Split {
  readonly type: MacroType;
  readonly blocking: Blocking;
  /** The caller's kernel variant and overrides: every thread must compute alike. */
  readonly variant: string;
  readonly disabled: readonly Feature[];
}

const kernels = new Map<string, Kernel>();

/** The serial blocked kernel for a macro-kernel type and blocking, one per thread. */
function serialKernel(type: MacroType, blocking: Blocking): Kernel {
  const key = `${type}:${blocking.mc}:${blocking.kc}:${blocking.bBudget}`;
  let k = kernels.get(key);
  if (k === undefined) {
    k = blockedGemm(() => wasmMacroKernel(type), blocking);
    kernels.set(key, k);
  }
  return k;
}

/** The task function: blocks [lo, hi) of a split gemm, on whichever thread runs it. */
export function gemmBlocks(lo: number, hi: number, g: GemmArgs): void {
  if (disabledFeatures().join() !== g.disabled.join()) setDisabledFeatures(g.disabled);
  const variant = chooseVariant().variant;
  if (variant !== g.variant) {
    throw new Error(`this thread runs the ${variant} kernels, the caller ${g.variant}`);
  }
  const kernel = serialKernel(g.type, g.blocking);
  for (let b = lo; b < hi; b++) kernel(blockCall(g, b));
}

// Workers import this module as they start: a worker's first gemm block need not wait for it.
pool.preload(import.meta.url);

const isZero = (s: KernelScalar) => (typeof s === 'number' ? s === 0 : s.re === 0 && s.im === 0);

/**
 * The gemm (or gemmBatched) kernel for a macro-kernel type: `serial` below the
 * cut-over or when the pool would not use workers, else split across threads.
 */
export function parallelGemm(
  serial: Kernel,
  type: MacroType,
  blocking: Blocking,
  batched: boolean,
): Kernel {
  return (call: KernelCall) => {
    const { split, blocks, work } = splitOf(call, batched, WIDTH, 8);
    if (work < PARALLEL_CUTOVER || blocks < 2 || !pool.parallel) return serial(call);
    const args: GemmArgs = {
      ...split,
      type,
      blocking,
      variant: chooseVariant().variant,
      disabled: disabledFeatures(),
    };
    pool.run({
      url: import.meta.url,
      name: 'gemmBlocks',
      run: gemmBlocks,
      args,
      blocks: partition(0, blocks, 1),
      // With beta = 0 a block does not read C, so running it again after a dead worker is exact.
      restartable: isZero(call.scalars.beta),
      routine: batched ? 'gemmBatched' : 'gemm',
    });
    return undefined;
  };
}
