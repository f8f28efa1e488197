// Casting rules (NumPy's can_cast for 'no', 'equiv', 'safe', 'same_kind',
// 'unsafe') and the element conversions astype and assignment use.
import { Complex } from '../core/complex.js';
import type { DType, DTypeName } from '../core/dtypes.js';
import { float16BitsToFloat32Bits, float32BitsToFloat16Bits } from '../core/float16.js';
import { promoteTypes } from '../core/promotion.js';
import { elementReader, elementWriter, type Scalar } from './elements.js';

export type Casting = 'no' | 'equiv' | 'safe' | 'same_kind' | 'unsafe';

export const CASTINGS: readonly Casting[] = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'];

/** Kind order for 'same_kind': a cast may go up this list, never down. */
const KIND_RANK: Readonly<Record<string, number>> = { b: 0, u: 1, i: 2, f: 3, c: 4 };

function safe(from: DType, to: DType): boolean {
  return promoteTypes(from, to).name === to.name;
}

const RULES: Readonly<Record<Casting, (from: DType, to: DType) => boolean>> = {
  no: (a, b) => a.name === b.name && a.byteorder === b.byteorder,
  equiv: (a, b) => a.name === b.name,
  safe,
  same_kind: (a, b) => safe(a, b) || KIND_RANK[a.kind] <= KIND_RANK[b.kind],
  unsafe: () => true,
};

/** NumPy's `np.can_cast(from, to, casting)` for dtypes. */
export function canCast(from: DType, to: DType, casting: Casting): boolean {
  return RULES[casting](from, to);
}

/** How an element surfaces in JavaScript: the value classes conversions go between. */
export type Repr = 'bool' | 'num' | 'big' | 'cplx';

export function reprOf(d: DType): Repr {
  if (d.kind === 'b') return 'bool';
  if (d.kind === 'c') return 'cplx';
  return (d.kind === 'i' || d.kind === 'u') && d.itemsize === 8 ? 'big' : 'num';
}

/** Float to 64-bit integer as x86 converts: truncation, and INT64_MIN when out of range or NaN. */
function floatToBig(x: number): bigint {
  return Number.isFinite(x) && Math.abs(x) < 2 ** 64 ? BigInt(Math.trunc(x)) : -(2n ** 63n);
}

type Convert = (v: Scalar) => Scalar;
const id: Convert = (v) => v;

/**
 * Converters between representations; narrowing to the destination width
 * (integer wrap-around, float rounding) happens when the value is stored.
 */
const CONVERT: Readonly<Record<Repr, Readonly<Record<Repr, Convert>>>> = {
  bool: {
    bool: id,
    num: (v) => (v ? 1 : 0),
    big: (v) => (v ? 1n : 0n),
    cplx: (v) => new Complex(v ? 1 : 0, 0),
  },
  num: {
    bool: (v) => v !== 0,
    num: id,
    big: (v) => floatToBig(v as number),
    cplx: (v) => new Complex(v as number, 0),
  },
  big: {
    bool: (v) => v !== 0n,
    num: (v) => Number(v),
    big: id,
    cplx: (v) => new Complex(Number(v), 0),
  },
  cplx: {
    bool: (v) => (v as Complex).re !== 0 || (v as Complex).im !== 0,
    num: (v) => (v as Complex).re,
    big: (v) => floatToBig((v as Complex).re),
    cplx: id,
  },
};

/**
 * The float32 nearest to a 64-bit integer, rounded once as C's cast does.
 * Number() then fround would round twice: 2^53 + 2^29 + 1 would land on a
 * float32 midpoint and round down. Beyond 2^53 the low 11 bits shrink to a
 * sticky bit, which keeps every float32 rounding decision and fits a double.
 */
function bigToFloat32(v: bigint): number {
  const a = v < 0n ? -v : v;
  if (a < 2n ** 53n) return Math.fround(Number(v));
  const kept = Number((a >> 11n) | ((a & 0x7ffn) === 0n ? 0n : 1n)) * 2048;
  return Math.fround(v < 0n ? -kept : kept);
}

/** Wraps to the low 32 bits; the writers of narrower integers wrap the rest. */
const low32: Convert = (v) => Number(BigInt.asIntN(32, v as bigint));

/**
 * bigint sources where the generic Number() conversion is wrong for the
 * target: narrow integers would lose low bits above 2^53, float32 would round twice.
 */
const FROM_BIG: Readonly<Partial<Record<DTypeName, Convert>>> = {
  int8: low32,
  int16: low32,
  int32: low32,
  uint8: low32,
  uint16: low32,
  uint32: low32,
  float32: (v) => bigToFloat32(v as bigint),
  complex64: (v) => new Complex(bigToFloat32(v as bigint), 0),
};

export function converter(from: DType, to: DType): Convert {
  const big = reprOf(from) === 'big' ? FROM_BIG[to.name] : undefined;
  return big ?? CONVERT[reprOf(from)][reprOf(to)];
}

/** Converts the element at byte `si` of `src` into the element at byte `di` of `dst`. */
export type ElementCast = (src: DataView, si: number, dst: DataView, di: number) => void;

type BitCast = (
  src: DataView,
  si: number,
  sle: boolean,
  dst: DataView,
  di: number,
  dle: boolean,
) => void;

const f32ToF16: BitCast = (s, si, sle, d, di, dle) =>
  d.setUint16(di, float32BitsToFloat16Bits(s.getUint32(si, sle)), dle);
const f16ToF32: BitCast = (s, si, sle, d, di, dle) =>
  d.setUint32(di, float16BitsToFloat32Bits(s.getUint16(si, sle)), dle);
const f32ToF32: BitCast = (s, si, sle, d, di, dle) => d.setUint32(di, s.getUint32(si, sle), dle);
const zeroImag =
  (cast: BitCast): BitCast =>
  (s, si, sle, d, di, dle) => {
    cast(s, si, sle, d, di, dle);
    d.setUint32(di + 4, 0, dle);
  };

/**
 * Casts done on bits because a float32 must not pass through a JavaScript
 * number: that quiets signalling NaNs, which NumPy's bit-level float16
 * conversions and plain float32 moves (into or out of complex64) keep.
 */
const BIT_CASTS: Readonly<Partial<Record<`${DTypeName}>${DTypeName}`, BitCast>>> = {
  'float32>float16': f32ToF16,
  'complex64>float16': f32ToF16,
  'float16>float32': f16ToF32,
  'float16>complex64': zeroImag(f16ToF32),
  'float32>complex64': zeroImag(f32ToF32),
  'complex64>float32': f32ToF32,
};

/** The element conversion from `from` to `to`, byte orders included. */
export function elementCast(from: DType, to: DType): ElementCast {
  const sle = from.isNative;
  const dle = to.isNative;
  const bits = BIT_CASTS[`${from.name}>${to.name}`];
  if (bits !== undefined) return (s, si, d, di) => bits(s, si, sle, d, di, dle);
  const read = elementReader(from);
  const write = elementWriter(to);
  const conv = converter(from, to);
  return (s, si, d, di) => write(d, di, conv(read(s, si, sle)), dle);
}
