// mean, var, std and their nan* versions, following NumPy's _methods.py and
// nanfunctions.py step by step: integers and bools compute in float64,
// float16 means sum in float32, var subtracts the mean rounded to its dtype,
// squares (complex: re^2 + im^2, a real result), sums and divides by
// max(count - ddof, 0). nan* versions sum a copy with NaN set to 0 and count
// the rest; slices without values give NaN (NumPy also warns).
import { type DType, dtypes, isInteger } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import { resultType } from '../core/promotion.js';
import { NDArray } from '../ndarray/ndarray.js';
import { rawWindow } from '../ndarray/typed.js';
import {
  type Counts,
  components,
  divide,
  fromComponents,
  realOf,
  sqrt,
  squaredDeviations,
} from './arith.js';
import { isInexact, type Prepared, prepare } from './common.js';
import { replaceNaNs } from './nan.js';
import {
  type AxisOptions,
  type DTypeOption,
  deliver,
  type OutOption,
  optionalDType,
  type WhereOption,
} from './options.js';
import { fusable, squaresSum } from './squares.js';
import { reductionLoop, sumCore } from './sum.js';

export interface MeanOptions extends AxisOptions, OutOption, WhereOption, DTypeOption {
  /** Order-independent sums (see `sum`); mean only. */
  readonly reproducible?: boolean;
}

export interface VarOptions extends AxisOptions, OutOption, WhereOption, DTypeOption {
  /** Delta degrees of freedom: the divisor is (count - ddof). Default 0. */
  readonly ddof?: number;
}

/** Elements per result: one number without a mask, else the mask's counts (C order). */
function counts(p: Prepared, present: NDArray | null = null): Counts {
  if (p.where === null && present === null) {
    return p.x.shape.reduce((n, d, i) => (p.reduced[i] ? n * d : n), 1);
  }
  const x = present ?? p.where!;
  return components(sumCore({ ...p, x }, dtypes.int64));
}

function inexactDType(d: DType | undefined, routine: string): DType | undefined {
  if (d !== undefined && !isInexact(d)) {
    throw fail(
      'ERR_UNSUPPORTED_DTYPE',
      'dtype',
      `${routine} computes in an inexact dtype, not ${d}`,
      routine,
    );
  }
  return d;
}

const widens = (d: DType) => isInteger(d) || d.kind === 'b';

/**
 * A result moved into `out`'s dtype, where NumPy's remaining steps (the
 * division, the square root) then compute: it sums straight into `out`.
 */
function into(r: NDArray, out: NDArray | undefined): NDArray {
  if (out === undefined) return r;
  const d = dtypes[out.dtype.name];
  return r.dtype === d ? r : r.astype(d);
}

function meanCore(
  p: Prepared,
  d: DType | undefined,
  reproducible: boolean,
  out?: NDArray,
): NDArray {
  const x = p.x.dtype;
  const half = d === undefined && x.name === 'float16';
  const loop = reductionLoop(x, d ?? (widens(x) ? dtypes.float64 : half ? dtypes.float32 : d), out);
  const mean = divide(into(sumCore(p, loop, undefined, reproducible), out), counts(p));
  return half && out === undefined ? mean.astype(dtypes.float16) : mean;
}

/** NumPy's `mean`: integers and bools average in float64, float16 through float32. */
export function mean(a: unknown, options: MeanOptions = {}): NDArray {
  const p = prepare(a, options, 'mean');
  const d = optionalDType(options.dtype, 'mean');
  const r = meanCore(p, d, options.reproducible ?? false, options.out);
  return deliver(r, p.shape, options.out);
}

function ddofOf(v: unknown, routine: string): number {
  if (v === undefined) return 0;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw fail('ERR_ARGUMENT', 'ddof', 'expected a finite number', routine);
  }
  return v;
}

function varCore(p: Prepared, d: DType | undefined, ddof: number, out?: NDArray): NDArray {
  const loop = d ?? (widens(p.x.dtype) ? dtypes.float64 : undefined);
  const n = counts(p);
  const mean = divide(sumCore(p, reductionLoop(p.x.dtype, loop)), n);
  const diff = resultType(p.x.dtype, mean.dtype);
  const loop2 = reductionLoop(realOf(diff), loop, out);
  const total =
    diff === dtypes.float64 && loop2 === dtypes.float64 && fusable(p.x)
      ? squaresSum(p.x, p.reduced, p.where, mean)
      : sumCore({ ...p, x: squaredDeviations(p.x, mean, diff) }, loop2);
  const dof = typeof n === 'number' ? Math.max(n - ddof, 0) : n.map((c) => Math.max(c - ddof, 0));
  return divide(into(total, out), dof);
}

function nanvarCore(p: Prepared, d: DType | undefined, ddof: number, out?: NDArray): NDArray {
  const { data, mask } = replaceNaNs(p.x, 0);
  const q = { ...p, x: data };
  const n = counts(q, present(mask)) as Float64Array;
  const avg = divide(sumCore(q, reductionLoop(data.dtype, d)), n);
  const squares = squaredDeviations(data, avg, data.dtype, rawWindow(mask.buffer, 1) as Uint8Array);
  const total = into(sumCore({ ...p, x: squares }, reductionLoop(realOf(data.dtype), d, out)), out);
  const dof = n.map((c) => c - ddof);
  const v = components(divide(total, dof));
  const c = total.dtype.kind === 'c' ? 2 : 1;
  dof.forEach((k, j) => {
    if (k <= 0) v.fill(Number.NaN, c * j, c * j + 1);
  });
  return fromComponents(v, total.shape, total.dtype);
}

/** The complement of a NaN mask: true where a value is present. */
function present(mask: NDArray): NDArray {
  const bits = rawWindow(mask.buffer, 1);
  const out = new Uint8Array(mask.size);
  for (let k = 0; k < out.length; k++) out[k] = bits[k] ^ 1;
  const { shape, strides, dtype } = mask;
  return new NDArray({ buffer: out.buffer, byteOffset: 0, shape, strides, dtype });
}

type Core = (p: Prepared, d: DType | undefined, ddof: number, out?: NDArray) => NDArray;

function spread(routine: string, a: unknown, options: VarOptions, core: Core, root: boolean) {
  const p = prepare(a, options, routine);
  const d = inexactDType(optionalDType(options.dtype, routine), routine);
  const v = core(p, d, ddofOf(options.ddof, routine), options.out);
  return deliver(root ? sqrt(v) : v, p.shape, options.out);
}

/** NumPy's `var`: mean squared deviation, divided by count - ddof (complex input gives a real result). */
export function variance(a: unknown, options: VarOptions = {}): NDArray {
  return spread('var', a, options, varCore, false);
}

/** NumPy's `std`: the square root of `var`. */
export function std(a: unknown, options: VarOptions = {}): NDArray {
  return spread('std', a, options, varCore, true);
}

const nanOr =
  (core: Core): Core =>
  (p, d, ddof) =>
    isInexact(p.x.dtype) ? core(p, d, ddof) : varCore(p, d, ddof);

/** NumPy's `nanvar`: var over the non-NaN values; slices with count <= ddof give NaN. */
export function nanvar(a: unknown, options: VarOptions = {}): NDArray {
  return spread('nanvar', a, options, nanOr(nanvarCore), false);
}

/** NumPy's `nanstd`: the square root of `nanvar`. */
export function nanstd(a: unknown, options: VarOptions = {}): NDArray {
  return spread('nanstd', a, options, nanOr(nanvarCore), true);
}

/** NumPy's `nanmean`: the mean of the non-NaN values; slices without any give NaN. */
export function nanmean(a: unknown, options: MeanOptions = {}): NDArray {
  const routine = 'nanmean';
  const p = prepare(a, options, routine);
  const d = optionalDType(options.dtype, routine);
  if (!isInexact(p.x.dtype)) {
    return deliver(
      meanCore(p, d, options.reproducible ?? false, options.out),
      p.shape,
      options.out,
    );
  }
  inexactDType(d, routine);
  const { data, mask } = replaceNaNs(p.x, 0);
  const q = { ...p, x: data };
  const loop = reductionLoop(data.dtype, d, options.out);
  const total = into(sumCore(q, loop, undefined, options.reproducible ?? false), options.out);
  return deliver(divide(total, counts(q, present(mask))), p.shape, options.out);
}
