// Sums of squared deviations for float64 var/std without the temporary array
// NumPy makes: when x is dense in its own memory order, the squares NumPy
// would store are visited in the same runs, so NumPy's pairwise tree over
// (x - mean)^2 computed on the fly gives the bits NumPy's sum of the stored
// squares gives. (A large temporary costs more in page faults than the sum.)
import { dtypes } from '../core/dtypes.js';
import { assign } from '../ndarray/assign.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { typedWindow } from '../ndarray/typed.js';
import { newFloat64 } from './common.js';
import { accLayout, accView, type Body, drive } from './driver.js';

const slots = new Float64Array(64);

/** NumPy's pairwise tree over (x[i + k*s] - c)^2, k < n; the sum lands in slots[k]. */
function node(x: Float64Array, i: number, n: number, s: number, c: number, k: number): void {
  if (n > 128) {
    let n2 = n >> 1;
    n2 -= n2 & 7;
    node(x, i, n2, s, c, k + 1);
    const left = slots[k + 1];
    node(x, i + n2 * s, n - n2, s, c, k + 1);
    slots[k] = left + slots[k + 1];
    return;
  }
  let p = i;
  if (n < 8) {
    let r = 0;
    for (let q = 0; q < n; q++, p += s) r += (x[p] - c) * (x[p] - c);
    slots[k] = r;
    return;
  }
  let e = x[p] - c;
  let r0 = e * e;
  e = x[p + s] - c;
  let r1 = e * e;
  e = x[p + 2 * s] - c;
  let r2 = e * e;
  e = x[p + 3 * s] - c;
  let r3 = e * e;
  e = x[p + 4 * s] - c;
  let r4 = e * e;
  e = x[p + 5 * s] - c;
  let r5 = e * e;
  e = x[p + 6 * s] - c;
  let r6 = e * e;
  e = x[p + 7 * s] - c;
  let r7 = e * e;
  const full = n - (n & 7);
  p += 8 * s;
  for (let q = 8; q < full; q += 8, p += 8 * s) {
    e = x[p] - c;
    r0 += e * e;
    e = x[p + s] - c;
    r1 += e * e;
    e = x[p + 2 * s] - c;
    r2 += e * e;
    e = x[p + 3 * s] - c;
    r3 += e * e;
    e = x[p + 4 * s] - c;
    r4 += e * e;
    e = x[p + 5 * s] - c;
    r5 += e * e;
    e = x[p + 6 * s] - c;
    r6 += e * e;
    e = x[p + 7 * s] - c;
    r7 += e * e;
  }
  let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
  for (let q = full; q < n; q++, p += s) res += (x[p] - c) * (x[p] - c);
  slots[k] = res;
}

function squaresBody(acc: Float64Array, x: Float64Array, mean: Float64Array): Body {
  return {
    run(ai, xi, n, xs) {
      node(x, xi, n, xs, mean[ai], 0);
      acc[ai] += slots[0];
    },
    row(ai, as, xi, xs, n) {
      for (let k = 0; k < n; k++, ai += as, xi += xs) {
        const d = x[xi] - mean[ai];
        acc[ai] += d * d;
      }
    },
  };
}

/** Whether x (native float64) is dense in its own memory order, so its runs are those of the squares. */
export function fusable(x: NDArray): boolean {
  if (x.dtype !== dtypes.float64 || x.byteOffset % 8 !== 0) return false;
  const order = x.shape
    .map((_, i) => i)
    .filter((i) => x.shape[i] > 1)
    .sort((a, b) => Math.abs(x.strides[a]) - Math.abs(x.strides[b]));
  let s = 8;
  for (const i of order) {
    if (x.strides[i] !== s) return false;
    s *= x.shape[i];
  }
  return true;
}

/**
 * sum((x - mean)^2) over the reduced axes of a fusable float64 x, `mean`
 * keepdims-shaped; the result in the accumulator layout (keepdims shape).
 */
export function squaresSum(
  x: NDArray,
  reduced: readonly boolean[],
  where: NDArray | null,
  mean: NDArray,
): NDArray {
  const layout = accLayout(x, reduced);
  const center = newFloat64(layout.size);
  assign(accView(layout, center.buffer, dtypes.float64), mean);
  const acc = newFloat64(layout.size);
  drive(
    x,
    8,
    layout,
    where,
    squaresBody(acc, typedWindow(x.buffer, x.dtype) as Float64Array, center),
  );
  return accView(layout, acc.buffer, dtypes.float64);
}
