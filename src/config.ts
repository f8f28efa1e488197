// `ndblas/config`: what this build is and how it runs, for bug reports.
// showConfig() prints it; config() returns the same facts as data.

import { pool, type ThreadInfo } from './backends/threads/pool.js';
import {
  chooseVariant,
  disabledFeatures,
  type Feature,
  setDisabledFeatures,
} from './backends/wasm/features.js';
import { capabilities } from './blas/index.js';
import { sharedMemory } from './ndarray/buffer.js';

export interface ConfigReport {
  readonly version: string;
  readonly platform: string;
  /** Array memory: SharedArrayBuffer (shareable with workers) or ArrayBuffer. */
  readonly memory: 'SharedArrayBuffer' | 'ArrayBuffer';
  readonly webassembly: boolean;
  readonly backends: readonly string[];
  /** The thread pool: threads per parallel call, workers running, why calls would stay serial. */
  readonly threads: ThreadInfo;
}

export const VERSION = '0.1.0';

function platform(): string {
  const proc = (globalThis as { process?: { versions?: { node?: string }; arch?: string } })
    .process;
  if (proc?.versions?.node) return `Node.js ${proc.versions.node} (${proc.arch})`;
  const nav = (globalThis as { navigator?: { userAgent?: string } }).navigator;
  return nav?.userAgent ?? 'unknown JavaScript engine';
}

export function config(): ConfigReport {
  return {
    version: VERSION,
    platform: platform(),
    memory: sharedMemory ? 'SharedArrayBuffer' : 'ArrayBuffer',
    webassembly: typeof (globalThis as { WebAssembly?: unknown }).WebAssembly === 'object',
    backends: [
      'js (reference TypeScript kernels)',
      'wasm (blocked GEMM and Level 3, Level 1/2, exp/log, sum)',
    ],
    threads: pool.info(),
  };
}

/** Threads per parallel call and what runs them (setNumThreads, NDBLAS_NUM_THREADS). */
function threadSummary(t: ThreadInfo): string {
  if (t.serialReason !== '')
    return `${t.threads}, but calls run on the calling thread: ${t.serialReason}`;
  return `${t.threads} (${t.platform}; ${t.workers} worker(s) started; gemm, large ufuncs and reductions above size cut-overs)`;
}

/** The wasm kernel classes: one module each, all compiled in the variant chosen below. */
const KERNEL_CLASSES =
  'gemm f64 4x4, gemm f32 4x8, gemm i8->i32 2x16, trmm/trsm diagonal blocks, Level 1/2 (dot, axpy, asum, nrm2, gemv, ger), exp/log, pairwise sum';

/** The variant every wasm kernel class runs, and why. */
function wasmSummary(): string {
  if (typeof (globalThis as { WebAssembly?: unknown }).WebAssembly !== 'object')
    return 'none (no WebAssembly)';
  const c = chooseVariant();
  const off = disabledFeatures();
  return `${KERNEL_CLASSES}: ${c.variant} (${c.reasons.join('; ')})${off.length ? `; disabled: ${off.join(', ')}` : ''}`;
}

/** Routines and signatures per backend, and what is absent (from blas capabilities()). */
function blasSummary(): string {
  const rows = capabilities();
  const present = rows.filter((r) => r.backend !== null);
  const routines = new Set(present.map((r) => r.routine)).size;
  const perBackend = Object.entries(
    present.reduce<Record<string, number>>((acc, r) => {
      acc[r.backend as string] = (acc[r.backend as string] ?? 0) + 1;
      return acc;
    }, {}),
  )
    .map(([b, n]) => `${b} ${n}`)
    .join(', ');
  const absent = rows.filter((r) => r.backend === null).map((r) => r.routine);
  const signatures = new Set(present.map((r) => r.signature)).size;
  return `${routines} routines, ${signatures} signatures (implementations: ${perBackend}); absent: ${absent.join(', ')}`;
}

/** The configuration as text (NumPy's show_config), also printed when `print` is true. */
export function showConfig(print = true): string {
  const c = config();
  const text = [
    `ndblas ${c.version}`,
    `  platform:    ${c.platform}`,
    `  memory:      ${c.memory}`,
    `  webassembly: ${c.webassembly ? 'available' : 'absent'}`,
    `  backends:    ${c.backends.join(', ')}`,
    `  threads:     ${threadSummary(c.threads)}`,
    `  wasm kernels: ${wasmSummary()}`,
    `  blas:        ${blasSummary()}`,
  ].join('\n');
  if (print) console.log(text);
  return text;
}

/**
 * Forces lower wasm kernel variants, like NDBLAS_DISABLE_FEATURES=relaxed-simd,simd
 * (NumPy's NPY_DISABLE_CPU_FEATURES); applies to kernels compiled afterwards.
 */
export function disableFeatures(features: readonly Feature[]): void {
  setDisabledFeatures(features);
}

export { getNumThreads, setNumThreads } from './parallel.js';
export type { Feature };
