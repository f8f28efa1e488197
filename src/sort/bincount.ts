// bincount: occurrences (or summed weights) of each non-negative integer.
import { dtypes } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import type { ArrayInput } from '../ndarray/create.js';
import { NDArray } from '../ndarray/ndarray.js';
import { asArray, type Flat, flat, fromFlat, indexArray } from './values.js';

/** The input of an integer-only routine: integer or bool arrays, or JavaScript lists of integers. */
function integerInput(x: ArrayInput, argument: string, routine: string): Flat {
  const a = asArray(x);
  const fromList = !(x instanceof NDArray) && a.dtype.kind === 'f';
  const f = flat(a, fromList ? dtypes.float64 : a.dtype);
  const integral =
    a.dtype.kind === 'b' ||
    a.dtype.kind === 'i' ||
    a.dtype.kind === 'u' ||
    (fromList && (f.data as Float64Array).every(Number.isSafeInteger));
  if (!integral) {
    throw fail(
      'ERR_CASTING',
      argument,
      `cannot cast array data from ${a.dtype} to int64 according to the rule 'safe'`,
      routine,
    );
  }
  if (a.ndim !== 1) {
    throw fail('ERR_SHAPE_MISMATCH', argument, `${argument} must be 1-D`, routine);
  }
  return f;
}

/**
 * Counts of each value in the non-negative integer array `x` (int64), or
 * the sums of `weights` per value (float64), at least `minlength` long.
 */
export function bincount(x: ArrayInput, weights: ArrayInput | null = null, minlength = 0): NDArray {
  if (!Number.isSafeInteger(minlength) || minlength < 0) {
    throw fail('ERR_VALUE', 'minlength', "'minlength' must not be negative", 'bincount');
  }
  const f = integerInput(x, 'x', 'bincount');
  const values = Array.from(f.data as ArrayLike<number | bigint>, Number);
  let length = minlength;
  for (const v of values) {
    if (v < 0) {
      throw fail('ERR_VALUE', 'x', "'x' argument must have no negative elements", 'bincount');
    }
    length = Math.max(length, v + 1);
  }
  // NumPy answers empty input with int64 zeros, weights or not.
  if (weights === null || values.length === 0) {
    const counts = new Float64Array(length);
    for (const v of values) counts[v]++;
    return indexArray(counts, [length]);
  }
  const w = asArray(weights);
  if (w.dtype.kind === 'c') {
    throw fail('ERR_UNSUPPORTED_DTYPE', 'weights', 'weights must be real', 'bincount');
  }
  if (w.ndim !== 1 || w.size !== values.length) {
    throw fail(
      'ERR_SHAPE_MISMATCH',
      'weights',
      "the weights and list don't have the same length",
      'bincount',
    );
  }
  const fw = flat(w, dtypes.float64).data as Float64Array;
  const sums = new Float64Array(length);
  values.forEach((v, i) => {
    sums[v] += fw[i];
  });
  return fromFlat({ dtype: dtypes.float64, repr: 'num', data: sums, n: length });
}
