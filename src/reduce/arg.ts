// argmin, argmax, nanargmin, nanargmax: int64 indices of the first extreme
// along one axis (or of the C-order flattened array), scanning each slice as
// NumPy's argfuncs do: the first NaN wins (complex: a NaN in either part);
// the nan* versions count NaN as +Inf (argmin) or -Inf (argmax), as NumPy's
// replacement does, and refuse slices that are all NaN.
import { dtypes, isBigInt } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import { forEachRun, planIteration } from '../ndarray/iter.js';
import { empty, type NDArray } from '../ndarray/ndarray.js';
import { typedWindow, unitOf } from '../ndarray/typed.js';
import { native } from './common.js';
import { asArray, checkOut, deliver, type OutOption, singleAxis } from './options.js';

export interface ArgOptions extends OutOption {
  /** The axis to search along; null or undefined searches the flattened array. */
  readonly axis?: number | null;
  readonly keepdims?: boolean;
}

type Scan = (x: never, i: number, n: number, s: number) => number;
const ALL_NAN = -1;

/**
 * NumPy's argmax/argmin of real values: the first strictly better element
 * replaces the best, and the first NaN wins at once.
 */
const FIRST: Readonly<Record<1 | -1, Scan>> = {
  1: (x: Float64Array, i, n, s) => {
    let best = 0;
    let m = x[i];
    if (Number.isNaN(m)) return 0;
    for (let k = 1, p = i + s; k < n; k++, p += s) {
      if (x[p] <= m) continue;
      if (Number.isNaN(x[p])) return k;
      m = x[p];
      best = k;
    }
    return best;
  },
  [-1]: (x: Float64Array, i, n, s) => {
    let best = 0;
    let m = x[i];
    if (Number.isNaN(m)) return 0;
    for (let k = 1, p = i + s; k < n; k++, p += s) {
      if (x[p] >= m) continue;
      if (Number.isNaN(x[p])) return k;
      m = x[p];
      best = k;
    }
    return best;
  },
};

/** The nan* versions: NaN counts as the worst value (-Inf for argmax); an all-NaN slice is flagged. */
function scanNaN(sign: 1 | -1): Scan {
  const worst = sign * Number.NEGATIVE_INFINITY;
  return (x: Float64Array, i, n, s) => {
    let best = 0;
    let m = worst;
    let seen = false;
    for (let k = 0, p = i; k < n; k++, p += s) {
      const v = Number.isNaN(x[p]) ? worst : x[p];
      seen ||= !Number.isNaN(x[p]);
      if (k === 0 || sign * v > sign * m) {
        m = v;
        best = k;
      }
    }
    return seen ? best : ALL_NAN;
  };
}

function scanBig(sign: 1 | -1): Scan {
  return (x: BigInt64Array, i, n, s) => {
    let best = 0;
    let m = x[i];
    for (let k = 1, p = i + s; k < n; k++, p += s) {
      if (sign > 0 ? x[p] > m : x[p] < m) {
        m = x[p];
        best = k;
      }
    }
    return best;
  };
}

/** NumPy's complex argmax/argmin: lexicographic, first NaN-bearing element wins. */
function scanComplex(sign: 1 | -1, nan: boolean): Scan {
  const worst = sign * Number.NEGATIVE_INFINITY;
  return (x: Float64Array, i, n, s) => {
    let best = -1;
    let mr = 0;
    let mi = 0;
    for (let k = 0, p = i; k < n; k++, p += s) {
      let vr = x[p];
      let vi = x[p + 1];
      if (Number.isNaN(vr) || Number.isNaN(vi)) {
        if (!nan) return k;
        vr = worst;
        vi = 0;
      }
      const better = sign * vr > sign * mr || (vr === mr && sign * vi > sign * mi);
      if (best < 0 || better) {
        mr = vr;
        mi = vi;
        best = k;
      }
    }
    return nan && best >= 0 && allNaN(x, i, n, s) ? ALL_NAN : best;
  };
}

function allNaN(x: Float64Array, i: number, n: number, s: number): boolean {
  for (let k = 0, p = i; k < n; k++, p += s)
    if (!Number.isNaN(x[p]) && !Number.isNaN(x[p + 1])) return false;
  return true;
}

function arg(routine: string, sign: 1 | -1, nan: boolean, a: unknown, options: ArgOptions) {
  const x0 = asArray(a, routine);
  const axis = singleAxis(options.axis, x0.ndim, routine);
  const keep = options.keepdims ?? false;
  const shape =
    axis === null
      ? keep
        ? x0.shape.map(() => 1)
        : []
      : x0.shape.flatMap((d, i) => (i !== axis ? [d] : keep ? [1] : []));
  checkOut(options.out, shape, routine);
  if (options.out !== undefined && options.out.dtype.name !== 'int64') {
    throw fail('ERR_CASTING', 'out', `the indices are int64, out is ${options.out.dtype}`, routine);
  }
  const moved =
    axis === null
      ? x0.reshape([x0.size])
      : x0.transpose([...x0.shape.keys()].filter((i) => i !== axis).concat([axis]));
  const n = moved.shape[moved.ndim - 1];
  const name = sign > 0 ? 'argmax' : 'argmin';
  if (n === 0) throw fail('ERR_VALUE', 'a', `attempt to get ${name} of an empty sequence`, routine);
  const x = native(moved, moved.dtype.name === 'float16' ? dtypes.float32 : moved.dtype);
  const unit = unitOf(x.dtype);
  const scan = (
    isBigInt(x.dtype)
      ? scanBig(sign)
      : x.dtype.kind === 'c'
        ? scanComplex(sign, nan)
        : nan && x.dtype.kind === 'f'
          ? scanNaN(sign)
          : FIRST[sign]
  ) as (x: unknown, i: number, n: number, s: number) => number;
  const data = typedWindow(x.buffer, x.dtype);
  const outer = x.shape.slice(0, -1);
  const result = empty(outer, dtypes.int64);
  const indices = typedWindow(result.buffer, dtypes.int64) as BigInt64Array;
  const step = x.strides[x.ndim - 1] / unit;
  let j = 0;
  const plan = planIteration(outer, [{ strides: x.strides.slice(0, -1), offset: x.byteOffset }], {
    order: 'C',
  });
  forEachRun(plan, (off, count, st) => {
    for (let k = 0, o = off[0]; k < count; k++, o += st[0]) {
      const best = scan(data, o / unit, n, step);
      if (best === ALL_NAN) throw fail('ERR_VALUE', 'a', 'All-NaN slice encountered', routine);
      indices[j++] = BigInt(best);
    }
  });
  return deliver(result, shape, options.out);
}

/** NumPy's `argmax`: the first index of the maximum; NaN counts as the maximum. */
export function argmax(a: unknown, options: ArgOptions = {}): NDArray {
  return arg('argmax', 1, false, a, options);
}

/** NumPy's `argmin`: the first index of the minimum; NaN counts as the minimum. */
export function argmin(a: unknown, options: ArgOptions = {}): NDArray {
  return arg('argmin', -1, false, a, options);
}

/** NumPy's `nanargmax`: argmax ignoring NaN; all-NaN slices raise ERR_VALUE. */
export function nanargmax(a: unknown, options: ArgOptions = {}): NDArray {
  return arg('nanargmax', 1, true, a, options);
}

/** NumPy's `nanargmin`: argmin ignoring NaN; all-NaN slices raise ERR_VALUE. */
export function nanargmin(a: unknown, options: ArgOptions = {}): NDArray {
  return arg('nanargmin', -1, true, a, options);
}
