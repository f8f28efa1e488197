// Loops that run on wasm kernels instead of their compiled element operation:
// float64 and float32 exp and log stage chunks through the math_f64 module
// (src/backends/wasm/math.ts; float32 computes in float64 and rounds once). The
// compiled TypeScript loop over the kernel's scalar twin (src/kernels/ref/math.ts,
// the same bits) serves runs too short to pay for the copies.
import { type MathFunction, wasmUnaryF64 } from '../backends/wasm/math.js';
import type { Kernel } from './compile.js';
import type { Accelerate } from './types.js';

/**
 * Shorter runs stay on the compiled loop: a wasm call with its two copies
 * costs ~0.15 us, and the wasm run overtakes the loop at 16 elements (exp,
 * measured) to 20 (log).
 */
const WASM_MIN = 16;

/** The float64 or float32 loop of `name` on wasm, where this engine can instantiate it. */
export function wasmLoop(name: MathFunction, reference: (x: number) => number): Accelerate {
  return (compiled: Kernel) => {
    const run = wasmUnaryF64(name, reference);
    if (run === undefined) return undefined;
    return ((
      n: number,
      o: Float64Array | Float32Array,
      io: number,
      so: number,
      a: Float64Array | Float32Array,
      ia: number,
      sa: number,
    ) =>
      n < WASM_MIN ? compiled(n, o, io, so, a, ia, sa) : run(n, o, io, so, a, ia, sa)) as Kernel;
  };
}
