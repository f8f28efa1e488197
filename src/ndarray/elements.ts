// Reading and writing single elements at a byte position, for every dtype and
// both byte orders, and turning JavaScript values into storable element values.
// Aligned native views go through typed arrays, everything else through DataView.
import { Complex, isComplexLike } from '../core/complex.js';
import type { DType, DTypeName } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import { fromFloat16Bits, toFloat16Bits } from '../core/float16.js';

/** What an element surfaces as in JavaScript. */
export type Scalar = boolean | number | bigint | Complex;
/** What may be stored into an element (before coercion). */
export type ScalarLike = boolean | number | bigint | { re: number; im: number };

type Read = (dv: DataView, byte: number, le: boolean) => Scalar;
type Write = (dv: DataView, byte: number, v: Scalar, le: boolean) => void;

const num = (v: Scalar) => v as number;
const big = (v: Scalar) => v as bigint;
const cplx = (v: Scalar) => v as Complex;

const READ: Readonly<Record<DTypeName, Read>> = {
  bool: (dv, b) => dv.getUint8(b) !== 0,
  int8: (dv, b) => dv.getInt8(b),
  int16: (dv, b, le) => dv.getInt16(b, le),
  int32: (dv, b, le) => dv.getInt32(b, le),
  int64: (dv, b, le) => dv.getBigInt64(b, le),
  uint8: (dv, b) => dv.getUint8(b),
  uint16: (dv, b, le) => dv.getUint16(b, le),
  uint32: (dv, b, le) => dv.getUint32(b, le),
  uint64: (dv, b, le) => dv.getBigUint64(b, le),
  float16: (dv, b, le) => fromFloat16Bits(dv.getUint16(b, le)),
  float32: (dv, b, le) => dv.getFloat32(b, le),
  float64: (dv, b, le) => dv.getFloat64(b, le),
  complex64: (dv, b, le) => new Complex(dv.getFloat32(b, le), dv.getFloat32(b + 4, le)),
  complex128: (dv, b, le) => new Complex(dv.getFloat64(b, le), dv.getFloat64(b + 8, le)),
};

const WRITE: Readonly<Record<DTypeName, Write>> = {
  bool: (dv, b, v) => dv.setUint8(b, v ? 1 : 0),
  int8: (dv, b, v) => dv.setInt8(b, num(v)),
  int16: (dv, b, v, le) => dv.setInt16(b, num(v), le),
  int32: (dv, b, v, le) => dv.setInt32(b, num(v), le),
  int64: (dv, b, v, le) => dv.setBigInt64(b, big(v), le),
  uint8: (dv, b, v) => dv.setUint8(b, num(v)),
  uint16: (dv, b, v, le) => dv.setUint16(b, num(v), le),
  uint32: (dv, b, v, le) => dv.setUint32(b, num(v), le),
  uint64: (dv, b, v, le) => dv.setBigUint64(b, big(v), le),
  float16: (dv, b, v, le) => dv.setUint16(b, toFloat16Bits(num(v)), le),
  float32: (dv, b, v, le) => dv.setFloat32(b, num(v), le),
  float64: (dv, b, v, le) => dv.setFloat64(b, num(v), le),
  complex64: (dv, b, v, le) => {
    dv.setFloat32(b, cplx(v).re, le);
    dv.setFloat32(b + 4, cplx(v).im, le);
  },
  complex128: (dv, b, v, le) => {
    dv.setFloat64(b, cplx(v).re, le);
    dv.setFloat64(b + 8, cplx(v).im, le);
  },
};

const views = new WeakMap<ArrayBufferLike, DataView>();

/** One cached DataView per buffer (buffers never change size). */
export function dataView(buffer: ArrayBufferLike): DataView {
  let dv = views.get(buffer);
  if (dv === undefined) {
    dv = new DataView(buffer);
    views.set(buffer, dv);
  }
  return dv;
}

/** The element of dtype `d` stored at absolute byte position `byte`. */
export function readElement(buffer: ArrayBufferLike, byte: number, d: DType): Scalar {
  return READ[d.name](dataView(buffer), byte, d.isNative);
}

/** Stores an already coerced value (see `coerce`) at absolute byte position `byte`. */
export function writeElement(buffer: ArrayBufferLike, byte: number, d: DType, v: Scalar): void {
  WRITE[d.name](dataView(buffer), byte, v, d.isNative);
}

export function elementReader(d: DType): Read {
  return READ[d.name];
}

export function elementWriter(d: DType): Write {
  return WRITE[d.name];
}

const INT_RANGE: Readonly<Partial<Record<DTypeName, readonly [bigint, bigint]>>> = {
  int8: [-128n, 127n],
  int16: [-32768n, 32767n],
  int32: [-2147483648n, 2147483647n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint8: [0n, 255n],
  uint16: [0n, 65535n],
  uint32: [0n, 4294967295n],
  uint64: [0n, 2n ** 64n - 1n],
};

function toInteger(v: ScalarLike, d: DType, argument: string): bigint {
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) {
      throw fail('ERR_VALUE', argument, `cannot convert float ${v} to integer`);
    }
    return BigInt(Math.trunc(v));
  }
  throw fail('ERR_VALUE', argument, `cannot store a complex value in a ${d.name} array`);
}

/**
 * Turns a JavaScript value into the value an element of `d` stores, as NumPy
 * does when assigning a Python scalar: floats truncate into integers, integers
 * out of the dtype's range raise (NumPy 2), complex never silently drops its
 * imaginary part into a real array.
 */
export function coerce(v: unknown, d: DType, argument = 'value'): Scalar {
  if (
    typeof v !== 'boolean' &&
    typeof v !== 'number' &&
    typeof v !== 'bigint' &&
    !isComplexLike(v)
  ) {
    throw fail('ERR_VALUE', argument, `cannot store ${typeof v} in a ${d.name} array`);
  }
  switch (d.kind) {
    case 'b':
      return isComplexLike(v) ? v.re !== 0 || v.im !== 0 : v !== 0 && v !== 0n && v !== false;
    case 'i':
    case 'u': {
      const i = toInteger(v, d, argument);
      const [lo, hi] = INT_RANGE[d.name]!;
      if (i < lo || i > hi) {
        throw fail('ERR_VALUE', argument, `integer ${i} out of bounds for ${d.name}`);
      }
      return d.itemsize === 8 ? i : Number(i);
    }
    case 'f':
      if (isComplexLike(v)) {
        throw fail('ERR_VALUE', argument, `cannot store a complex value in a ${d.name} array`);
      }
      return Number(v);
    case 'c':
      return isComplexLike(v) ? new Complex(v.re, v.im) : new Complex(Number(v), 0);
    default:
      return d.kind satisfies never;
  }
}
