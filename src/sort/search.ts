// searchsorted and digitize: binary search in NumPy's sort order (NaNs last,
// complex lexicographic), comparing in the common dtype of both operands.
import { type DType, dtypes } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import { promoteWeak, resultType } from '../core/promotion.js';
import { type ArrayInput, array } from '../ndarray/create.js';
import { NDArray } from '../ndarray/ndarray.js';
import { LESS } from './order.js';
import { allocate, asArray, type Flat, flat, indexArray } from './values.js';

export type Side = 'left' | 'right';

export interface SearchOptions {
  /** 'left' (default): first position where v fits; 'right': last. */
  readonly side?: Side;
  /** Indices that sort `a` (argsort), when `a` itself is not sorted. */
  readonly sorter?: ArrayInput | null;
}

/**
 * The dtype a JavaScript scalar searches in against an array of `d`: floats
 * keep the array's precision (NEP 50); integers compare exactly with integers.
 */
function scalarType(d: DType, v: unknown): DType {
  const integral = typeof v === 'bigint' || (typeof v === 'number' && Number.isInteger(v));
  if (d.kind === 'f' || d.kind === 'c' || !integral) {
    const weak = typeof v === 'boolean' ? 'bool' : typeof v === 'object' ? 'complex' : 'float';
    return promoteWeak(d, integral ? 'int' : weak);
  }
  return BigInt(v as number | bigint) > 2n ** 63n - 1n ? dtypes.uint64 : dtypes.int64;
}

function isScalar(v: unknown): boolean {
  return !(v instanceof NDArray) && !Array.isArray(v) && !ArrayBuffer.isView(v);
}

/** `a`'s elements permuted by `order` (validated as NumPy validates sorter). */
function applySorter(fa: Flat, sorter: ArrayInput, routine: string): Flat {
  const s = asArray(sorter);
  if (s.dtype.kind === 'f' && sorter instanceof NDArray) {
    throw fail('ERR_ARGUMENT', 'sorter', 'sorter must only contain integers', routine);
  }
  if (s.size !== fa.n || s.ndim !== 1) {
    throw fail('ERR_SHAPE_MISMATCH', 'sorter', 'sorter.size must equal a.size', routine);
  }
  const order = Int32Array.from(s.toArray() as (number | bigint | boolean)[], (v) => {
    const k = Number(v);
    if (!Number.isInteger(k) || k < 0 || k >= fa.n) {
      throw fail('ERR_INDEX_OUT_OF_BOUNDS', 'sorter', 'Sorter index out of range.', routine);
    }
    return k;
  });
  const per = fa.repr === 'cplx' ? 2 : 1;
  const data = allocate(fa.dtype, fa.n);
  for (let i = 0; i < fa.n; i++) {
    for (let c = 0; c < per; c++) data[per * i + c] = fa.data[per * order[i] + c];
  }
  return { ...fa, data };
}

/**
 * Indices (int64, v's shape) where the elements of `v` would be inserted
 * into the sorted 1-D `a` to keep it sorted, as np.searchsorted.
 */
export function searchsorted(a: ArrayInput, v: unknown, options: SearchOptions = {}): NDArray {
  return search(a, v, options, 'searchsorted');
}

function search(a: ArrayInput, v: unknown, options: SearchOptions, routine: string): NDArray {
  const side = options.side ?? 'left';
  if (side !== 'left' && side !== 'right') {
    throw fail(
      'ERR_OPTION',
      'side',
      `search side must be 'left' or 'right' (got '${String(side)}')`,
      routine,
    );
  }
  const arr = asArray(a);
  if (arr.ndim !== 1) throw fail('ERR_SHAPE_MISMATCH', 'a', 'a must be 1-D', routine);
  const values = isScalar(v) ? array(v, { dtype: scalarType(arr.dtype, v) }) : asArray(v);
  const common = resultType(arr.dtype, values.dtype);
  let fa = flat(arr, common);
  if (options.sorter !== undefined && options.sorter !== null) {
    fa = applySorter(fa, options.sorter, routine);
  }
  const fv = flat(values, common);
  const less = LESS[fa.repr];
  const out = new Float64Array(fv.n);
  for (let j = 0; j < fv.n; j++) {
    let lo = 0;
    let hi = fa.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const before =
        side === 'left' ? less(fa.data, mid, fv.data, j) : !less(fv.data, j, fa.data, mid);
      if (before) lo = mid + 1;
      else hi = mid;
    }
    out[j] = lo;
  }
  return indexArray(out, values.shape);
}

/**
 * The bin of each element of `x` (int64, x's shape), as np.digitize: bins
 * monotonically increasing or decreasing; `right` makes bins closed on the right.
 */
export function digitize(x: ArrayInput, bins: ArrayInput, right = false): NDArray {
  const xs = isScalar(x) ? array(x) : asArray(x);
  if (xs.dtype.kind === 'c') {
    throw fail('ERR_UNSUPPORTED_DTYPE', 'x', 'x may not be complex', 'digitize');
  }
  const b = asArray(bins);
  if (b.ndim !== 1) throw fail('ERR_SHAPE_MISMATCH', 'bins', 'bins must be 1-D', 'digitize');
  const mono = monotonicity(flat(b, dtypes.float64).data as Float64Array);
  if (mono === 0) {
    throw fail(
      'ERR_VALUE',
      'bins',
      'bins must be monotonically increasing or decreasing',
      'digitize',
    );
  }
  const side: Side = right ? 'left' : 'right';
  if (mono === 1) return search(b, xs, { side }, 'digitize');
  const found = search(b.flip(), xs, { side }, 'digitize');
  const idx = flat(found).data as BigInt64Array;
  const n = BigInt(b.size);
  return indexArray(
    Array.from(idx, (k) => Number(n - k)),
    found.shape,
  );
}

/** 1 for non-decreasing, -1 for non-increasing, 0 otherwise (compared as doubles, as NumPy). */
function monotonicity(b: Float64Array): number {
  let i = 1;
  while (i < b.length && b[i] === b[i - 1]) i++;
  if (i >= b.length) return 1;
  const increasing = b[i - 1] < b[i];
  for (i++; i < b.length; i++) {
    if (increasing ? b[i - 1] > b[i] : b[i - 1] < b[i]) return 0;
  }
  return increasing ? 1 : -1;
}
