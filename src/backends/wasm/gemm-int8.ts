// The wasm int8 GEMM macro-kernel (int16-pair panels, 2x16 int32 register
// tile) as the int8 frame's Int8MacroKernel: the instance for the chosen
// variant, views of its scratch memory, and the exported entry point.
import type { Int8MacroKernel } from '../../blas/frame/gemm-int8.js';
import { SCRATCH_BASE, wasmInstance } from './instance.js';

type Entry = (
  mc: number,
  nc: number,
  kp: number,
  pa: number,
  sa: number,
  pb: number,
  sb: number,
  pc: number,
  ldc: number,
  first: number,
) => void;

const tileSize = (exports: Record<string, unknown>, name: string) =>
  (exports[name] as WebAssembly.Global).value as number;

/** The int8 macro-kernel on this thread, in the variant chosen now. */
export function wasmInt8MacroKernel(): Int8MacroKernel {
  const inst = wasmInstance('gemm_i8');
  const run = inst.exports.gemm_i8 as Entry;
  let view = new Int32Array(inst.memory.buffer);
  return {
    mr: tileSize(inst.exports, 'GEMM_I8_MR'),
    nr: tileSize(inst.exports, 'GEMM_I8_NR'),
    base: SCRATCH_BASE,
    scratch(bytes: number) {
      inst.ensure(SCRATCH_BASE + bytes);
      if (view.buffer !== inst.memory.buffer) view = new Int32Array(inst.memory.buffer);
      return view;
    },
    run: (mc, nc, kp, pa, sa, pb, sb, pc, ldc, first) =>
      run(mc, nc, kp, pa, sa, pb, sb, pc, ldc, first ? 1 : 0),
  };
}
