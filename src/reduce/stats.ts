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

function meanCore(p: Prepared, d: DType | undefined, reproducible: boolean): NDArray {
  const x = p.x.dtype;
  const loop = d ?? (widens(x) ? dtypes.float64 : x.name === 'float16' ? dtypes.float32 : x);
  const total = sumCore(p, dtypes[loop.name], undefined, reproducible);
  const mean = divide(total, counts(p), p.where !== null);
  return d === undefined && x.name === 'float16' ? mean.astype(dtypes.float16) : mean;
}

/** NumPy's `mean`: integers and bools average in float64, float16 through float32. */
export function mean(a: unknown, options: MeanOptions = {}): NDArray {
  const p = prepare(a, options, 'mean');
  const r = meanCore(p, optionalDType(options.dtype), options.reproducible ?? false);
  return deliver(r, p.shape, options.out);
}

function ddofOf(v: unknown, routine: string): number {
  if (v === undefined) return 0;
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw fail('ERR_ARGUMENT', 'ddof', 'expected a finite number', routine);
  }
  return v;
}

function varCore(p: Prepared, d: DType | undefined, ddof: number): NDArray {
  const loop = d ?? (widens(p.x.dtype) ? dtypes.float64 : dtypes[p.x.dtype.name]);
  const n = counts(p);
  const mean = divide(sumCore(p, loop), n, p.where !== null);
  const diff = resultType(p.x.dtype, mean.dtype);
  const squares = squaredDeviations(p.x, mean, diff);
  const total = sumCore({ ...p, x: squares }, reductionLoop(realOf(diff), d));
  const dof = typeof n === 'number' ? Math.max(n - ddof, 0) : n.map((c) => Math.max(c - ddof, 0));
  return divide(total, dof, p.where !== null);
}

function nanvarCore(p: Prepared, d: DType | undefined, ddof: number): NDArray {
  const { data, mask } = replaceNaNs(p.x, 0);
  const q = { ...p, x: data };
  const n = counts(q, present(mask)) as Float64Array;
  const avg = divide(sumCore(q, reductionLoop(data.dtype, d)), n, true);
  const squares = squaredDeviations(data, avg, data.dtype, rawWindow(mask.buffer, 1) as Uint8Array);
  const total = sumCore({ ...p, x: squares }, reductionLoop(realOf(data.dtype), d));
  const dof = n.map((c) => c - ddof);
  const v = components(divide(total, dof, true));
  dof.forEach((c, j) => {
    if (c <= 0) v[j] = Number.NaN;
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

type Core = (p: Prepared, d: DType | undefined, ddof: number) => NDArray;

function spread(routine: string, a: unknown, options: VarOptions, core: Core, root: boolean) {
  const p = prepare(a, options, routine);
  const d = inexactDType(optionalDType(options.dtype), routine);
  const v = core(p, d, ddofOf(options.ddof, routine));
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
  const d = optionalDType(options.dtype);
  if (!isInexact(p.x.dtype)) {
    return deliver(meanCore(p, d, options.reproducible ?? false), p.shape, options.out);
  }
  inexactDType(d, routine);
  const { data, mask } = replaceNaNs(p.x, 0);
  const q = { ...p, x: data };
  const loop = reductionLoop(data.dtype, d, options.out);
  const total = sumCore(q, loop, undefined, options.reproducible ?? false);
  return deliver(divide(total, counts(q, present(mask)), true), p.shape, options.out);
}
