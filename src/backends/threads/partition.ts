// Splits a range [start, end) into blocks whose boundaries depend only on the
// range and a block size, never on the thread count; threads take blocks in
// any order from a shared counter. A computation that is a function of its
// block alone therefore gives bitwise-identical results on 1..N threads.
import { fail } from '../../core/errors.js';

export interface Blocks {
  readonly start: number;
  readonly end: number;
  /** Elements per block; the last block may be shorter. */
  readonly size: number;
  readonly count: number;
}

/** Blocks a default split aims for: enough to balance uneven blocks over several threads. */
const TARGET_BLOCKS = 64;

/** A block size chosen from the range length alone. */
export function defaultBlockSize(length: number): number {
  return Math.max(1, Math.ceil(length / TARGET_BLOCKS));
}

/** The blocks of [start, end) with `size` elements each (ERR_VALUE for a bad range or size). */
export function partition(
  start: number,
  end: number,
  size = defaultBlockSize(end - start),
): Blocks {
  for (const [name, v] of [
    ['start', start],
    ['end', end],
  ] as const) {
    if (!Number.isSafeInteger(v)) throw fail('ERR_VALUE', name, `expected an integer, got ${v}`);
  }
  if (end < start) throw fail('ERR_VALUE', 'end', `the range [${start}, ${end}) is reversed`);
  if (!Number.isSafeInteger(size) || size < 1)
    throw fail('ERR_VALUE', 'blockSize', `expected a positive integer, got ${size}`);
  const count = Math.ceil((end - start) / size);
  // Block indices travel through an Int32 counter.
  if (count > 0x3fffffff)
    throw fail('ERR_VALUE', 'blockSize', `${count} blocks are too many; use larger blocks`);
  return { start, end, size, count };
}

/** The range [lo, hi) of block `b`. */
export function blockRange(blocks: Blocks, b: number): [number, number] {
  const lo = blocks.start + b * blocks.size;
  return [lo, Math.min(blocks.end, lo + blocks.size)];
}

/** Takes block indices from the shared counter `ctl[next]` and runs them until none are left. */
export function claimBlocks(
  ctl: Int32Array,
  next: number,
  count: number,
  run: (b: number) => void,
) {
  for (let b = Atomics.add(ctl, next, 1); b < count; b = Atomics.add(ctl, next, 1)) run(b);
}
