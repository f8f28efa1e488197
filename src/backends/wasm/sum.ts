// Drives the wasm pairwise-sum kernel (src/kernels/assembly/sum_f64.ts): one
// node of NumPy's summation tree over contiguous float64 is copied into this
// thread's scratch by typed-array `set` and summed there in NumPy's order.
// The caller (src/reduce/pairwise.ts) recurses above the node, so the sum is
// bitwise the same as the TypeScript twin's.
import { chooseVariant } from './features.js';
import { SCRATCH_BASE, wasmInstance } from './instance.js';

/** Largest node handed to the kernel, in elements (64 KiB: stays in L1/L2 between copy and sum). */
export const WASM_NODE = 8192;

interface State {
  readonly choice: object;
  readonly run: (x: number, n: number) => number;
  readonly mem: Float64Array;
}

let state: State | undefined;

function current(): State {
  const choice = chooseVariant();
  if (state === undefined || state.choice !== choice) {
    const inst = wasmInstance('sum_f64');
    inst.ensure(SCRATCH_BASE + WASM_NODE * 8);
    state = {
      choice,
      run: inst.exports.pairwise_f64 as State['run'],
      mem: new Float64Array(inst.memory.buffer),
    };
  }
  return state;
}

/** Whether this engine runs WebAssembly at all (else the TypeScript twin sums). */
export const wasmSumAvailable = (globalThis as { WebAssembly?: unknown }).WebAssembly !== undefined;

/** NumPy's pairwise sum of x[i .. i + n), n <= WASM_NODE. */
export function wasmPairwiseF64(x: Float64Array, i: number, n: number): number {
  const s = current();
  s.mem.set(x.subarray(i, i + n), SCRATCH_BASE / 8);
  return s.run(SCRATCH_BASE, n);
}
