// Views that rearrange or add axes without copying: atleast1d/2d/3d,
// moveaxis, rot90 and broadcastArrays, as NumPy returns views for them.
import { fail } from '../core/errors.js';
import { broadcastShapes, normalizeAxes, normalizeAxis } from '../core/shape.js';
import { type ArrayLike, asArray } from '../indexing/take.js';
import type { NDArray } from '../ndarray/ndarray.js';

type Raise = (a: NDArray) => NDArray;

/** How each function raises arrays of fewer dimensions (index = ndim). */
const RAISE: Readonly<Record<1 | 2 | 3, readonly Raise[]>> = {
  1: [(a) => a.reshape([1])],
  2: [(a) => a.reshape([1, 1]), (a) => a.slice(null)],
  3: [(a) => a.reshape([1, 1, 1]), (a) => a.slice(null, ':', null), (a) => a.slice('...', null)],
};

function atleast(n: 1 | 2 | 3, arys: readonly ArrayLike[]): NDArray | NDArray[] {
  const out = arys.map((x) => {
    const a = asArray(x);
    return a.ndim < n ? RAISE[n][a.ndim](a) : a;
  });
  return out.length === 1 ? out[0] : out;
}

/** NumPy's atleast_1d: 0-d arrays become shape (1,); one array in, one out, else a list. */
export function atleast1d(a: ArrayLike): NDArray;
export function atleast1d(...arys: ArrayLike[]): NDArray | NDArray[];
export function atleast1d(...arys: ArrayLike[]): NDArray | NDArray[] {
  return atleast(1, arys);
}

/** NumPy's atleast_2d: (n,) becomes (1, n), 0-d becomes (1, 1). */
export function atleast2d(a: ArrayLike): NDArray;
export function atleast2d(...arys: ArrayLike[]): NDArray | NDArray[];
export function atleast2d(...arys: ArrayLike[]): NDArray | NDArray[] {
  return atleast(2, arys);
}

/** NumPy's atleast_3d: (n,) becomes (1, n, 1), (m, n) becomes (m, n, 1), 0-d (1, 1, 1). */
export function atleast3d(a: ArrayLike): NDArray;
export function atleast3d(...arys: ArrayLike[]): NDArray | NDArray[];
export function atleast3d(...arys: ArrayLike[]): NDArray | NDArray[] {
  return atleast(3, arys);
}

/** NumPy's moveaxis: a view with the `source` axes moved to `destination`, the rest in order. */
export function moveaxis(
  a: ArrayLike,
  source: number | readonly number[],
  destination: number | readonly number[],
): NDArray {
  const arr = asArray(a);
  const src = normalizeAxes(typeof source === 'number' ? [source] : source, arr.ndim, 'source');
  const dst = normalizeAxes(
    typeof destination === 'number' ? [destination] : destination,
    arr.ndim,
    'destination',
  );
  if (src.length !== dst.length) {
    throw fail(
      'ERR_AXIS',
      'destination',
      '`source` and `destination` arguments must have the same number of elements',
      'moveaxis',
    );
  }
  const order = arr.shape.map((_, k) => k).filter((k) => !src.includes(k));
  const pairs = dst.map((d, i) => [d, src[i]]).sort((x, y) => x[0] - y[0]);
  for (const [d, s] of pairs) order.splice(d, 0, s);
  return arr.transpose(order);
}

/** NumPy's rot90: a view rotated by 90 degrees k times in the plane of `axes`. */
export function rot90(m: ArrayLike, k = 1, axes: readonly number[] = [0, 1]): NDArray {
  const a = asArray(m);
  if (axes.length !== 2) throw fail('ERR_AXIS', 'axes', 'len(axes) must be 2.', 'rot90');
  const [p, q] = axes;
  if (p === q || Math.abs(p - q) === a.ndim)
    throw fail('ERR_AXIS', 'axes', 'Axes must be different.', 'rot90');
  if (p >= a.ndim || p < -a.ndim || q >= a.ndim || q < -a.ndim) {
    throw fail(
      'ERR_AXIS',
      'axes',
      `Axes=(${p}, ${q}) out of range for array of ndim=${a.ndim}.`,
      'rot90',
    );
  }
  const turns = ((k % 4) + 4) % 4;
  if (turns === 0) return a.slice('...');
  if (turns === 2) return a.flip(p).flip(q);
  const perm = a.shape.map((_, i) => i);
  const [i, j] = [normalizeAxis(p, a.ndim), normalizeAxis(q, a.ndim)];
  [perm[i], perm[j]] = [perm[j], perm[i]];
  return turns === 1 ? a.flip(q).transpose(perm) : a.transpose(perm).flip(q);
}

/**
 * NumPy's broadcast_arrays: every array viewed at the common shape. Arrays
 * already of that shape come back as they are; broadcast views are read-only
 * (NumPy marks them writeable with a deprecation warning on write).
 */
export function broadcastArrays(...arrays: ArrayLike[]): NDArray[] {
  const arrs = arrays.map(asArray);
  const shape = broadcastShapes(
    arrs.map((a) => a.shape),
    'arrays',
    'broadcastArrays',
  );
  return arrs.map((a) =>
    a.ndim === shape.length && a.shape.every((d, k) => d === shape[k]) ? a : a.broadcastTo(shape),
  );
}
