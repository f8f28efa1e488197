// Level-3 benchmark: the real routines on the GEMM frame (symm, syrk, syr2k,
// trmm, trsm) against the reference TypeScript kernels they replace, single
// threaded, in the wasm variant chosen now (NDBLAS_DISABLE_FEATURES lowers
// it), with gemm of the same order for scale. Options: --sizes 256,512
// --routines syrk,trsm,trmm --types f64,f32 --repeats 3.

import { JS_KERNELS } from '../src/backends/js.js';
import { chooseVariant } from '../src/backends/wasm/features.js';
import { WASM_GEMM, WASM_LEVEL3 } from '../src/blas/dispatch-wasm.js';
import type { KernelCall, KernelOperand } from '../src/kernels/types.js';
import { timeJs } from './numpy.js';

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

/** Flops of one call of order n (every operand n x n), as LAPACK counts them. */
const FLOPS: Readonly<Record<string, (n: number) => number>> = {
  symm: (n) => 2 * n ** 3,
  syrk: (n) => n ** 3,
  syr2k: (n) => 2 * n ** 3,
  trmm: (n) => n ** 3,
  trsm: (n) => n ** 3,
};

function square(n: number, f32: boolean, diagonal = 0): KernelOperand {
  const data = f32 ? new Float32Array(n * n) : new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) data[i] = Math.random() * 2 - 1;
  for (let i = 0; i < n; i++) data[i * n + i] += diagonal;
  return { data, off: 0, st: [n, 1] };
}

/** One call of `routine` of order n: left side, upper triangle, non-unit diagonal. */
function callOf(routine: string, n: number, f32: boolean): KernelCall {
  const dims: Record<string, number> = routine.startsWith('syr') ? { n, k: n } : { m: n, n };
  // A dominant diagonal keeps repeated solves in place finite.
  const ops = {
    a: square(n, f32, routine === 'trsm' ? 2 * n : 0),
    b: square(n, f32),
    c: square(n, f32),
  };
  const options = { upper: true, left: true, unit: false, conj: {} };
  return { dims, ops, scalars: { alpha: 1, beta: 0.5 }, options };
}

export async function main(args: string[]): Promise<void> {
  const sizes = option(args, 'sizes', '256,512').split(',').map(Number);
  const routines = option(args, 'routines', 'syrk,trsm,trmm').split(',');
  const types = option(args, 'types', 'f64,f32').split(',');
  const repeats = Number(option(args, 'repeats', '3'));
  const v = chooseVariant();
  console.log(
    `wasm variant ${v.variant} (${v.reasons.join('; ')}), 1 thread, median of ${repeats}`,
  );
  console.log('routine  type     n   frame GFLOPS   ref GFLOPS   speed-up   gemm GFLOPS');
  for (const type of types) {
    const f32 = type === 'f32';
    for (const n of sizes) {
      const g = callOf('gemm', n, f32);
      const gemm = WASM_GEMM[`gemm:${type},${type}->${type}`];
      const gemmCall = { ...g, dims: { m: n, n, k: n }, scalars: { alpha: 1, beta: 0 } };
      const gemmRate = (2 * n ** 3) / timeJs(() => gemm(gemmCall), 2, repeats) / 1e9;
      for (const routine of routines) {
        const call = callOf(routine, n, f32);
        const sig = Object.keys(WASM_LEVEL3).find((s) => s.startsWith(`${routine}:${type}`))!;
        const frame = timeJs(
          () => WASM_LEVEL3[sig](call),
          Math.max(1, Math.round(2e8 / n ** 3)),
          repeats,
        );
        const reference = timeJs(() => JS_KERNELS[routine].real!(call), 1, repeats);
        const rate = (t: number) => (FLOPS[routine](n) / t / 1e9).toFixed(2).padStart(12);
        console.log(
          `${routine.padEnd(8)} ${type}  ${String(n).padStart(5)} ${rate(frame)} ${rate(reference)} ${`${(reference / frame).toFixed(1)}x`.padStart(10)} ${gemmRate.toFixed(2).padStart(13)}`,
        );
      }
    }
  }
}
