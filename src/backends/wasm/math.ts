// Drives the wasm float64 exp and log kernels (src/kernels/assembly/math_f64.ts)
// over a strided run of elements: array data lives outside wasm memory, so the
// run is copied into this thread's scratch in chunks (typed-array `set` when
// contiguous), computed there and copied out; the elements a chunk's kernel
// lists as outside its fast range (overflow, underflow, zero, negative,
// subnormal, non-finite) are recomputed with the reference function. float32
// runs widen on the way in and round once on the way out (typed-array `set`
// and stores convert), as a float32 loop over Math.exp/Math.log does.
import { chooseVariant, type VariantChoice } from './features.js';
import { SCRATCH_BASE, wasmInstance } from './instance.js';

export type MathFunction = 'exp' | 'log';

type Floats = Float64Array | Float32Array;

/**
 * `n` results `o[io + k so] = f(a[ia + k sa])`, indices and strides in
 * elements (a ufunc loop's operands, both float64 or both float32).
 */
export type UnaryRun = (
  n: number,
  o: Floats,
  io: number,
  so: number,
  a: Floats,
  ia: number,
  sa: number,
) => void;

type Entry = (n: number, src: number, dst: number, fix: number) => number;

/** Elements per chunk: 16 KiB in, 16 KiB out, stays in L1/L2 between the copies. */
const CHUNK = 2048;
const SRC = SCRATCH_BASE;
const DST = SRC + 8 * CHUNK;
const FIX = DST + 8 * CHUNK;
const END = FIX + 4 * CHUNK;

interface State {
  readonly choice: VariantChoice;
  readonly f64: Float64Array;
  readonly i32: Int32Array;
  readonly entries: Readonly<Record<MathFunction, Entry>>;
}

let state: State | undefined;

/** This thread's instance for the variant chosen now (looked up again when the choice changes). */
function scratch(): State {
  const choice = chooseVariant();
  if (state === undefined || state.choice !== choice) {
    const inst = wasmInstance('math_f64');
    inst.ensure(END);
    const e = inst.exports;
    state = {
      choice,
      f64: new Float64Array(inst.memory.buffer),
      i32: new Int32Array(inst.memory.buffer),
      entries: { exp: e.exp_f64 as Entry, log: e.log_f64 as Entry },
    };
  }
  return state;
}

/**
 * The run of `name` on the wasm kernel, with `reference` for the elements it
 * leaves out; undefined where the module cannot be instantiated (no
 * WebAssembly, or a Content Security Policy without 'wasm-unsafe-eval').
 */
export function wasmUnaryF64(
  name: MathFunction,
  reference: (x: number) => number,
): UnaryRun | undefined {
  try {
    scratch();
  } catch {
    return undefined;
  }
  return (n, o, io, so, a, ia, sa) => {
    const { f64, i32, entries } = scratch();
    const run = entries[name];
    const src = SRC / 8;
    const dst = DST / 8;
    for (let p = 0; p < n; p += CHUNK) {
      const m = Math.min(CHUNK, n - p);
      const from = ia + p * sa;
      if (sa === 1) f64.set(a.subarray(from, from + m), src);
      else for (let j = 0; j < m; j++) f64[src + j] = a[from + j * sa];
      const fixes = run(m, SRC, DST, FIX);
      const to = io + p * so;
      if (so === 1) o.set(f64.subarray(dst, dst + m), to);
      else for (let j = 0; j < m; j++) o[to + j * so] = f64[dst + j];
      for (let k = 0; k < fixes; k++) {
        const j = i32[FIX / 4 + k];
        o[to + j * so] = reference(f64[src + j]);
      }
    }
  };
}
