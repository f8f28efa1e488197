// A parallelFor kernel that calls a large ufunc and reductions itself: in a
// pool worker, and on the caller while the pool is busy, those calls must run
// serially (and give the serial bits).
import type { NDArray } from '../../../src/ndarray/ndarray.js';
import { sum } from '../../../src/reduce/index.js';
import { add } from '../../../src/ufunc/index.js';

/** out[b] = sum(x + b) for each block b (blocks of one index). */
export function sumsOfShifted(start: number, end: number, a: { x: NDArray; out: Float64Array }) {
  for (let b = start; b < end; b++) a.out[b] = sum(add(a.x, b)).item() as number;
}
