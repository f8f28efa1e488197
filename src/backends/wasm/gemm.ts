// The wasm GEMM macro-kernels (float64 4x4, float32 4x8 register tiles) as
// the frame's MacroKernel: the instance for the chosen variant, its memory
// (a staging area, then the frame's scratch), and the exported entry points
// (macro-kernel, packing from staging, write-back combine). One object per
// type and variant on this thread: calls allocate nothing here.
import type { MacroKernel, Scratch } from '../../blas/frame/gemm-blocked.js';
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

/**
 * Staging bytes (gemm-staging.ts): 1 MiB, so runs are long (few `set` calls;
 * float32 as well as float64) while a staged block still sits in L3 for the packing.
 */
const STAGING_BYTES = 1 << 20;

const made = new Map<string, MacroKernel>();

function make(s: MacroSpec): MacroKernel {
  const inst = wasmInstance(s.module);
  const x = inst.exports;
  const run = x[s.module] as Entry;
  const suffix = s.module.slice(-3);
  const pack = x[`pack_${suffix}`] as MacroKernel['pack'];
  const combine = x[`combine_${suffix}`] as MacroKernel['combine'];
  const base = SCRATCH_BASE + STAGING_BYTES;
  let view: Scratch = new s.View(inst.memory.buffer);
  return {
    mr: s.mr,
    nr: s.nr,
    bytes: s.bytes,
    base,
    staging: SCRATCH_BASE,
    stagingElements: STAGING_BYTES / s.bytes,
    scratch(elements: number) {
      inst.ensure(base + elements * s.bytes);
      if (view.buffer !== inst.memory.buffer) view = new s.View(inst.memory.buffer);
      return view;
    },
    run: (mc, nc, kc, pa, sa, pb, sb, pc, ldc, first) =>
      run(mc, nc, kc, pa, sa, pb, sb, pc, ldc, first ? 1 : 0),
    pack,
    combine,
  };
}

/** The macro-kernel for `type` on this thread, in the variant chosen now. */
export function wasmMacroKernel(type: 'f64' | 'f32'): MacroKernel {
  const s = SPECS[type];
  const key = `${type}:${wasmInstance(s.module).variant}`;
  let mk = made.get(key);
  if (mk === undefined) {
    mk = make(s);
    made.set(key, mk);
  }
  return mk;
}
