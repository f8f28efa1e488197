// sum, prod and nansum: NumPy's add/multiply reductions. The loop dtype is
// NumPy's (bool and small integers widen to int64/uint64 unless `dtype` or
// `out` says otherwise); float sums are NumPy's pairwise sums (float16 in
// float32), integer sums exact modulo 2^64 then wrapped to the loop dtype,
// and `reproducible: true` swaps float sums for binned, order-independent ones.
import { Complex } from '../core/complex.js';
import { type DType, type DTypeName, dtypes, isInteger } from '../core/dtypes.js';
import { promoteTypes } from '../core/promotion.js';
import type { Scalar } from '../ndarray/elements.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { typedWindow, unitOf } from '../ndarray/typed.js';
import {
  binnedBody,
  depositOne,
  FLOAT16,
  FLOAT32,
  FLOAT64,
  type Format,
  STATE,
  stateValue,
} from './binned.js';
import { prodInt } from './bodies.js';
import { isInexact, native, newFloat64, type Prepared, prepare } from './common.js';
import { type AccLayout, accLayout, accView, drive } from './driver.js';
import { exactSum, wordsArray } from './exact.js';
import { replaceNaN } from './nan.js';
import {
  type AxisOptions,
  type DTypeOption,
  deliver,
  type InitialOption,
  initialValue,
  type OutOption,
  optionalDType,
  type WhereOption,
} from './options.js';
import { driveReduce } from './parallel.js';
import type { BodyKey } from './split.js';

export interface SumOptions
  extends AxisOptions,
    OutOption,
    WhereOption,
    DTypeOption,
    InitialOption {
  /**
   * Order-independent float sums (binned, ReproBLAS style): the same values
   * give the same bits in any order or layout. Integer sums are exact anyway.
   */
  readonly reproducible?: boolean;
}

export type ProdOptions = Omit<SumOptions, 'reproducible'>;

/** NumPy's add/multiply reduction dtype for input `x`. */
export function reductionLoop(x: DType, dtype?: DType, out?: NDArray): DType {
  if (dtype !== undefined) return dtypes[dtype.name];
  if (out !== undefined) return promoteTypes(out.dtype, x);
  if (x.kind === 'b' || (x.kind === 'i' && x.itemsize < 8)) return dtypes.int64;
  if (x.kind === 'u' && x.itemsize < 8) return dtypes.uint64;
  return dtypes[x.name];
}

/** The dtype float loops read their input as (float16 sums and products run in float32). */
const WORK: Readonly<Partial<Record<DTypeName, DType>>> = {
  float16: dtypes.float32,
  float32: dtypes.float32,
  float64: dtypes.float64,
  complex64: dtypes.complex64,
  complex128: dtypes.complex128,
};

const FORMAT: Readonly<Partial<Record<DTypeName, Format>>> = {
  float16: FLOAT16,
  float32: FLOAT32,
  float64: FLOAT64,
  complex64: FLOAT32,
  complex128: FLOAT64,
};

const bodyKey = (d: DType): BodyKey => (d.kind === 'c' ? 'c' : d.itemsize === 4 ? 'f4' : 'f8');

/** Real and imaginary parts of an initial value (identity when absent). */
function parts(v: Scalar | undefined, identity: number): [number, number] {
  if (v === undefined) return [identity, 0];
  return v instanceof Complex ? [v.re, v.im] : [Number(v), 0];
}

/** The float accumulator array as the loop dtype (exact for float32 values, rounding for float16). */
function floatResult(acc: Float64Array, layout: AccLayout, loop: DType): NDArray {
  const view = accView(layout, acc.buffer, loop.kind === 'c' ? dtypes.complex128 : dtypes.float64);
  return view.dtype === loop ? view : view.astype(loop);
}

function floatReduce(p: Prepared, loop: DType, init: [number, number], op: 'sum' | 'prod') {
  const work = WORK[loop.name]!;
  const x = native(p.x, work);
  const layout = accLayout(x, p.reduced);
  const c = work.kind === 'c' ? 2 : 1;
  const acc = newFloat64(layout.size * c);
  acc.fill(init[0]);
  for (let j = 1; c === 2 && j < acc.length; j += 2) acc[j] = init[1];
  driveReduce(op, bodyKey(work), x, work, layout, p.where, acc);
  return floatResult(acc, layout, loop);
}

function binnedReduce(p: Prepared, loop: DType, init: Scalar | undefined): NDArray {
  const work = WORK[loop.name]!;
  const x = native(p.x, work);
  const layout = accLayout(x, p.reduced);
  const complex = work.kind === 'c';
  const c = complex ? 2 : 1;
  const st = new Float64Array(layout.size * c * STATE);
  const body = binnedBody(st, typedWindow(x.buffer, work) as Float64Array, complex);
  if (init !== undefined) {
    const values = parts(init, 0);
    for (let j = 0; j < layout.size * c; j++) depositOne(st, j * STATE, values[j % c]);
  }
  drive(x, unitOf(work), layout, p.where, body);
  const values = newFloat64(layout.size * c);
  for (let j = 0; j < values.length; j++) values[j] = stateValue(st, j * STATE, FORMAT[loop.name]!);
  return floatResult(values, layout, loop);
}

/** Input for an integer or bool loop: cast when the loop would not see the same values modulo 2^64. */
function integerSource(x: NDArray, loop: DType): NDArray {
  const ok = loop.kind === 'b' ? x.dtype.kind === 'b' : isInteger(x.dtype) || x.dtype.kind === 'b';
  return native(ok ? x : x.astype(loop));
}

/** The initial value as 64-bit words, low first. */
function initialWords(init: Scalar | undefined): [number, number] {
  if (init === undefined) return [0, 0];
  const v = BigInt.asUintN(64, typeof init === 'bigint' ? init : BigInt(Number(init)));
  return [Number(v & 0xffffffffn), Number(v >> 32n)];
}

function integerSum(p: Prepared, loop: DType, init: Scalar | undefined): NDArray {
  const x = integerSource(p.x, loop);
  const layout = accLayout(x, p.reduced);
  const words = exactSum(x, p.reduced, p.where, layout, initialWords(init));
  const wide = wordsArray(words, layout, loop.kind === 'u');
  return wide.dtype === loop ? wide : wide.astype(loop);
}

function integerProd(p: Prepared, loop: DType, init: Scalar | undefined): NDArray {
  const x = integerSource(p.x, loop);
  const layout = accLayout(x, p.reduced);
  const acc = new BigUint64Array(layout.size);
  acc.fill(BigInt.asUintN(64, init === undefined ? 1n : BigInt(init as number | bigint)));
  drive(x, x.itemsize, layout, p.where, prodInt(acc, typedWindow(x.buffer, x.dtype) as never));
  const wide = accView(layout, acc.buffer, dtypes.uint64);
  return wide.astype(loop);
}

/** The sum over `p` in the loop dtype, keepdims-shaped (the core of sum, mean, var...). */
export function sumCore(p: Prepared, loop: DType, init?: Scalar, reproducible = false): NDArray {
  if (!isInexact(loop)) return integerSum(p, loop, init);
  if (reproducible) return binnedReduce(p, loop, init);
  return floatReduce(p, loop, parts(init, 0), 'sum');
}

function prodCore(p: Prepared, loop: DType, init?: Scalar): NDArray {
  if (!isInexact(loop)) return integerProd(p, loop, init);
  return floatReduce(p, loop, parts(init, 1), 'prod');
}

function reduceWith(
  routine: string,
  a: unknown,
  options: SumOptions,
  core: (p: Prepared, loop: DType, init?: Scalar) => NDArray,
  nan = false,
): NDArray {
  const p = prepare(a, options, routine);
  const loop = reductionLoop(p.x.dtype, optionalDType(options.dtype, routine), options.out);
  const init =
    options.initial === undefined ? undefined : initialValue(options.initial, loop, routine);
  const x = nan && isInexact(p.x.dtype) ? replaceNaN(p.x, 0) : p.x;
  return deliver(core({ ...p, x }, loop, init), p.shape, options.out);
}

/** NumPy's `sum`: pairwise float sums, exact integer sums (wrapping in the loop dtype). */
export function sum(a: unknown, options: SumOptions = {}): NDArray {
  return reduceWith('sum', a, options, (p, loop, init) =>
    sumCore(p, loop, init, options.reproducible),
  );
}

/** NumPy's `nansum`: the sum with NaN counted as zero. */
export function nansum(a: unknown, options: SumOptions = {}): NDArray {
  return reduceWith(
    'nansum',
    a,
    options,
    (p, loop, init) => sumCore(p, loop, init, options.reproducible),
    true,
  );
}

/** NumPy's `prod`: products in sequence along the reduced axes. */
export function prod(a: unknown, options: ProdOptions = {}): NDArray {
  return reduceWith('prod', a, options, prodCore);
}
