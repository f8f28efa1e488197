// Wires the wasm Level-1/2 kernels (backends/wasm/level12.ts) into the
// registry where the engine has WebAssembly: per signature, the wasm path when
// the call's layout copies by `set` and its size is above the routine's
// measured cut-over, else the reference kernel. Measured by
// `npm run bench -- level1` (see bench/level1.ts for the numbers).

// The reference kernels register first, whoever imports this module first: wasm takes precedence.
import './dispatch.js';
import { type L12Type, level12Kernel } from '../backends/wasm/level12.js';
import type { Kernel } from '../kernels/types.js';
import { implementationOf, register } from './registry.js';

type Routine = Parameters<typeof level12Kernel>[0];

/**
 * Elements (m * n for gemv and ger) from which the wasm path beats the
 * reference kernel (measured on contiguous data, both types, every variant:
 * below these the copies' fixed costs dominate).
 */
const CUTOVER: Readonly<Record<Routine, number>> = {
  dot: 64,
  axpy: 96,
  asum: 96,
  nrm2: 64,
  gemv: 100,
  ger: 100,
};

const TABLE: readonly { signature: string; routine: Routine; type: L12Type; width?: 2 }[] = [
  { signature: 'dot:f64,f64->f64', routine: 'dot', type: 'f64' },
  { signature: 'dot:f32,f32->f32', routine: 'dot', type: 'f32' },
  { signature: 'dot:f32,f32->f64', routine: 'dot', type: 'f32' },
  { signature: 'axpy:f64->f64', routine: 'axpy', type: 'f64' },
  { signature: 'axpy:f32->f32', routine: 'axpy', type: 'f32' },
  { signature: 'asum:f64->f64', routine: 'asum', type: 'f64' },
  { signature: 'asum:f32->f32', routine: 'asum', type: 'f32' },
  { signature: 'asum:c128->f64', routine: 'asum', type: 'f64', width: 2 },
  { signature: 'asum:c64->f32', routine: 'asum', type: 'f32', width: 2 },
  { signature: 'nrm2:f64->f64', routine: 'nrm2', type: 'f64' },
  { signature: 'nrm2:f32->f32', routine: 'nrm2', type: 'f32' },
  { signature: 'nrm2:c128->f64', routine: 'nrm2', type: 'f64', width: 2 },
  { signature: 'nrm2:c64->f32', routine: 'nrm2', type: 'f32', width: 2 },
  { signature: 'gemv:f64,f64->f64', routine: 'gemv', type: 'f64' },
  { signature: 'gemv:f32,f32->f32', routine: 'gemv', type: 'f32' },
  { signature: 'ger:f64,f64->f64', routine: 'ger', type: 'f64' },
  { signature: 'ger:f32,f32->f32', routine: 'ger', type: 'f32' },
];

/** The wasm paths by signature, with the layout test each call must pass. */
export const LEVEL12_KERNELS = Object.fromEntries(
  TABLE.map((row) => [row.signature, level12Kernel(row.routine, row.type, row.width)]),
);

/** Per signature: the wasm path wherever the layout allows, without the cut-over (for the twin tests and the benchmark). */
export const WASM_LEVEL12: Readonly<Record<string, Kernel>> = Object.fromEntries(
  TABLE.map((row) => {
    const k = LEVEL12_KERNELS[row.signature];
    const reference = implementationOf(row.signature)!.kernel;
    return [row.signature, (call) => (k.applies(call) ? k.run(call) : reference(call))];
  }),
);

if (typeof (globalThis as { WebAssembly?: unknown }).WebAssembly === 'object') {
  for (const row of TABLE) {
    const k = LEVEL12_KERNELS[row.signature];
    const reference = implementationOf(row.signature)!.kernel;
    const cut = CUTOVER[row.routine];
    register(row.signature, {
      backend: 'wasm',
      kernel: (call) => (k.work(call) >= cut && k.applies(call) ? k.run(call) : reference(call)),
      notes: `${row.routine} ${row.type} wasm on unit-stride data above ${cut} elements, else reference`,
    });
  }
}
