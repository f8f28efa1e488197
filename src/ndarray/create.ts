// Array creation: array() from nested JavaScript values or typed arrays, the
// filled constructors (zeros, ones, full, eye, *Like), ranges (arange,
// linspace) and views of foreign memory (fromBuffer, asStrided).
import { Complex, isComplexLike } from '../core/complex.js';
import { type DType, type DTypeLike, dtypes, toDType } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import { roundFloat16 } from '../core/float16.js';
import { checkShape, contiguousStrides, type Order } from '../core/shape.js';
import { assign } from './assign.js';
import { coerce, dataView, elementWriter } from './elements.js';
import { empty, NDArray } from './ndarray.js';

export { empty };

export interface DTypeOption {
  readonly dtype?: DTypeLike;
}

type TypedArrayName =
  | 'Int8Array'
  | 'Uint8Array'
  | 'Uint8ClampedArray'
  | 'Int16Array'
  | 'Uint16Array'
  | 'Int32Array'
  | 'Uint32Array'
  | 'Float32Array'
  | 'Float64Array'
  | 'BigInt64Array'
  | 'BigUint64Array';

const TYPED_DTYPE: Readonly<Record<TypedArrayName, DType>> = {
  Int8Array: dtypes.int8,
  Uint8Array: dtypes.uint8,
  Uint8ClampedArray: dtypes.uint8,
  Int16Array: dtypes.int16,
  Uint16Array: dtypes.uint16,
  Int32Array: dtypes.int32,
  Uint32Array: dtypes.uint32,
  Float32Array: dtypes.float32,
  Float64Array: dtypes.float64,
  BigInt64Array: dtypes.int64,
  BigUint64Array: dtypes.uint64,
};

/** Nested arrays of scalars, typed arrays, or a scalar: what array() accepts. */
export type ArrayInput = unknown;

function isSequence(v: unknown): v is ArrayInput[] | ArrayBufferView {
  return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}

function toList(v: ArrayInput[] | ArrayBufferView): readonly unknown[] {
  return Array.isArray(v) ? v : Array.from(v as unknown as ArrayLike<unknown>);
}

/** Shape of a nested sequence; ERR_NESTED_SEQUENCE when ragged. */
function inferShape(v: unknown, argument: string): number[] {
  if (v instanceof NDArray) return v.shape.slice();
  if (!isSequence(v)) return [];
  const items = toList(v);
  if (items.length === 0) return [0];
  const inner = inferShape(items[0], argument);
  for (let i = 1; i < items.length; i++) {
    const s = inferShape(items[i], argument);
    if (s.length !== inner.length || s.some((d, k) => d !== inner[k])) {
      throw fail(
        'ERR_NESTED_SEQUENCE',
        argument,
        'setting an array element with a sequence: the nested sequence is ragged',
      );
    }
  }
  return [items.length, ...inner];
}

const KIND_RANK: Readonly<Record<string, number>> = { b: 0, i: 1, u: 1, f: 2, c: 3 };

/** NumPy-like default dtype: complex > float64 (any number) > int64 (bigint) > bool. */
function inferDType(v: unknown): DType {
  if (v instanceof NDArray) return v.dtype;
  if (ArrayBuffer.isView(v)) {
    const d = TYPED_DTYPE[v.constructor.name as TypedArrayName];
    if (d !== undefined) return d;
  }
  let rank = -1;
  const RANKS: readonly DType[] = [dtypes.bool, dtypes.int64, dtypes.float64, dtypes.complex128];
  const visit = (x: unknown): void => {
    if (isSequence(x)) {
      for (const y of toList(x)) visit(y);
      return;
    }
    if (x instanceof NDArray) {
      rank = Math.max(rank, KIND_RANK[x.dtype.kind]);
      return;
    }
    const r =
      typeof x === 'boolean'
        ? 0
        : typeof x === 'bigint'
          ? 1
          : typeof x === 'number'
            ? 2
            : isComplexLike(x)
              ? 3
              : 2;
    rank = Math.max(rank, r);
  };
  visit(v);
  return rank < 0 ? dtypes.float64 : RANKS[rank];
}

/**
 * A new array from nested JavaScript arrays, typed arrays, NDArrays or a scalar.
 * Default dtypes: number -> float64, bigint -> int64, boolean -> bool,
 * {re, im} -> complex128; typed arrays keep their element type.
 */
export function array(value: ArrayInput, options: DTypeOption = {}): NDArray {
  const dtype = options.dtype === undefined ? inferDType(value) : toDType(options.dtype);
  if (value instanceof NDArray) return value.astype(dtype);
  const shape = inferShape(value, 'value');
  const out = empty(shape, dtype);
  const write = elementWriter(dtype);
  const dv = dataView(out.buffer);
  let pos = 0;
  const item = dtype.itemsize;
  const visit = (x: unknown): void => {
    if (x instanceof NDArray) {
      const n = x.size;
      assign(
        new NDArray({
          buffer: out.buffer,
          byteOffset: pos,
          shape: x.shape,
          strides: contiguousStrides(x.shape, item),
          dtype,
        }),
        x,
      );
      pos += n * item;
    } else if (isSequence(x)) {
      for (const y of toList(x)) visit(y);
    } else {
      write(dv, pos, coerce(x, dtype, 'value'), dtype.isNative);
      pos += item;
    }
  };
  visit(value);
  return out;
}

export function zeros(
  shape: number | readonly number[],
  options: DTypeOption & { order?: Order } = {},
): NDArray {
  return empty(shape, options.dtype ?? 'float64', options.order);
}

export function full(
  shape: number | readonly number[],
  value: unknown,
  options: DTypeOption & { order?: Order } = {},
): NDArray {
  const dtype = options.dtype ?? inferDType(value);
  return empty(shape, dtype, options.order).fill(value);
}

export function ones(
  shape: number | readonly number[],
  options: DTypeOption & { order?: Order } = {},
): NDArray {
  return full(shape, 1, { dtype: 'float64', ...options });
}

/** NumPy's order='K' for *_like: keep Fortran order when `a` is Fortran-contiguous only. */
function likeOrder(a: NDArray): Order {
  const f = a.flags;
  return f.fContiguous && !f.cContiguous ? 'F' : 'C';
}

export function emptyLike(a: NDArray, options: DTypeOption = {}): NDArray {
  return empty(a.shape, options.dtype ?? a.dtype, likeOrder(a));
}
export function zerosLike(a: NDArray, options: DTypeOption = {}): NDArray {
  return emptyLike(a, options);
}
export function onesLike(a: NDArray, options: DTypeOption = {}): NDArray {
  return emptyLike(a, options).fill(1);
}
export function fullLike(a: NDArray, value: unknown, options: DTypeOption = {}): NDArray {
  return emptyLike(a, options).fill(value);
}

/** Identity-like matrix: ones on diagonal `k` of an n x m array. */
export function eye(n: number, m?: number | null, k = 0, options: DTypeOption = {}): NDArray {
  const cols = m ?? n;
  const out = zeros([n, cols], options);
  const len = Math.max(0, k >= 0 ? Math.min(n, cols - k) : Math.min(n + k, cols));
  if (len === 0) return out;
  const diag = out.view({
    shape: [len],
    strides: [out.strides[0] + out.strides[1]],
    offset: k >= 0 ? k * out.strides[1] : -k * out.strides[0],
  });
  diag.fill(1);
  return out;
}

type FloatName = 'float16' | 'float32' | 'float64' | 'complex64' | 'complex128';
type Round = (x: number) => number;
const same: Round = (x) => x;

/**
 * NumPy's fill arithmetic per inexact dtype: `store` rounds to the element
 * type, `op` to the precision C computes in (float16 fills in float32).
 */
const FLOAT_FILL: Readonly<Record<FloatName, { store: Round; op: Round }>> = {
  float16: { store: roundFloat16, op: Math.fround },
  float32: { store: Math.fround, op: Math.fround },
  float64: { store: same, op: same },
  complex64: { store: Math.fround, op: Math.fround },
  complex128: { store: same, op: same },
};

/**
 * Evenly spaced values in [start, stop) exactly as NumPy's arange: the length
 * is ceil((stop - start) / step); element 0 is start and element 1 is
 * start + step, each converted to the dtype (floats into integers truncate);
 * element i >= 2 is e0 + i * (e1 - e0) computed in the dtype's own
 * arithmetic (integers wrap, float32 and float16 compute in float32).
 * Default dtype float64 (int64 when all arguments are bigints).
 */
export function arange(
  start: number | bigint,
  stop?: number | bigint | null,
  step: number | bigint = 1,
  options: DTypeOption = {},
): NDArray {
  const [lo, hi] =
    stop === undefined || stop === null
      ? [typeof start === 'bigint' ? 0n : 0, start]
      : [start, stop];
  const big = typeof lo === 'bigint' && typeof hi === 'bigint' && typeof step === 'bigint';
  const dtype = toDType(options.dtype ?? (big ? 'int64' : 'float64'));
  const [a, b, s] = [Number(lo), Number(hi), Number(step)];
  if (s === 0 || !Number.isFinite(s))
    throw fail('ERR_VALUE', 'step', 'arange step must be finite and non-zero');
  if (!Number.isFinite(a) || !Number.isFinite(b))
    throw fail('ERR_VALUE', 'stop', 'arange bounds must be finite');
  const span = big ? Number((hi as bigint) - (lo as bigint)) : b - a;
  const n = Math.max(0, Math.ceil(span / s));
  const out = empty([n], dtype);
  if (n === 0) return out;
  // start + step as Python computes it: exact for integers, rounded for floats.
  const next = big ? (lo as bigint) + (step as bigint) : a + s;
  if (dtype.kind === 'b' && n > 2)
    throw fail('ERR_UNSUPPORTED_DTYPE', 'dtype', 'arange of more than two bools is undefined');
  if (dtype.kind === 'i' || dtype.kind === 'u') arangeInteger(out, n, lo, next);
  else if (dtype.kind === 'b') out.assign([a, Number(next)].slice(0, n));
  else arangeFloat(out, n, FLOAT_FILL[dtype.name as FloatName], a, Number(next));
  return out;
}

function arangeInteger(out: NDArray, n: number, lo: number | bigint, next: number | bigint): void {
  const d = out.dtype;
  const whole = (v: number | bigint) => (typeof v === 'bigint' ? v : Math.trunc(v));
  // NumPy raises when the first two elements do not fit; later ones wrap.
  const e0 = coerce(whole(lo), d, 'start') as number | bigint;
  const e1 = coerce(whole(next), d, 'step') as number | bigint;
  const write = elementWriter(d);
  const dv = dataView(out.buffer);
  if (typeof e0 === 'bigint') {
    const delta = (e1 as bigint) - e0;
    for (let i = 0, v = e0; i < n; i++, v += delta) write(dv, i * d.itemsize, v, true);
    return;
  }
  // Modulo 2^32 suffices: the writers keep the low bits of the element width.
  const delta = ((e1 as number) - e0) | 0;
  for (let i = 0, v = e0 | 0; i < n; i++, v = (v + delta) | 0) write(dv, i * d.itemsize, v, true);
}

function arangeFloat(
  out: NDArray,
  n: number,
  { store, op }: { store: Round; op: Round },
  lo: number,
  next: number,
): void {
  const first = store(lo);
  const second = store(next);
  const delta = op(second - first);
  const write = elementWriter(out.dtype);
  const dv = dataView(out.buffer);
  const complex = out.dtype.kind === 'c';
  for (let i = 0; i < n; i++) {
    const v = i === 0 ? first : i === 1 ? second : store(op(first + op(op(i) * delta)));
    write(dv, i * out.itemsize, complex ? new Complex(v, 0) : v, true);
  }
}

/** `num` evenly spaced samples over [start, stop] (or [start, stop) without endpoint), as NumPy. */
export function linspace(
  start: number,
  stop: number,
  num = 50,
  options: DTypeOption & { endpoint?: boolean } = {},
): NDArray {
  if (!Number.isInteger(num) || num < 0)
    throw fail('ERR_VALUE', 'num', `number of samples, ${num}, must be non-negative`);
  const endpoint = options.endpoint ?? true;
  const div = endpoint ? num - 1 : num;
  const delta = stop - start;
  const step = div > 0 ? delta / div : Number.NaN;
  const y = empty([num], 'float64');
  for (let i = 0; i < num; i++) {
    const v = div > 0 ? (step === 0 ? (i / div) * delta : i * step) : i * delta;
    y.set(i, v + start);
  }
  if (endpoint && num > 1) y.set(num - 1, stop);
  const dtype = toDType(options.dtype ?? 'float64');
  if (dtype.kind === 'i' || dtype.kind === 'u') {
    for (let i = 0; i < num; i++) y.set(i, Math.floor(y.item(i) as number));
  }
  return y.astype(dtype);
}

export interface FromBufferOptions extends DTypeOption {
  readonly shape?: number | readonly number[];
  /** Byte strides; C-contiguous when omitted. */
  readonly strides?: readonly number[];
  readonly byteOffset?: number;
  /** Number of elements when no shape is given (-1: as many as fit). */
  readonly count?: number;
}

/**
 * A view (no copy) of existing memory: an ArrayBuffer, SharedArrayBuffer or a
 * typed array's memory. Refuses layouts that reach outside it.
 */
export function fromBuffer(
  source: ArrayBufferLike | ArrayBufferView,
  options: FromBufferOptions = {},
): NDArray {
  const isView = ArrayBuffer.isView(source);
  const buffer = isView ? source.buffer : source;
  const base = (isView ? source.byteOffset : 0) + (options.byteOffset ?? 0);
  const limit = isView ? source.byteOffset + source.byteLength : buffer.byteLength;
  const dtype = toDType(options.dtype ?? 'float64');
  let shape: number[];
  if (options.shape !== undefined) shape = checkShape(options.shape);
  else if (options.count !== undefined && options.count >= 0) shape = [options.count];
  else {
    const bytes = limit - base;
    if (bytes < 0 || bytes % dtype.itemsize !== 0) {
      throw fail('ERR_OUT_OF_BUFFER', 'source', 'buffer size must be a multiple of element size');
    }
    shape = [bytes / dtype.itemsize];
  }
  const strides = options.strides ?? contiguousStrides(shape, dtype.itemsize);
  const arr = new NDArray({ buffer, byteOffset: base, shape, strides, dtype, ownData: false });
  if (isView && arr.size > 0) {
    const last =
      arr.byteOffset +
      strides.reduce((acc, s, i) => acc + Math.max(0, s * (shape[i] - 1)), 0) +
      dtype.itemsize;
    const first =
      arr.byteOffset + strides.reduce((acc, s, i) => acc + Math.min(0, s * (shape[i] - 1)), 0);
    if (first < source.byteOffset || last > limit) {
      throw fail(
        'ERR_OUT_OF_BUFFER',
        'strides',
        'the view reaches outside the typed array it was given',
      );
    }
  }
  return arr;
}

/** A view of `a`'s memory with any shape and byte strides; refuses to reach outside the buffer. */
export function asStrided(
  a: NDArray,
  shape: readonly number[],
  strides: readonly number[],
  options: { writeable?: boolean } = {},
): NDArray {
  return a.view(
    { shape: checkShape(shape), strides, offset: a.byteOffset },
    a.dtype,
    options.writeable ?? a.flags.writeable,
  );
}
