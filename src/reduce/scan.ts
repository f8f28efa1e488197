// The scans of min, max, fmin and fmax over real numbers: NumPy's
// maximum/minimum reductions (NaN wins and stops the scan; among equal values
// the later one) and fmax/fmin (NaN skipped), the start values the first
// element always replaces, and the kernel body that applies a scan. A scan
// continued from another scan's result gives the scan of the concatenation,
// which is what lets the thread pool scan blocks and then their results.
import type { Body } from './driver.js';

export type Op = 'min' | 'max' | 'fmin' | 'fmax';

export type Numbers = Float64Array | Float32Array | Int32Array;
export type Scan = (x: Numbers, a: number, i: number, n: number, s: number) => number;

/**
 * The accumulator `a` after n elements, per operation. min/max replace it
 * unless it is strictly better or NaN (a NaN stays, so the scan can stop);
 * fmin/fmax keep it when it is better or equal, or the element is NaN.
 */
export const SCAN: Readonly<Record<Op, Scan>> = {
  min: (x, a, i, n, s) => {
    for (let k = 0; k < n; k++, i += s) {
      if (a < x[i]) continue;
      if (Number.isNaN(a)) break;
      a = x[i];
    }
    return a;
  },
  max: (x, a, i, n, s) => {
    for (let k = 0; k < n; k++, i += s) {
      if (a > x[i]) continue;
      if (Number.isNaN(a)) break;
      a = x[i];
    }
    return a;
  },
  fmin: (x, a, i, n, s) => {
    for (let k = 0; k < n; k++, i += s) if (!(a <= x[i]) && !Number.isNaN(x[i])) a = x[i];
    return a;
  },
  fmax: (x, a, i, n, s) => {
    for (let k = 0; k < n; k++, i += s) if (!(a >= x[i]) && !Number.isNaN(x[i])) a = x[i];
    return a;
  },
};

export const SENTINEL: Readonly<Record<Op, number>> = {
  min: Number.POSITIVE_INFINITY,
  max: Number.NEGATIVE_INFINITY,
  fmin: Number.NaN,
  fmax: Number.NaN,
};

export function numberBody(acc: Float64Array, x: Numbers, scan: Scan): Body {
  return {
    run(ai, xi, n, xs) {
      acc[ai] = scan(x, acc[ai], xi, n, xs);
    },
    row(ai, as, xi, xs, n) {
      for (let k = 0; k < n; k++, ai += as, xi += xs) acc[ai] = scan(x, acc[ai], xi, 1, 1);
    },
  };
}
