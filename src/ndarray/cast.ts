// Casting rules (NumPy's can_cast for 'no', 'equiv', 'safe', 'same_kind',
// 'unsafe') and the value conversion between element representations.
import { Complex } from '../core/complex.js';
import type { DType } from '../core/dtypes.js';
import { promoteTypes } from '../core/promotion.js';
import type { Scalar } from './elements.js';

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

export function converter(from: DType, to: DType): Convert {
  return CONVERT[reprOf(from)][reprOf(to)];
}
