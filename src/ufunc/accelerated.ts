// Loops that run on wasm kernels instead of their compiled element operation:
// float64 exp and log stage chunks through the math_f64 module
// (src/backends/wasm/math.ts). The compiled TypeScript loop stays their
// reference twin, and serves runs too short to pay for the copies.
import { type MathFunction, wasmUnaryF64 } from '../backends/wasm/math.js';
import type { Kernel } from './compile.js';
import type { Accelerate } from './types.js';

/** Shorter runs stay on the compiled loop (a wasm call and two copies cost ~0.2 us). */
const WASM_MIN = 64;

/** The float64 loop of `name` on wasm, where WebAssembly exists. */
export function wasmLoop(name: MathFunction, reference: (x: number) => number): Accelerate {
  return (compiled: Kernel) => {
    if (typeof WebAssembly === 'undefined') return undefined;
    const run = wasmUnaryF64(name, reference);
    return ((
      n: number,
      o: Float64Array,
      io: number,
      so: number,
      a: Float64Array,
      ia: number,
      sa: number,
    ) =>
      n < WASM_MIN ? compiled(n, o, io, so, a, ia, sa) : run(n, o, io, so, a, ia, sa)) as Kernel;
  };
}
