// `ndblas/parallel`: parallelFor runs a kernel of yours over the blocks of a
// range on worker threads that share your arrays' memory, for the loops no
// ufunc covers (the Mandelbrot escape-time loop of the seed). The kernel is an
// ES module exporting `(start, end, args) => void`; NDArrays in `args` arrive
// in each worker as NDArrays on the same SharedArrayBuffers. Block
// boundaries depend only on the range and the block size, so a kernel whose
// results depend only on its block gives the same bits on any thread count.

import { defaultBlockSize, partition } from './backends/threads/partition.js';
import { platform, sibling } from './backends/threads/platform.js';
import { pool, type ThreadInfo } from './backends/threads/pool.js';
import { fail } from './core/errors.js';
import { toWire } from './parallel/wire.js';

/** `n` for [0, n), or [start, end). */
export type Range = number | readonly [number, number];

/** What a kernel module exports: called once per block with the block's [start, end). */
export type Kernel<A> = (start: number, end: number, args: A) => void;

export interface ParallelOptions {
  /** Elements per block (default: the range split into about 64 blocks). */
  readonly blockSize?: number;
  /** The kernel's export name (default: 'default'). */
  readonly export?: string;
  /**
   * Whether the calling thread computes blocks too and blocks until the end
   * (default where allowed: Node, workers). With false, or on a browser's
   * main thread, only workers compute and the promise settles when they are
   * done; without Atomics.waitAsync the caller then runs every block itself.
   */
  readonly block?: boolean;
  /**
   * Whether a block may run again on the caller when a worker dies inside it
   * (default true: a block's writes must not depend on what it wrote before).
   * When false, such a death raises ThreadError ERR_THREAD_EXIT.
   */
  readonly restartable?: boolean;
}

const REVIVER = sibling('./parallel/wire.js', import.meta.url).href;

function kernelUrl(kernel: string | URL): string {
  if (kernel instanceof URL) return kernel.href;
  if (typeof kernel === 'string' && URL.canParse(kernel)) return kernel;
  throw fail(
    'ERR_ARGUMENT',
    'kernel',
    `expected the kernel module's absolute URL, e.g. new URL('./kernel.mjs', import.meta.url); got ${String(kernel)}`,
    'parallelFor',
  );
}

/**
 * Runs the kernel module's function on every block of `range`, on up to
 * getNumThreads() threads. A block that throws rejects with ThreadError
 * ERR_THREAD_TASK (the original error as `cause`) after the other blocks
 * stopped; the pool stays usable.
 */
export async function parallelFor<A extends object>(
  range: Range,
  kernel: string | URL,
  args: A,
  options: ParallelOptions = {},
): Promise<void> {
  const url = kernelUrl(kernel);
  const name = options.export ?? 'default';
  const fn = ((await import(url)) as Record<string, unknown>)[name];
  if (typeof fn !== 'function') {
    throw fail('ERR_ARGUMENT', 'kernel', `${url} exports no function '${name}'`, 'parallelFor');
  }
  const [start, end] = typeof range === 'number' ? [0, range] : range;
  const task = {
    url,
    name,
    reviver: REVIVER,
    run: fn as Kernel<A>,
    args,
    wire: toWire(args),
    blocks: partition(start, end, options.blockSize ?? defaultBlockSize(end - start)),
    restartable: options.restartable ?? true,
    routine: 'parallelFor',
  };
  const blocking = (options.block ?? true) && platform.canBlock;
  // Workers take tens of milliseconds to start and to import a kernel: that happens once, here.
  await pool.prepare(task, blocking);
  if (blocking) pool.run(task);
  else await pool.runAsync(task);
}

/**
 * Threads parallel work uses, the calling thread included (1: all on the calling thread).
 * The default is NDBLAS_NUM_THREADS, else the core count up to 8.
 */
export function setNumThreads(n: number): void {
  pool.threads = n;
}

export function getNumThreads(): number {
  return pool.threads;
}

/**
 * Ends the worker threads (after a running task) to return their memory; the
 * next parallel call starts them again. Idle workers never keep a process alive.
 */
export function stopThreads(): void {
  pool.stop();
}

/** The pool as it is now: threads, workers ready, and why work would stay on this thread. */
export function threadInfo(): ThreadInfo {
  return pool.info();
}

export type { ThreadInfo };
