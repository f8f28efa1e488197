// Wires the WebAssembly backend into the registry where the engine has
// WebAssembly: the blocked GEMM frame over the wasm macro-kernels, for the
// signatures whose kernel types they compute in (float16 operands arrive as
// float32, float32 inputs pack straight into float64 panels, complex products
// run on the real kernels). Problems
// below a size cut-over stay on the reference kernel: packing would dominate.
// The other Level-3 routines, real and complex (symm/hemm, syrk/herk,
// syr2k/her2k, trmm, trsm), run on the same blocked gemm
// (frame/level3-blocked.ts, frame/triangular-blocked.ts), with their own cut-over.
// Large gemm calls split across the thread pool (frame/gemm-parallel.ts).

// The reference kernels register first, whoever imports this module first: wasm takes precedence.
import './dispatch.js';
import { wasmMacroKernel } from '../backends/wasm/gemm.js';
import { wasmInt8MacroKernel } from '../backends/wasm/gemm-int8.js';
import { wasmDiagonal } from '../backends/wasm/triangular.js';
import type { Kernel, KernelCall } from '../kernels/types.js';
import { type Blocking, blockedGemm, blockedGemmBatched } from './frame/gemm-blocked.js';
import { type Int8Blocking, int8Gemm, int8GemmBatched } from './frame/gemm-int8.js';
import { parallelInt8Gemm } from './frame/gemm-int8-parallel.js';
import { parallelGemm } from './frame/gemm-parallel.js';
import {
  BLOCKED_SYMMETRIC,
  BLOCKED_SYMMETRIC_COMPLEX,
  type BlockedRoutine,
} from './frame/level3-blocked.js';
import { blockedTriangular } from './frame/triangular-blocked.js';
import { implementationOf, register } from './registry.js';

const BLOCKING: Readonly<Record<'f64' | 'f32', Blocking>> = {
  f64: { mc: 128, kc: 256, bBudget: 8 << 20 },
  f32: { mc: 128, kc: 512, bBudget: 8 << 20 },
};

/** m * n * k below which the reference kernel beats packing for wasm (measured: crossover near n = 10). */
const CUTOVER = 1000;

function withCutover(small: Kernel, large: Kernel): Kernel {
  return (call: KernelCall) =>
    call.dims.m * call.dims.n * call.dims.k < CUTOVER ? small(call) : large(call);
}

const TABLE: readonly { signature: string; type: 'f64' | 'f32'; batched: boolean }[] = [
  { signature: 'gemm:f64,f64->f64', type: 'f64', batched: false },
  { signature: 'gemm:f32,f32->f64', type: 'f64', batched: false },
  { signature: 'gemm:f32,f32->f32', type: 'f32', batched: false },
  { signature: 'gemm:f16,f16->f32', type: 'f32', batched: false },
  { signature: 'gemm:f16,f16->f16', type: 'f32', batched: false },
  { signature: 'gemm:c128,c128->c128', type: 'f64', batched: false },
  { signature: 'gemm:c64,c64->c64', type: 'f32', batched: false },
  { signature: 'gemmBatched:f64,f64->f64', type: 'f64', batched: true },
  { signature: 'gemmBatched:f32,f32->f64', type: 'f64', batched: true },
  { signature: 'gemmBatched:f32,f32->f32', type: 'f32', batched: true },
  { signature: 'gemmBatched:f16,f16->f32', type: 'f32', batched: true },
  { signature: 'gemmBatched:f16,f16->f16', type: 'f32', batched: true },
  { signature: 'gemmBatched:c128,c128->c128', type: 'f64', batched: true },
  { signature: 'gemmBatched:c64,c64->c64', type: 'f32', batched: true },
];

/** The blocked wasm kernels by signature, without the cut-over (their tests call them directly). */
export const WASM_GEMM: Readonly<Record<string, Kernel>> = Object.fromEntries(
  TABLE.map((row) => {
    const make = row.batched ? blockedGemmBatched : blockedGemm;
    return [row.signature, make(() => wasmMacroKernel(row.type), BLOCKING[row.type])];
  }),
);

type Level3Type = 'f64' | 'f32' | 'c128' | 'c64';

/** The Level-3 routines on the frame by the kind of their data. */
const LEVEL3: Readonly<Record<'real' | 'complex', Readonly<Record<string, BlockedRoutine>>>> = {
  real: { ...BLOCKED_SYMMETRIC, ...blockedTriangular(wasmDiagonal, false) },
  complex: { ...BLOCKED_SYMMETRIC_COMPLEX, ...blockedTriangular(wasmDiagonal, true) },
};

/**
 * Multiply-adds (real or complex) below which the reference Level-3 kernels
 * are faster (measured: order ~12 for each real routine; complex symm/hemm
 * ~10, syrk/herk ~15, syr2k/her2k and trmm/trsm ~16).
 */
const LEVEL3_CUTOVER = 2048;

const LEVEL3_ROUTINES: Readonly<Record<Level3Type, readonly string[]>> = {
  f64: ['symm', 'syrk', 'syr2k', 'trmm', 'trsm'],
  f32: ['symm', 'syrk', 'syr2k', 'trmm', 'trsm'],
  c128: ['symm', 'hemm', 'syrk', 'herk', 'syr2k', 'her2k', 'trmm', 'trsm'],
  c64: ['symm', 'hemm', 'syrk', 'herk', 'syr2k', 'her2k', 'trmm', 'trsm'],
};

/** Signature of a routine on one type: the rank-k updates and triangular routines take one input array. */
const level3Signature = (routine: string, t: Level3Type): string =>
  ['syrk', 'herk', 'trmm', 'trsm'].includes(routine)
    ? `${routine}:${t}->${t}`
    : `${routine}:${t},${t}->${t}`;

/** Level-3 routines on the frame: every real and complex one. */
const LEVEL3_TABLE: readonly {
  signature: string;
  routine: string;
  type: Level3Type;
  kind: 'real' | 'complex';
}[] = (Object.keys(LEVEL3_ROUTINES) as Level3Type[]).flatMap((type) =>
  LEVEL3_ROUTINES[type].map((routine) => ({
    signature: level3Signature(routine, type),
    routine,
    type,
    kind: type.startsWith('c') ? ('complex' as const) : ('real' as const),
  })),
);

/** The blocked Level-3 kernels by signature, without the cut-over (their tests call them directly). */
export const WASM_LEVEL3: Readonly<Record<string, Kernel>> = Object.fromEntries(
  LEVEL3_TABLE.map((row) => [
    row.signature,
    LEVEL3[row.kind][row.routine].make(WASM_GEMM[`gemm:${row.type},${row.type}->${row.type}`]),
  ]),
);

if (typeof (globalThis as { WebAssembly?: unknown }).WebAssembly === 'object') {
  for (const row of TABLE) {
    const reference = implementationOf(row.signature);
    const serial = WASM_GEMM[row.signature];
    const blocked = parallelGemm(serial, row.type, BLOCKING[row.type], row.batched);
    const kernel = reference === undefined ? blocked : withCutover(reference.kernel, blocked);
    register(row.signature, {
      backend: 'wasm',
      kernel,
      notes: `blocked gemm, ${row.type} macro-kernel, threads above a cut-over`,
    });
  }
  for (const row of LEVEL3_TABLE) {
    const reference = implementationOf(row.signature)?.kernel;
    const blocked = WASM_LEVEL3[row.signature];
    const { work } = LEVEL3[row.kind][row.routine];
    register(row.signature, {
      backend: 'wasm',
      kernel:
        reference === undefined
          ? blocked
          : (call) => (work(call) < LEVEL3_CUTOVER ? reference(call) : blocked(call)),
      notes: `${row.routine} on the blocked gemm frame, ${row.type} gemm`,
    });
  }
}

/** int8 -> int32: int16-pair micro-panels of kc = 512 steps take 4 KiB (A) and 8 KiB (B). */
const INT8_BLOCKING: Int8Blocking = { mc: 128, kc: 512, bBudget: 8 << 20 };

/** m * n * k below which the reference kernel is faster (measured: crossover between n = 8 and 10). */
const INT8_CUTOVER = 700;

const INT8_TABLE: readonly { signature: string; make: typeof int8Gemm; batched: boolean }[] = [
  { signature: 'gemm:i8,i8->i32', make: int8Gemm, batched: false },
  { signature: 'gemmBatched:i8,i8->i32', make: int8GemmBatched, batched: true },
];

/** The blocked wasm int8 kernels by signature, without the cut-over (their tests call them directly). */
export const WASM_GEMM_INT8: Readonly<Record<string, Kernel>> = Object.fromEntries(
  INT8_TABLE.map((row) => [row.signature, row.make(wasmInt8MacroKernel, INT8_BLOCKING)]),
);

if (typeof (globalThis as { WebAssembly?: unknown }).WebAssembly === 'object') {
  for (const row of INT8_TABLE) {
    const reference = implementationOf(row.signature)?.kernel;
    const blocked = parallelInt8Gemm(WASM_GEMM_INT8[row.signature], INT8_BLOCKING, row.batched);
    const fast = (call: KernelCall) => call.dims.m * call.dims.n * call.dims.k >= INT8_CUTOVER;
    register(row.signature, {
      backend: 'wasm',
      kernel:
        reference === undefined
          ? blocked
          : (call) => (fast(call) ? blocked(call) : reference(call)),
      notes:
        'blocked gemm, int8 macro-kernel (int16 pairs, int32 wrap-around), threads above a cut-over',
    });
  }
}
