// min, max, nanmin, nanmax and ptp: NumPy's maximum/minimum reductions (NaN
// wins; among equal values the later one, which only shows on signed zeros)
// and fmax/fmin (NaN skipped; an all-NaN slice stays NaN). Complex values
// compare lexicographically and any NaN part wins, as NumPy's complex loops.
// Real accumulators start at a sentinel that the first element always
// replaces, which is NumPy's start from the first element; complex ones
// start from the first element itself.
import { Complex } from '../core/complex.js';
import { type DType, dtypes, isBigInt } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import type { Scalar } from '../ndarray/elements.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { typedWindow, unitOf } from '../ndarray/typed.js';
import { native, newFloat64, type Prepared, prepare } from './common.js';
import { accLayout, accView, type Body, drive } from './driver.js';
import {
  type AxisOptions,
  deliver,
  type InitialOption,
  initialValue,
  type OutOption,
  type WhereOption,
} from './options.js';
import { driveReduce } from './parallel.js';
import { type Op, SENTINEL } from './scan.js';

export interface MinMaxOptions extends AxisOptions, OutOption, WhereOption, InitialOption {}

function bigBody(acc: BigInt64Array, x: BigInt64Array, op: Op): Body {
  const less = op === 'min' || op === 'fmin';
  const better = (a: bigint, v: bigint) => (less ? v < a : v > a);
  return {
    run(ai, xi, n, xs) {
      let a = acc[ai];
      for (let k = 0; k < n; k++, xi += xs) if (better(a, x[xi])) a = x[xi];
      acc[ai] = a;
    },
    row(ai, as, xi, xs, n) {
      for (let k = 0; k < n; k++, ai += as, xi += xs) if (better(acc[ai], x[xi])) acc[ai] = x[xi];
    },
  };
}

const isNaN2 = (re: number, im: number) => Number.isNaN(re) || Number.isNaN(im);
/** NumPy's CGE: lexicographic >= that a NaN imaginary part spoils unless real parts are equal. */
const cge = (ar: number, ai: number, br: number, bi: number) =>
  (ar > br && !Number.isNaN(ai) && !Number.isNaN(bi)) || (ar === br && ai >= bi);
const cle = (ar: number, ai: number, br: number, bi: number) =>
  (ar < br && !Number.isNaN(ai) && !Number.isNaN(bi)) || (ar === br && ai <= bi);

/** Whether complex accumulator a stays against v (NumPy's complex maximum/minimum/fmax/fmin). */
const KEEP_COMPLEX: Readonly<
  Record<Op, (ar: number, ai: number, vr: number, vi: number) => boolean>
> = {
  max: (ar, ai, vr, vi) => isNaN2(ar, ai) || cge(ar, ai, vr, vi),
  min: (ar, ai, vr, vi) => isNaN2(ar, ai) || cle(ar, ai, vr, vi),
  fmax: (ar, ai, vr, vi) => isNaN2(vr, vi) || cge(ar, ai, vr, vi),
  fmin: (ar, ai, vr, vi) => isNaN2(vr, vi) || cle(ar, ai, vr, vi),
};

/** Complex bodies start from the first element (`seen` is 0 until then), as NumPy does. */
function complexBody(acc: Float64Array, seen: Uint8Array, x: Float64Array | Float32Array, op: Op) {
  const keep = KEEP_COMPLEX[op];
  const step = (j: number, xi: number) => {
    const a = 2 * j;
    if (seen[j] !== 0 && keep(acc[a], acc[a + 1], x[xi], x[xi + 1])) return;
    acc[a] = x[xi];
    acc[a + 1] = x[xi + 1];
    seen[j] = 1;
  };
  return {
    run(ai, xi, n, xs) {
      for (let k = 0; k < n; k++, xi += xs) step(ai, xi);
    },
    row(ai, as, xi, xs, n) {
      for (let k = 0; k < n; k++, ai += as, xi += xs) step(ai, xi);
    },
  } satisfies Body;
}

const INT64_RANGE: Readonly<Record<string, readonly [bigint, bigint]>> = {
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
};

/** The reduction of `p` by `op` in the input dtype, keepdims-shaped. */
function extremeCore(p: Prepared, op: Op, init: Scalar | undefined): NDArray {
  const work = p.x.dtype.name === 'float16' ? dtypes.float32 : p.x.dtype;
  const x = native(p.x, work);
  const layout = accLayout(x, p.reduced);
  const data = typedWindow(x.buffer, work);
  const less = op === 'min' || op === 'fmin';
  let result: NDArray;
  if (isBigInt(work)) {
    const Ctor = work.kind === 'u' ? BigUint64Array : BigInt64Array;
    const acc = new Ctor(layout.size);
    const [lo, hi] = INT64_RANGE[work.name];
    acc.fill(init === undefined ? (less ? hi : lo) : (init as bigint));
    drive(x, 8, layout, p.where, bigBody(acc as BigInt64Array, data as BigInt64Array, op));
    result = accView(layout, acc.buffer, dtypes[work.name]);
  } else if (work.kind === 'c') {
    const acc = newFloat64(2 * layout.size);
    const seen = new Uint8Array(layout.size);
    if (init instanceof Complex) {
      for (let j = 0; j < layout.size; j++) acc.set([init.re, init.im], 2 * j);
      seen.fill(1);
    }
    drive(x, unitOf(work), layout, p.where, complexBody(acc, seen, data as Float64Array, op));
    result = accView(layout, acc.buffer, dtypes.complex128);
  } else {
    const acc = newFloat64(layout.size);
    acc.fill(init === undefined ? SENTINEL[op] : Number(init));
    driveReduce(op, 'n', x, work, layout, p.where, acc);
    result = accView(layout, acc.buffer, dtypes.float64);
  }
  return result.dtype.name === p.x.dtype.name ? result : result.astype(dtypes[p.x.dtype.name]);
}

const UFUNC: Readonly<Record<Op, string>> = {
  min: 'minimum',
  max: 'maximum',
  fmin: 'fmin',
  fmax: 'fmax',
};

/** Checks what NumPy refuses without `initial`: empty reductions and masks. */
function requireIdentity(p: Prepared, op: Op, hasInitial: boolean, routine: string) {
  if (hasInitial) return;
  if (p.where !== null) {
    throw fail(
      'ERR_VALUE',
      'initial',
      `reduction operation '${UFUNC[op]}' does not have an identity, so to use a where mask one has to specify 'initial'`,
      routine,
    );
  }
  if (p.x.shape.some((d, i) => p.reduced[i] && d === 0)) {
    throw fail(
      'ERR_VALUE',
      'a',
      `zero-size array to reduction operation ${UFUNC[op]} which has no identity`,
      routine,
    );
  }
}

function extreme(routine: string, op: Op, a: unknown, options: MinMaxOptions): NDArray {
  const p = prepare(a, options, routine);
  const hasInitial = options.initial !== undefined;
  requireIdentity(p, op, hasInitial, routine);
  const init = hasInitial ? initialValue(options.initial, p.x.dtype, routine) : undefined;
  const nan = p.x.dtype.kind === 'f' || p.x.dtype.kind === 'c';
  return deliver(extremeCore(p, nan ? op : LOOSE[op], init), p.shape, options.out);
}

/** fmin/fmax on types without NaN are min/max. */
const LOOSE: Readonly<Record<Op, Op>> = { min: 'min', max: 'max', fmin: 'min', fmax: 'max' };

/** NumPy's `min` (amin): NaN propagates. */
export function min(a: unknown, options: MinMaxOptions = {}): NDArray {
  return extreme('min', 'min', a, options);
}

/** NumPy's `max` (amax): NaN propagates. */
export function max(a: unknown, options: MinMaxOptions = {}): NDArray {
  return extreme('max', 'max', a, options);
}

/** NumPy's `nanmin`: NaN skipped; an all-NaN slice gives NaN (NumPy also warns). */
export function nanmin(a: unknown, options: MinMaxOptions = {}): NDArray {
  return extreme('nanmin', 'fmin', a, options);
}

/** NumPy's `nanmax`: NaN skipped; an all-NaN slice gives NaN (NumPy also warns). */
export function nanmax(a: unknown, options: MinMaxOptions = {}): NDArray {
  return extreme('nanmax', 'fmax', a, options);
}

export type PtpOptions = AxisOptions & OutOption;

/** NumPy's `ptp`: max - min in the input dtype (integers wrap around). */
export function ptp(a: unknown, options: PtpOptions = {}): NDArray {
  const routine = 'ptp';
  const p = prepare(a, options, routine);
  if (p.x.dtype.kind === 'b') {
    throw fail('ERR_UNSUPPORTED_DTYPE', 'a', 'ptp is not defined for bool arrays', routine);
  }
  requireIdentity(p, 'max', false, routine);
  const hi = extremeCore(p, 'max', undefined);
  const lo = extremeCore(p, 'min', undefined);
  return deliver(difference(hi, lo, dtypes[p.x.dtype.name]), p.shape, options.out);
}

/** a - b elementwise (same shape) in dtype d: integers modulo 2^64 then wrapped, floats rounded once. */
function difference(a: NDArray, b: NDArray, d: DType): NDArray {
  if (d.kind === 'i' || d.kind === 'u') {
    const x = a.astype(dtypes.int64);
    const y = b.astype(dtypes.int64);
    const xs = typedWindow(x.buffer, dtypes.int64) as BigInt64Array;
    const ys = typedWindow(y.buffer, dtypes.int64) as BigInt64Array;
    for (let k = 0; k < xs.length; k++) xs[k] -= ys[k];
    return x.astype(d);
  }
  const wide = d.kind === 'c' ? dtypes.complex128 : dtypes.float64;
  const x = a.astype(wide);
  const y = b.astype(wide);
  const xs = typedWindow(x.buffer, wide) as Float64Array;
  const ys = typedWindow(y.buffer, wide) as Float64Array;
  for (let k = 0; k < xs.length; k++) xs[k] -= ys[k];
  return x.astype(d);
}
