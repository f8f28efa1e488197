// Staging for operands a loop cannot read or write in place: conversions
// between an array's storage (typed windows; float16 as bits) and a loop's
// compute representation (float16 as float32 values), and byte gathers and
// scatters for unaligned or byte-swapped layouts. Indices and strides are in
// typed-array units (complex: components).
import { Complex } from '../core/complex.js';
import type { DType } from '../core/dtypes.js';
import { fromFloat16Bits, roundFloat16, toFloat16Bits } from '../core/float16.js';
import { converter, reprOf } from '../ndarray/cast.js';
import type { Scalar } from '../ndarray/elements.js';
import type { AnyTyped } from '../ndarray/typed.js';

/** Typed array of `n` elements in the compute representation of `d`. */
export function computeArray(d: DType, n: number): AnyTyped {
  const count = d.kind === 'c' ? 2 * n : n;
  switch (d.name) {
    case 'bool':
    case 'uint8':
      return new Uint8Array(count);
    case 'int8':
      return new Int8Array(count);
    case 'int16':
      return new Int16Array(count);
    case 'uint16':
      return new Uint16Array(count);
    case 'int32':
      return new Int32Array(count);
    case 'uint32':
      return new Uint32Array(count);
    case 'int64':
      return new BigInt64Array(count);
    case 'uint64':
      return new BigUint64Array(count);
    case 'float16':
    case 'float32':
    case 'complex64':
      return new Float32Array(count);
    case 'float64':
    case 'complex128':
      return new Float64Array(count);
    default:
      return d.name satisfies never;
  }
}

/** Every float16 bit pattern's value (NaN payloads kept): the fast half-to-float path. */
const HALF = new Float32Array(65536).map((_, h) => fromFloat16Bits(h));

export type Convert = (
  src: AnyTyped,
  si: number,
  ss: number,
  dst: AnyTyped,
  di: number,
  ds: number,
  n: number,
) => void;

type Get = (a: AnyTyped, i: number) => Scalar;
type Put = (a: AnyTyped, i: number, v: Scalar) => void;

/** 'bits': float16 storage; 'half': float16 compute values (float32 not yet rounded to half). */
type Side = 'bits' | 'half' | 'plain';

function getter(d: DType, side: Side): Get {
  if (d.kind === 'b') return (a, i) => a[i] !== 0;
  if (d.kind === 'c') return (a, i) => new Complex(a[i] as number, a[i + 1] as number);
  if (side === 'bits') return (a, i) => HALF[a[i] as number];
  if (side === 'half') return (a, i) => roundFloat16(a[i] as number);
  return (a, i) => a[i] as Scalar;
}

function putter(d: DType, side: Side): Put {
  if (d.kind === 'b') return (a, i, v) => (a[i] = v ? 1 : 0);
  if (d.kind === 'c') {
    return (a, i, v) => {
      a[i] = (v as Complex).re;
      a[i + 1] = (v as Complex).im;
    };
  }
  if (side === 'bits') return (a, i, v) => (a[i] = toFloat16Bits(v as number));
  if (side === 'half') return (a, i, v) => (a[i] = roundFloat16(v as number));
  return (a, i, v) => (a[i] = v as never);
}

const plainNumber = (d: DType) => reprOf(d) === 'num' && d.name !== 'float16';

/** Element conversion table: fast typed paths first, the generic Scalar path last. */
function build(from: DType, fromSide: Side, to: DType, toSide: Side): Convert {
  if (plainNumber(from) && plainNumber(to)) {
    return (s, si, ss, d, di, ds, n) => {
      for (let k = 0; k < n; k++, si += ss, di += ds) d[di] = s[si];
    };
  }
  if (from.kind === 'c' && to.kind === 'c') {
    return (s, si, ss, d, di, ds, n) => {
      for (let k = 0; k < n; k++, si += ss, di += ds) {
        d[di] = s[si];
        d[di + 1] = s[si + 1];
      }
    };
  }
  if (fromSide === 'bits' && to.name === 'float32') {
    return (s, si, ss, d, di, ds, n) => {
      for (let k = 0; k < n; k++, si += ss, di += ds) d[di] = HALF[s[si] as number];
    };
  }
  if (fromSide === 'half' && toSide === 'bits') {
    return (s, si, ss, d, di, ds, n) => {
      for (let k = 0; k < n; k++, si += ss, di += ds) d[di] = toFloat16Bits(s[si] as number);
    };
  }
  const get = getter(from, fromSide);
  const put = putter(to, toSide);
  const conv = converter(from, to);
  return (s, si, ss, d, di, ds, n) => {
    for (let k = 0; k < n; k++, si += ss, di += ds) put(d, di, conv(get(s, si)));
  };
}

const isHalf = (d: DType) => d.name === 'float16';

/** From an array's storage of `from` into a loop's compute representation of `to`. */
export function inputConverter(from: DType, to: DType): Convert {
  return build(from, isHalf(from) ? 'bits' : 'plain', to, isHalf(to) ? 'half' : 'plain');
}

/** From a loop's compute representation of `from` into array storage of `to`. */
export function outputConverter(from: DType, to: DType): Convert {
  return build(from, isHalf(from) ? 'half' : 'plain', to, isHalf(to) ? 'bits' : 'plain');
}

/**
 * Copies `n` elements of `itemsize` bytes from byte `si` (stride `ss`) of
 * `src` to byte `di` (stride `ds`) of `dst`, reversing each `swap`-byte group
 * when `swap` > 1 (byte-order changes), and skipping elements whose `mask`
 * byte (at `mi`, stride `ms`) is zero when a mask is given.
 */
export function moveBytes(
  src: Uint8Array,
  si: number,
  ss: number,
  dst: Uint8Array,
  di: number,
  ds: number,
  n: number,
  itemsize: number,
  swap: number,
  mask?: { readonly bytes: Uint8Array; index: number; readonly stride: number },
): void {
  for (let k = 0; k < n; k++, si += ss, di += ds) {
    if (mask !== undefined) {
      const keep = mask.bytes[mask.index] === 0;
      mask.index += mask.stride;
      if (keep) continue;
    }
    if (swap > 1) {
      for (let c = 0; c < itemsize; c += swap) {
        for (let b = 0; b < swap; b++) dst[di + c + b] = src[si + c + swap - 1 - b];
      }
    } else {
      for (let b = 0; b < itemsize; b++) dst[di + b] = src[si + b];
    }
  }
}
