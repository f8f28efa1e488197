// The options every reduction shares (axis, keepdims, out, where, initial,
// dtype), validated at the edge with errors naming the argument, and the
// delivery of a computed result into a new array or the caller's `out`.
import { hasInternalOverlap } from '../blas/frame/overlap.js';
import { isComplexLike } from '../core/complex.js';
import { type DType, type DTypeLike, dtypes, toDType } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import { broadcastStrides, formatShape, normalizeAxes } from '../core/shape.js';
import { assign } from '../ndarray/assign.js';
import { type ArrayInput, array } from '../ndarray/create.js';
import { coerce, readElement, type Scalar, writeElement } from '../ndarray/elements.js';
import { empty, NDArray } from '../ndarray/ndarray.js';

/** The axes to reduce: one, several, or all (null / undefined). */
export type Axis = number | readonly number[] | null;

export interface AxisOptions {
  /** Axes to reduce (negative counts from the end); null or undefined reduces all. */
  readonly axis?: Axis;
  /** Keep the reduced axes as length-1 axes, so the result broadcasts against the input. */
  readonly keepdims?: boolean;
}

export interface OutOption {
  /** Array to write the result into; its shape must be the result's. Returned when given. */
  readonly out?: NDArray;
}

export interface WhereOption {
  /** Boolean mask broadcast against the input: only elements where it is true take part. */
  readonly where?: NDArray | ArrayInput;
}

export interface DTypeOption {
  /** The dtype the reduction computes in (and returns). */
  readonly dtype?: DTypeLike;
}

export interface InitialOption {
  /** The starting value of each reduction (for min/max: makes empty reductions legal). */
  readonly initial?: number | bigint | boolean | { re: number; im: number };
}

/** An input that is an NDArray or anything `array()` accepts. */
export function asArray(v: unknown, routine: string, argument = 'a'): NDArray {
  if (v instanceof NDArray) return v;
  const t = typeof v;
  const ok =
    t === 'number' ||
    t === 'bigint' ||
    t === 'boolean' ||
    Array.isArray(v) ||
    ArrayBuffer.isView(v) ||
    isComplexLike(v);
  if (!ok) {
    throw fail('ERR_ARGUMENT', argument, `expected an NDArray or array-like, got ${t}`, routine);
  }
  return array(v);
}

/** Per-axis flags: true for the axes `axis` reduces. */
export function reducedAxes(ndim: number, axis: Axis | undefined, routine: string): boolean[] {
  if (axis === null || axis === undefined) return new Array<boolean>(ndim).fill(true);
  const list = typeof axis === 'number' ? [axis] : axis;
  if (!Array.isArray(list)) {
    throw fail('ERR_ARGUMENT', 'axis', 'expected an integer, a list of integers or null', routine);
  }
  const flags = new Array<boolean>(ndim).fill(false);
  for (const a of normalizeAxes(list, ndim, 'axis', routine)) flags[a] = true;
  return flags;
}

/** The single axis of cumulative and arg reductions; null means the flattened array. */
export function singleAxis(axis: unknown, ndim: number, routine: string): number | null {
  if (axis === null || axis === undefined) return null;
  if (typeof axis !== 'number') {
    throw fail('ERR_ARGUMENT', 'axis', 'expected one integer axis or null', routine);
  }
  return normalizeAxes([axis], ndim, 'axis', routine)[0];
}

/** The result shape with reduced axes kept as 1 (keepdims) or dropped. */
export function resultShape(shape: readonly number[], reduced: readonly boolean[], keep: boolean) {
  const out: number[] = [];
  shape.forEach((d, i) => {
    if (!reduced[i]) out.push(d);
    else if (keep) out.push(1);
  });
  return out;
}

/** The `dtype` option resolved (undefined when absent); ERR_UNKNOWN_DTYPE names the routine. */
export function optionalDType(dtype: DTypeLike | undefined, routine: string): DType | undefined {
  if (dtype === undefined || dtype === null) return undefined;
  try {
    return toDType(dtype, 'dtype');
  } catch (e) {
    throw fail('ERR_UNKNOWN_DTYPE', 'dtype', (e as Error).message.replace(/^.*?: /, ''), routine);
  }
}

/** The `where` mask as a bool array broadcast to `shape`, or null when absent or `true`. */
export function whereMask(
  where: unknown,
  shape: readonly number[],
  routine: string,
): NDArray | null {
  if (where === undefined || where === null || where === true) return null;
  const m = where instanceof NDArray ? where : asArray(where, routine, 'where');
  if (m.dtype.kind !== 'b') {
    throw fail(
      'ERR_CASTING',
      'where',
      `cannot cast the mask from ${m.dtype} to bool under the rule 'safe'`,
      routine,
    );
  }
  const strides = broadcastStrides(m.shape, m.strides, shape, 'where', routine);
  return m.view({ shape, strides, offset: m.byteOffset }, m.dtype, false);
}

/** The `initial` value as an element of `d` holds it (float16/float32 values rounded). */
export function initialValue(v: unknown, d: DType, routine: string): Scalar {
  let value: Scalar;
  try {
    value = coerce(v, d, 'initial');
  } catch (e) {
    throw fail('ERR_VALUE', 'initial', (e as Error).message, routine);
  }
  const one = empty([], d);
  writeElement(one.buffer, 0, d, value);
  return readElement(one.buffer, 0, d);
}

/**
 * Checks `out` before anything is computed: an NDArray of exactly `shape`,
 * writeable, whose elements do not share bytes.
 */
export function checkOut(out: unknown, shape: readonly number[], routine: string): void {
  if (out === undefined) return;
  if (!(out instanceof NDArray)) throw fail('ERR_ARGUMENT', 'out', 'expected an NDArray', routine);
  if (out.ndim !== shape.length || out.shape.some((d, i) => d !== shape[i])) {
    throw fail(
      'ERR_SHAPE_MISMATCH',
      'out',
      `has shape ${formatShape(out.shape)}, the result has shape ${formatShape(shape)}`,
      routine,
    );
  }
  out.assertWriteable('out', routine);
  const { buffer, byteOffset, strides, dtype } = out;
  if (
    hasInternalOverlap({ buffer, byteOffset, shape: out.shape, strides, dtype, writeable: true })
  ) {
    throw fail(
      'ERR_OUTPUT_OVERLAP',
      'out',
      'its strides make distinct elements share bytes',
      routine,
    );
  }
}

/**
 * Hands a computed result over: reshaped to `shape` as a new array, or cast
 * (unsafe, as NumPy's reductions) into `out`, which is returned.
 */
export function deliver(result: NDArray, shape: readonly number[], out?: NDArray): NDArray {
  const r = result.reshape(shape);
  if (out === undefined) return r.dtype.isNative ? r : r.astype(dtypes[r.dtype.name]);
  assign(out, r, 'unsafe', 'out');
  return out;
}
