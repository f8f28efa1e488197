// Small deterministic operands for the linalg tests, and byte-level equality.
import assert from 'node:assert/strict';
import { array, type DTypeLike, type NDArray } from '../../src/index.js';

/**
 * A C-order array of `shape` with pseudo-random values in [-12.5, 12.5]:
 * multiples of 1/8 (exact in every float type; truncated for integer types),
 * or arbitrary doubles when `dyadic` is false.
 */
export function sample(
  shape: number[],
  dtype: DTypeLike = 'float64',
  seed = 1,
  dyadic = true,
): NDArray {
  const n = shape.reduce((p, d) => p * d, 1);
  let s = seed;
  const next = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
  const value = () => (dyadic ? Math.round((next() - 0.5) * 200) / 8 : (next() - 0.5) * 25);
  const a = array(Array.from({ length: n }, value));
  return a.reshape(shape).astype(dtype);
}

/** The bytes of an array's elements in C order. */
export function bytes(a: NDArray): Uint8Array {
  const c = a.copy();
  return new Uint8Array(c.buffer, c.byteOffset, c.nbytes);
}

/** Asserts equal dtype, shape and element bits. */
export function assertSame(got: NDArray, want: NDArray, message?: string): void {
  assert.equal(got.dtype.str, want.dtype.str, message);
  assert.deepEqual(got.shape, want.shape, message);
  assert.deepEqual(bytes(got), bytes(want), message);
}
