// Test kernels for the pool: each records which thread ran which block, so the
// tests can check that blocks ran exactly once and that workers took part.
import type { NDArray } from '../../../src/ndarray/ndarray.js';

interface WorkerThreads {
  threadId: number;
  isMainThread: boolean;
}
const wt = process.getBuiltinModule('node:worker_threads') as WorkerThreads;

/** Keeps a thread busy for `ms` milliseconds (so that several threads take blocks). */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

/**
 * Sums x[start, end) in order into partial[b] (b = start / blockSize), adds
 * 1 to runs[b] and stores the thread id in who[b].
 */
export function sumBlocks(
  start: number,
  end: number,
  a: {
    x: NDArray;
    partial: Float64Array;
    runs: Int32Array;
    who: Int32Array;
    size: number;
    ms: number;
  },
): void {
  const b = start / a.size;
  let s = 0;
  for (let i = start; i < end; i++) s += a.x.item(i) as number;
  a.partial[b] = s;
  Atomics.add(a.runs, b, 1);
  a.who[b] = wt.threadId;
  spin(a.ms);
}

/** Throws a RangeError in block [bad, bad + 1) (blocks of one element). */
export function throwsAt(start: number, _end: number, a: { bad: number; runs: Int32Array }): void {
  Atomics.add(a.runs, start, 1);
  spin(1);
  if (start === a.bad) throw new RangeError(`bad block ${start}`);
}

/**
 * Ends the first worker thread that runs a block, inside the block (after a
 * first write, as a crash would), once per `died` flag. `hook: false` ends it
 * without its exit handlers (as terminate() would), which only the worker's
 * exit event can notice.
 */
export function exitsInWorker(
  start: number,
  _end: number,
  a: { out: Int32Array; runs: Int32Array; died: Int32Array; hook: boolean },
): void {
  a.out[start] = -1;
  Atomics.add(a.runs, start, 1);
  if (!wt.isMainThread && Atomics.compareExchange(a.died, 0, 0, 1) === 0) {
    if (!a.hook) process.removeAllListeners('exit');
    process.exit(7);
  }
  spin(wt.isMainThread ? 2 : 0);
  a.out[start] = start * 10;
}

/** Writes i * scale at i. */
export function fill(start: number, end: number, a: { out: NDArray; scale: number }): void {
  for (let i = start; i < end; i++) a.out.set(i, i * a.scale);
}

/** Writes a tagged JSON text of the args it received into its 1024-byte slot of `out`. */
export function echo(
  start: number,
  _end: number,
  a: { probe: unknown; out: Uint8Array; who: Int32Array },
): void {
  const text = JSON.stringify(a.probe, (_k, v) => {
    if (typeof v === 'bigint') return `big:${v}`;
    if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))) {
      return `num:${Object.is(v, -0) ? '-0' : v}`;
    }
    if (ArrayBuffer.isView(v)) return `${v.constructor.name}:${v.byteOffset}:${v.byteLength}`;
    if (v instanceof SharedArrayBuffer) return `sab:${v.byteLength}`;
    return v;
  });
  a.out.set(new TextEncoder().encode(text), start * 1024);
  a.who[start] = wt.threadId;
  spin(2);
}
