// Wires the WebAssembly backend into the registry where the engine has
// WebAssembly: the blocked GEMM frame over the wasm macro-kernels, for the
// signatures whose kernel types they compute in (float16 operands arrive as
// float32, float32 inputs pack straight into float64 panels, complex products
// run on the real kernels). Problems
// below a size cut-over stay on the reference kernel: packing would dominate.

import { wasmMacroKernel } from '../backends/wasm/gemm.js';
import type { Kernel, KernelCall } from '../kernels/types.js';
import { type Blocking, blockedGemm, blockedGemmBatched } from './frame/gemm-blocked.js';
import { implementationOf, register } from './registry.js';

const BLOCKING: Readonly<Record<'f64' | 'f32', Blocking>> = {
  f64: { mc: 128, kc: 256, bBudget: 8 << 20 },
  f32: { mc: 128, kc: 512, bBudget: 8 << 20 },
};

/** m * n * k below which the reference kernel is faster than packing for wasm (measured). */
const CUTOVER = 16 * 16 * 16;

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

if (typeof (globalThis as { WebAssembly?: unknown }).WebAssembly === 'object') {
  for (const row of TABLE) {
    const reference = implementationOf(row.signature);
    const blocked = WASM_GEMM[row.signature];
    const kernel = reference === undefined ? blocked : withCutover(reference.kernel, blocked);
    register(row.signature, {
      backend: 'wasm',
      kernel,
      notes: `blocked gemm, ${row.type} macro-kernel`,
    });
  }
}
