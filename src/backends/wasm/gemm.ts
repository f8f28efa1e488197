// The wasm GEMM macro-kernels (float64 4x4, float32 4x8 register tiles) as
// the frame's MacroKernel: the instance for the chosen variant, its scratch
// memory, and the exported entry point.
import type { MacroKernel } from '../../blas/frame/gemm-blocked.js';
import { type KernelModuleName, SCRATCH_BASE, wasmInstance } from './instance.js';

type Entry = (
  mc: number,
  nc: number,
  kc: number,
  pa: number,
  sa: number,
  pb: number,
  sb: number,
  pc: number,
  ldc: number,
  first: number,
) => void;

interface MacroSpec {
  readonly module: KernelModuleName;
  readonly mr: number;
  readonly nr: number;
  readonly bytes: 4 | 8;
  readonly View: Float64ArrayConstructor | Float32ArrayConstructor;
}

const SPECS: Readonly<Record<'f64' | 'f32', MacroSpec>> = {
  f64: { module: 'gemm_f64', mr: 4, nr: 4, bytes: 8, View: Float64Array },
  f32: { module: 'gemm_f32', mr: 4, nr: 8, bytes: 4, View: Float32Array },
};

/** The macro-kernel for `type` on this thread, in the variant chosen now. */
export function wasmMacroKernel(type: 'f64' | 'f32'): MacroKernel {
  const s = SPECS[type];
  const inst = wasmInstance(s.module);
  const run = inst.exports[s.module] as Entry;
  let view = new s.View(inst.memory.buffer);
  return {
    mr: s.mr,
    nr: s.nr,
    bytes: s.bytes,
    base: SCRATCH_BASE,
    scratch(elements: number) {
      inst.ensure(SCRATCH_BASE + elements * s.bytes);
      if (view.buffer !== inst.memory.buffer) view = new s.View(inst.memory.buffer);
      return view;
    },
    run: (mc, nc, kc, pa, sa, pb, sb, pc, ldc, first) =>
      run(mc, nc, kc, pa, sa, pb, sb, pc, ldc, first ? 1 : 0),
  };
}

export const variantOf = (type: 'f64' | 'f32') => wasmInstance(SPECS[type].module).variant;
